/**
 * One compose file: read within the limits, parsed with positions, its `!reset`/`!override` tags
 * noted, and every string interpolated; unset and required variables are reported at their use.
 */
import { basename, dirname, resolve } from "node:path";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { pathKind } from "../../load/path-kind.js";
import { readTextFile } from "../../load/text-file.js";
import { locate, parseYaml } from "../../load/yaml-file.js";
import { keptSecret, secretLike } from "../../model/secret-like.js";
import { containerVariablesFromHost } from "./container-variables.js";
import { secretConfigs } from "./inline-configs.js";
import { interpolate, parseDotEnv } from "./interpolate.js";
import { secretLabels } from "./label-secrets.js";
import { envFileEntries, missingEnvFile, missingLocalPaths } from "./local-paths.js";
import { clearResets, composeTags } from "./merge.js";
import type { ComposeSource } from "./to-model.js";
import { unsetVariable } from "./unset-variables.js";
import { type ExampleEnvironment, type VariableUse, variableUses } from "./variables.js";
import { keepWrittenNumbers } from "./written-numbers.js";

type Json = Record<string, unknown>;

/** A range that stands for a whole file, for what is wrong with all of it. */
const wholeFile = (file: string): SourceRange => ({ file, start: 0, end: 0 });

/** With a compose file's hints: only its reading reports why there is no text; the others' (.env, env_file) pass it over. */
export async function readText(file: string): Promise<string | Diagnostic> {
  return readTextFile(file, {
    missing: "check the path of the compose file",
    notFile: "name a compose file",
  });
}

export interface ReadCompose {
  /** Its documents, in their order: one for most files. */
  sources?: ComposeSource[];
  text?: string;
  /** Where the text uses variables, whenever there is a text. */
  uses?: VariableUse[];
  diagnostics: Diagnostic[];
  /** What a lint rule reports, at its configured severity (see Model.importFindings): paths that are not there. */
  findings?: Diagnostic[];
}

/**
 * A variable the example documents is not reported as unset, nor as missing where it gives a
 * value (a required one it leaves empty is still to be filled in).
 */
