/**
 * The `check` command, made from how it reads the paths it is given: the whole CLI reads models,
 * compose files, manifests and repositories (check.ts); the compose bundle, compose files alone.
 */

import { checkLoadedModel } from "../check/index.js";
import type { Load } from "../check/targets.js";
import { append, inWords } from "../collections.js";
import { type Diagnostic, hasErrors, sortDiagnostics, uniqueDiagnostics } from "../diagnostics.js";
import { loadComposeAsModel } from "../import/compose/index.js";
import { type ExampleEnvironment, exampleLookup } from "../import/compose/variables.js";
import { namesStandardInput, standardInputPath } from "../load/standard-input.js";
import { meantSeverity } from "../model/severity-settings.js";
import { closest } from "../model/suggest.js";
import { formatDiagnostics } from "../report/index.js";
import type { SeveritySetting } from "../rules/index.js";
import { rules, severitySettings } from "../rules/index.js";
import { SECRET_RULES } from "../rules/secret-rules.js";
import { VERSION } from "../version.js";
import { modelPath, parseFormat } from "./arguments.js";
import { type CliIo, type Command, ExitCode } from "./command.js";

// Help, usage and the error name the settings the flag takes from the one list.
const settings = new Set<string>(severitySettings);
const settingsText = severitySettings.join("|");

/** `--rule id=severity`, repeatable. */
function parseRules(values: string[]): {
  severities: Record<string, SeveritySetting>;
  bad?: { value: string; meant?: string };
} {
  // Without a prototype, so that a rule named __proto__ is a key like any other, and reported as unknown.
  const severities: Record<string, SeveritySetting> = Object.create(null);
  for (const value of values) {
    const [id, severity] = value.split("=");
    if (!id || !severity || !settings.has(severity)) {
      const meant = id && severity ? meantSeverity(severity) : undefined;
      return { severities, bad: { value, ...(meant ? { meant: `${id}=${meant}` } : {}) } };
    }
    severities[id] = severity as SeveritySetting;
  }
  return { severities };
}

/** The variables set in an environment, without a prototype: __proto__ is a name like any other there. */
function definedVariables(env: CliIo["env"]): Record<string, string> {
  const defined: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(env ?? {})) if (value !== undefined) defined[name] = value;
  return defined;
}

type CheckedKind = "model" | "compose" | "kubernetes";

const KIND_NAMES: Record<CheckedKind, [one: string, many: string]> = {
  model: ["model", "models"],
  compose: ["Compose project", "Compose projects"],
  kubernetes: ["set of manifests", "sets of manifests"],
};

