/**
 * `${APP_DIR}` in a service's command, entrypoint or health check, where the service sets APP_DIR
 * itself: Compose fills it in from the environment it runs in when it reads the file, before any
 * container exists, so the command gets the host's value or nothing, never the service's own. The
 * container's shell reads it only when written `$${APP_DIR}`. Where the service takes the variable
 * from Compose's environment too (PORT: ${PORT}), both mean the host's value and nothing is wrong.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { reach, type YamlFile } from "../../load/yaml-file.js";
import { isObject, type Json, valueAt } from "../json.js";
import type { VariableUse } from "./variables.js";

/** Where a container's program is written, as the message names it. */
const PROGRAM_FIELDS: readonly [string[], string][] = [
  [["command"], "command"],
  [["entrypoint"], "entrypoint"],
  [["healthcheck", "test"], "health check"],
];

/** The variables a service's environment gives a value of its own (not one left to Compose's environment). */
function ownVariables(environment: unknown): Set<string> {
  const names = new Set<string>();
  if (Array.isArray(environment)) {
    for (const entry of environment)
      if (typeof entry === "string" && entry.includes("=")) names.add(entry.slice(0, entry.indexOf("=")));
  } else if (isObject(environment)) {
    for (const [name, value] of Object.entries(environment))
      if (value !== null && value !== undefined) names.add(name);
  }
  return names;
}

/** A shell that reads `-c` and its command. */
const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:ba|da|a|z)?sh$/;

/** Whether a program as written runs through a shell, which expands what Compose leaves: text does, a list only when it starts one. */
function runsShell(program: unknown): boolean {
  if (!Array.isArray(program)) return true;
  if (program[0] === "CMD-SHELL") return true;
  const words = program[0] === "CMD" ? program.slice(1) : program;
  return typeof words[0] === "string" && SHELL.test(words[0]) && words.includes("-c");
}

const within = (use: VariableUse, range: { start: number; end: number }) =>
  use.start >= range.start && use.end <= range.end;

/**
 * Each such use, as a finding of the container-variable-from-host rule. `uses` are the file's
 * variable uses, in its order; `yaml` and `value` one document of it.
 */
export function containerVariablesFromHost(
  yaml: YamlFile,
  value: Json,
  uses: readonly VariableUse[],
): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (uses.length === 0 || !isObject(value.services)) return found;
  const used = new Set(uses.map((use) => use.name));
  for (const [id, service] of Object.entries(value.services)) {
    if (!isObject(service)) continue;
    const candidates = [...ownVariables(service.environment)].filter((name) => used.has(name));
    if (candidates.length === 0) continue;
    const environment = reach(yaml, ["services", id, "environment"], "value");
    // A variable the environment itself takes from Compose's (PORT: ${PORT:-3000}) is meant to be the host's.
    const fromHost = new Set(uses.filter((use) => within(use, environment.range)).map((use) => use.name));
    const names = new Set(candidates.filter((name) => !fromHost.has(name)));
    if (names.size === 0) continue;
    for (const [path, field] of PROGRAM_FIELDS) {
      const written = reach(yaml, ["services", id, ...path], "value");
      if (written.depth !== path.length + 2) continue;
      const shell = runsShell(valueAt(service, path));
      for (const use of uses) {
        if (!names.has(use.name) || !within(use, written.range)) continue;
        const as = yaml.text.slice(use.start, use.end);
        found.push(
          diagnostic(
            "container-variable-from-host",
            "warning",
            `the ${field} of '${id}' uses ${as}, which Compose fills in from the environment it runs in, not from the ${use.name} that '${id}' sets`,
            { file: yaml.file, start: use.start, end: use.end },
            {
              hint: `write $${as} (the $ doubled) so that the container reads its own ${use.name}${shell ? "" : ", and run the command through a shell (sh -c, CMD-SHELL): the list form expands no variable"}`,
            },
          ),
        );
      }
    }
  }
  return found;
}