export async function readComposeFile(
  file: string,
  env: Record<string, string>,
  envFile: string,
  example?: ExampleEnvironment,
  paths: {
    /**
     * The folder its relative paths are read from: the project's, the first file's, for every file
     * given with -f (as Compose reads them); its own for a file included or extended.
     */
    folder?: string;
    /** Whether to look for the paths its services need: not in a file read for a service another extends. */
    check?: boolean;
  } = {},
): Promise<ReadCompose> {
  const folder = paths.folder ?? dirname(file);
  const text = await readText(file);
  if (typeof text !== "string") return { diagnostics: [text] };
  const unset = new Set<string>();
  const missing = new Map<string, string>();
  const unclosed = new Set<string>();
  const secrets = new Set<string>();
  const secretDefaults = new Set<string>();
  // A variable whose example value looks secret (a URL with credentials) is kept as well: the
  // placeholder stays out, and the variable is what the environment must supply.
  const values = example?.values ?? {};
  const keep = (name: string, value: string) =>
    keptSecret(name, value) || (Object.hasOwn(values, name) && keptSecret(name, values[name]));
  // Interpolated as the values are made, so the value is not copied once more to do it. A variable
  // that looks secret (by its name or its value) stays as written: its value, typically from .env,
  // must reach neither the model nor anything made from it.
  const interpolated = (value: string, key?: string) => {
    if (!value.includes("$")) return value;
    let result = interpolate(value, env, keep);
    // A value that looks secret only once the environment fills it in (POSTGRES_PASSWORD: ${DB_CRED},
    // an URL or option made with it) takes its secret from there: what the environment sets stays out.
    if (filledInSecret(value, result.value, key)) result = interpolate(value, env, keepAll);
    for (const name of result.kept) secrets.add(name);
    // A default that looks secret is in the file whatever the environment sets (a used one reaches
    // the model, and the rule finds it there).
    for (const { name, fallback } of result.unusedDefaults)
      if (!fallback.includes("$") && (secretLike(key ?? name, fallback) ?? secretLike(name, fallback)))
        secretDefaults.add(name);
    for (const name of result.unset) if (!example?.names.has(name)) unset.add(name);
    for (const m of result.missing)
      if (!(Object.hasOwn(values, m.name) && values[m.name])) missing.set(m.name, m.message);
    if (result.unclosed !== undefined) unclosed.add(result.unclosed);
    // An image whose variables are not set here is chosen where the file is run (${TAG} in CI):
    // kept as written, it is not taken for no image, or an unpinned or malformed one.
    if (key === "image" && (result.unset.length > 0 || result.missing.length > 0)) return value;
    return result.value;
  };
  // Compose reads each document of a file as another file given with -f: the later over the earlier.
  const parsed = parseYaml(text, file, { merge: true, mapString: interpolated, multiDocument: true });
  const diagnostics = [...parsed.diagnostics];
  const uses = variableUses(text, file);
  // A document with nothing in it (after a last ---) adds nothing; one that could not be read is reported.
  const documents = parsed.documents.filter((document) => document.value !== null);
  if (documents.length === 0 || documents.some((document) => document.value === undefined)) {
    // Compose refuses an empty file too; without a word, the check would end unusable and silent.
    if (diagnostics.length === 0)
      diagnostics.push(
        diagnostic("schema-missing-key", "error", "the compose file is empty: it defines no services", {
          file,
        }),
      );
    return { text, uses, diagnostics };
  }
  const notMapping = documents.find(({ value }) => typeof value !== "object" || Array.isArray(value));
  if (notMapping) {
    // At the document's value, as the model's loader reports its own: not a made-up 1:1.
    diagnostics.push(
      diagnostic(
        "schema-wrong-type",
        "error",
        "a compose file must be a mapping",
        locate(notMapping, [], "value"),
      ),
    );
    return { text, uses, diagnostics };
  }
  // Each finding about a variable is at its first use of the form the finding is about: unset at a
  // ${PG_PASS} with no default, not at a ${PG_PASS:?…} before it, which has a finding of its own.
  const firstUse = new Map<string, VariableUse>();
  for (const use of uses) {
    const key = `${use.name} ${use.operator ?? ""}`;
    if (!firstUse.has(key)) firstUse.set(key, use);
    if (!firstUse.has(use.name)) firstUse.set(use.name, use);
  }
  const at = (name: string, operators: readonly string[]) => {
    const use =
      operators.map((operator) => firstUse.get(`${name} ${operator}`)).find((found) => found !== undefined) ??
      firstUse.get(name);
    return use ? { file, start: use.start, end: use.end } : wholeFile(file);
  };
  for (const written of unclosed) {
    // Pointed at where it opens, ${NAME; the value runs on to its end.
    const start = Math.max(text.indexOf(written), 0);
    const opening = /^\$\{\w*/.exec(written)![0];
    diagnostics.push(
      diagnostic(
        "schema-invalid-value",
        "error",
        `${opening} opens a variable and never closes it, which Compose refuses`,
        { file, start, end: start + opening.length },
        { hint: "close it with }, or write $$ for a dollar sign" },
      ),
    );
  }
  const containerUses = documents.flatMap((yaml) =>
    containerVariablesFromHost(yaml, yaml.value as Json, uses),
  );
  // A variable unset only where the service meant its own has that finding alone: its cause is the one.
  const meantForContainer = new Set(containerUses.map((d) => d.start));
  const elsewhere = new Set(uses.filter((use) => !meantForContainer.has(use.start)).map((use) => use.name));
  for (const name of [...unset].sort())
    if (elsewhere.has(name)) diagnostics.push(unsetVariable(name, at(name, [""]), envFile));
  for (const [name, message] of missing)
    diagnostics.push(
      diagnostic(
        "compose-required-variable",
        "warning",
        // The file's own words, quoted: pasted bare, they read as deployview's.
        `the variable ${name} is required, and not set${message ? `: "${message}"` : ""}`,
        at(name, [":?", "?"]),
        { hint: `set it in ${basename(envFile)} or the environment where Compose runs` },
      ),
    );
  const findings: Diagnostic[] = containerUses;
  for (const name of secretDefaults)
    findings.push(
      diagnostic(
        "plaintext-secret",
        "error",
        `the default of \${${name}} holds what looks like a secret in plain text, in the file whatever ${basename(envFile)} or the environment sets`,
        at(name, [":-", "-"]),
        {
          hint: `leave the default out (\${${name}:?set ${name}}), and set the value in ${basename(envFile)} or the environment`,
        },
      ),
    );
  const sources: ComposeSource[] = [];
  for (const yaml of documents) {
    const value = yaml.value as Json;
    const tags = composeTags(yaml);
    clearResets(value, tags);
    keepWrittenNumbers(value, yaml, text);
    const valueAt = (path: (string | number)[]) => locate(yaml, path, "value");
    if (paths.check !== false) append(findings, missingLocalPaths(value, folder, valueAt));
    append(findings, secretConfigs(value, valueAt, text));
    append(findings, secretLabels(value, valueAt));
    await applyEnvFiles(value, folder, { diagnostics, findings }, valueAt);
    sources.push({ yaml, value, tags, secrets, folder });
  }
  // A use meant for the container is that rule's finding, not a variable the deployment takes.
  const taken = meantForContainer.size === 0 ? uses : uses.filter((use) => !meantForContainer.has(use.start));
  return { sources, text, uses: taken, diagnostics, findings };
}

const keepAll = () => true;

/**
 * Whether a value the environment filled in looks secret: as the value of `key`, of the name a
 * list's `NAME=value` gives it, or by itself (a word of a command, `--password=…`).
 */
function filledInSecret(written: string, filled: string, key: string | undefined): boolean {
  if (filled === written) return false;
  const listed = key === undefined ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(filled) : null;
  const value = listed ? filled.slice(listed[0].length) : filled;
  return secretLike(key ?? listed?.[1] ?? "", value) !== undefined;
}

/**
 * Where a service keeps the variables its env files give, an extension key (x-), which Compose's
 * schema and the merge of files treat as any other: later files' add to earlier ones'.
 */
export const ENV_FILE_VARIABLES = "x-deployview-env-file";

/**
 * `env_file`: a service's variables from files beside the compose file, under what `environment`
 * sets itself; values that look secret stay behind. A file that is not there is the missing-path
 * rule's finding, one there but unreadable a warning; neither where it is marked `required: false`.
 */
async function applyEnvFiles(
  value: Json,
  folder: string,
  found: { diagnostics: Diagnostic[]; findings: Diagnostic[] },
  at: (path: (string | number)[]) => SourceRange,
): Promise<void> {
  const services = value.services;
  if (services === null || typeof services !== "object" || Array.isArray(services)) return;
  for (const [id, service] of Object.entries(services as Json)) {
    if (service === null || typeof service !== "object" || Array.isArray(service)) continue;
    const entries = envFileEntries((service as Json).env_file);
    if (entries.length === 0) continue;
    const fromFiles: Record<string, string> = Object.create(null);
    for (const [index, entry] of entries.entries()) {
      // An entry of another type, or a path of one, is the schema's wrong type (key-problems.ts): no file.
      if (entry.path === undefined) {
        if (entry.pathless)
          found.diagnostics.push(
            diagnostic(
              "schema-missing-key",
              "error",
              `the env_file entry ${index + 1} of '${id}' names no path`,
              at(["services", id, "env_file", ...entry.key]),
              { hint: "give it the file's path: { path: ./app.env, required: false }" },
            ),
          );
        continue;
      }
      const text = await readText(resolve(folder, entry.path));
      if (typeof text === "string") {
        // Such files are where secrets are kept out of compose files: take their names, never their values.
        for (const [name, variable] of Object.entries(parseDotEnv(text)))
          fromFiles[name] = keptSecret(name, variable) ? "" : variable;
      } else if (entry.required) {
        const where = at(["services", id, "env_file", ...entry.key]);
        const path = resolve(folder, entry.path);
        if (pathKind(path) === undefined) found.findings.push(missingEnvFile(id, entry.path, path, where));
        else
          found.diagnostics.push(
            diagnostic(
              "file-unreadable",
              "warning",
              `the env_file ${entry.path} of '${id}' cannot be read; its variables are left out`,
              where,
            ),
          );
      }
    }
    // Beside what the service writes itself, not merged into it: the checks of its environment
    // (an entry written twice, a variable set twice) read it as written.
    if (Object.keys(fromFiles).length > 0) (service as Json)[ENV_FILE_VARIABLES] = fromFiles;
  }
}