/** "2 models", or "1 model, 2 Compose projects and 1 set of manifests": what a run checked, by kind. */
function countedKinds(checked: readonly CheckedKind[]): string {
  const counted = (Object.keys(KIND_NAMES) as CheckedKind[])
    .map((kind) => [kind, checked.filter((k) => k === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${KIND_NAMES[kind][count === 1 ? 0 : 1]}`);
  return inWords(counted);
}

/** How the paths named on the command line are read: the loads they stand for. */
export type Targets = (
  paths: string[],
  compose: { exampleFor: (folder: string) => ExampleEnvironment | undefined },
) => Promise<Load[]>;

/** `check`, reading the paths it is given with `targets`. */
export function checkCommand(targets: Targets): Command {
  return {
    name: "check",
    summary:
      "Lint models, compose files, Kubernetes manifests or whole repositories: references, budgets, what would not start, and the rule catalogue",
    usage: `deployview check [model | compose file | manifests | folder | -]… | -f compose.yaml [-f override.yaml] [--format text|json|sarif|github] [--rule id=${settingsText}] [--max-warnings N] [--quiet]`,
    options: {
      format: { type: "string", value: "FORMAT", description: "text (default), json, sarif or github" },
      rule: {
        type: "string",
        multiple: true,
        value: "ID=LEVEL",
        description: `Set a rule's severity: ${severitySettings.slice(0, -1).join(", ")} or ${severitySettings.at(-1)}`,
      },
      "max-warnings": {
        type: "string",
        value: "N",
        description: "Fail (exit 1) when there are more than N warnings",
      },
      quiet: {
        type: "boolean",
        short: "q",
        description: "Report errors only: warnings and notes are left out, and count for nothing",
      },
      file: {
        type: "string",
        short: "f",
        multiple: true,
        value: "COMPOSE",
        description:
          "Lint compose files instead of a model (repeat to merge them as Compose does; - for standard input)",
      },
    },
    async run({ positionals, options }, io) {
      const format = parseFormat(options.format, ["text", "json", "sarif", "github"]);
      if (!format) {
        io.stderr.write(
          `deployview check: unknown format '${String(options.format)}' (use text, json, sarif or github)\n`,
        );
        return ExitCode.unusable;
      }
      const { severities, bad } = parseRules((options.rule as string[] | undefined) ?? []);
      if (bad) {
        const meant = bad.meant ? `; did you mean '${bad.meant}'?` : "";
        io.stderr.write(`deployview check: --rule takes id=${settingsText}, not '${bad.value}'${meant}\n`);
        return ExitCode.unusable;
      }
      // A mistyped id on the command line would leave the rule as it was while the run looks configured.
      const unknown = Object.keys(severities).find((id) => !rules.some((rule) => rule.id === id));
      if (unknown !== undefined) {
        const meant = closest(
          unknown,
          rules.map((rule) => rule.id),
        );
        io.stderr.write(
          `deployview check: --rule names no lint rule '${unknown}'${meant ? `; did you mean '${meant}'?` : ""} (deployview rules lists them)\n`,
        );
        return ExitCode.unusable;
      }
      // Digits only: Number() reads "" and " " as 0, and 0x10 or 1e3 as numbers nobody meant here.
      const written = options["max-warnings"];
      if (written !== undefined && !/^\d+$/.test(String(written))) {
        io.stderr.write("deployview check: --max-warnings takes a whole number\n");
        return ExitCode.unusable;
      }
      const maxWarnings = written === undefined ? undefined : Number(written);
      // `-f -` (or /dev/stdin) is standard input, as Compose takes it: a file in the folder the
      // command runs in, where its relative paths and .env are read from.
      const composeFiles = ((options.file as string[] | undefined) ?? []).map((f) =>
        namesStandardInput(f) ? standardInputPath(io.cwd) : modelPath(io, f),
      );
      if (composeFiles.length > 0 && positionals.length > 0) {
        // Read as one project or each on its own? Either is a guess, and a path passed over unread is worse.
        io.stderr.write(
          `deployview check: -f merges compose files into one project, and '${positionals[0]}' is named without it: give it with -f to merge it, or check the files apart\n`,
        );
        return ExitCode.unusable;
      }
      // `-` is standard input, read as what it holds: a model, manifests or a compose file.
      const files = positionals.length > 0 ? positionals : [undefined];
      const pathOf = (file: string | undefined) =>
        file !== undefined && namesStandardInput(file) ? standardInputPath(io.cwd) : modelPath(io, file);
      /** The findings of each load apart: several may say one thing of a file they share. */
      const runs: Diagnostic[][] = [];
      /** What each run checked, as the line that finds nothing counts them. */
      const checked: CheckedKind[] = [];
      const sources = new Map<string, string>();
      /** What the secret rules find, reported or not: hidden in every code frame all the same. */
      const secrets: Diagnostic[] = [];
      let unusable = false;
      // Each compose file, manifest folder or repository named is checked on its own.
      // Compose files of one folder share its example env file, looked up once for the whole run.
      // Compose fills variables in from the shell before .env, so a check of compose files does too.
      const compose = { exampleFor: exampleLookup(), env: definedVariables(io.env) };
      const loads =
        composeFiles.length > 0
          ? [() => loadComposeAsModel(composeFiles, compose)]
          : await targets(files.map(pathOf), compose);
      // Where no model could be made, what the importer found for the rules comes as it is: those of
      // a rule that is off unless turned on, or turned off, are left out as the rules would leave them.
      const off = new Set(
        rules
          .filter((rule) => (severities[rule.id] === undefined ? rule.optIn : severities[rule.id] === "off"))
          .map((rule) => rule.id),
      );
      /** Files some run read only in part: whether a suppression in them is used, no run can tell. */
      const readInPart = new Set<string>();
      for (const load of loads) {
        const loaded = await load();
        const whole = new Set(loaded.wholeFiles);
        for (const path of loaded.sources.keys()) if (!whole.has(path)) readInPart.add(path);
        const diagnostics = loaded.model
          ? [...loaded.diagnostics]
          : loaded.diagnostics.filter((d) => !off.has(d.code));
        for (const d of loaded.diagnostics) if (SECRET_RULES.has(d.code)) secrets.push(d);
        for (const [path, text] of loaded.sources) sources.set(path, text);
        if (loaded.model) {
          const linted = checkLoadedModel(loaded.model, loaded, severities);
          append(diagnostics, linted.findings);
          append(secrets, linted.secrets);
          checked.push(loaded.model.readFrom ?? "model");
        } else if (!loaded.nothingToCheck) unusable = true;
        runs.push(diagnostics);
      }
      const found = sortDiagnostics(uniqueDiagnostics(runs)).filter(
        (d) => d.code !== "unused-suppression" || !readInPart.has(d.file ?? ""),
      );
      const sorted = options.quiet === true ? found.filter((d) => d.severity === "error") : found;
      const report = formatDiagnostics(sorted, sources, format, {
        color: io.color,
        cwd: io.cwd,
        rules,
        version: VERSION,
        secrets,
      });
      if (format !== "text" || sorted.length > 0) io.stdout.write(report);
      else io.stdout.write(`No problems found${checked.length > 1 ? ` in ${countedKinds(checked)}` : ""}.\n`);
      if (unusable) return ExitCode.unusable;
      const warnings = sorted.filter((d) => d.severity === "warning").length;
      if (hasErrors(sorted)) return ExitCode.findings;
      if (maxWarnings === undefined || warnings <= maxWarnings) return ExitCode.ok;
      // On stderr, so that JSON and SARIF on stdout stay what they are: why a run with no error fails.
      io.stderr.write(
        `deployview check: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings} allows\n`,
      );
      return ExitCode.findings;
    },
  };
}
