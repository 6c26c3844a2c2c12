/**
 * Reading compose files as a model: parse (with the same limits as models), interpolate variables
 * from `.env` and the process environment, follow `include` and `extends`, merge several files as
 * Compose does (with `!reset` and `!override`), convert, resolve.
 */
import { basename, dirname, join } from "node:path";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { LoadResult } from "../../load/index.js";
import { limits, tooManyMessage } from "../../load/limits.js";
import { locate } from "../../load/yaml-file.js";
import { lintableModel, resolveModel } from "../../model/resolve/index.js";
import { keptSecret } from "../../model/secret-like.js";
import type { ConfigVariable } from "../../model/types.js";
import { isObject } from "../json.js";
import { applyExtends, type TakenChecks } from "./extends.js";
import { VARIANT_FILE } from "./file-names.js";
import { generatedFor } from "./generated-for.js";
import { includedSources } from "./include.js";
import { parseDotEnv } from "./interpolate.js";
import { type ReadCompose, readComposeFile, readText } from "./read-file.js";
import { type ComposeSource, composeToModel, type ImportedCompose } from "./to-model.js";
import { unsetAndUndocumented } from "./unset-variables.js";
import { configVariables, type ExampleEnvironment, exampleLookup, type VariableUse } from "./variables.js";

export interface ComposeImport {
  /** Model input and where each path came from; undefined when no file could be read. */
  imported: ImportedCompose | undefined;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** The variables the files use, first use of each, with whether the example documents them. */
  variables: ConfigVariable[];
}

export interface ComposeImportOptions {
  env?: Record<string, string>;
  /**
   * The example env file's values stand in for what .env does not set even where a .env is
   * committed (init reads a repository as a newcomer starts from it); else only where none is.
   */
  exampleAlways?: boolean;
  name?: string;
  environment?: string;
  /** The example env file of a project's folder: one lookup may serve the files of a whole run. */
  exampleFor?: (folder: string) => ExampleEnvironment | undefined;
}

/** Reads one or more compose files (later ones override earlier ones) into model input. */
export async function importCompose(
  files: string[],
  options: ComposeImportOptions = {},
): Promise<ComposeImport> {
  const sources = new Map<string, string>();
  const uses = new Map<string, VariableUse[]>();
  /** The folder of the project each file is read in, whose .env fills in its variables. */
  const projectOf = new Map<string, string>();
  const keep = (file: string, read: ReadCompose, project: string) => {
    if (read.text !== undefined) sources.set(file, read.text);
    if (read.uses !== undefined) uses.set(file, read.uses);
    if (!projectOf.has(file)) projectOf.set(file, project);
  };
  const diagnostics: Diagnostic[] = [];
  // The missing-path rule's: reported by lint, where they can be configured and suppressed.
  const findings: Diagnostic[] = [];
  const dotEnvPath = join(dirname(files[0]!), ".env");
  const dotEnvText = await readText(dotEnvPath);
  // Where no .env is committed (it holds secrets), the example env file's values stand in: they are
  // what a user starts from, and a variable it documents is not missing.
  const exampleFor = options.exampleFor ?? exampleLookup();
  const example =
    options.exampleAlways || typeof dotEnvText !== "string" ? exampleFor(dirname(files[0]!)) : undefined;
  const env: Record<string, string> = {
    ...withoutSecrets(example?.values ?? {}),
    ...(typeof dotEnvText === "string" ? parseDotEnv(dotEnvText) : {}),
    ...options.env,
  };
  const composeSources: ComposeSource[] = [];
  const unresolvedExtends = new Set<string>();
  const checkedExtended: TakenChecks = { services: new Set(), places: new Set() };
  // One file with its includes (before it, as a base) and its extends expanded; `folder` is its
  // project's, which its relative paths are read from.
  const load = async (
    file: string,
    fileEnv: Record<string, string>,
    chain: string[],
    folder: string,
  ): Promise<ComposeSource[]> => {
    const read = await readComposeFile(file, fileEnv, dotEnvPath, example, { folder });
    append(diagnostics, read.diagnostics);
    if (read.findings) append(findings, read.findings);
    keep(file, read, folder);
    const expanded: ComposeSource[] = [];
    // A file the documents extend is read once for all of them.
    const extended = new Map<string, Promise<ReadCompose>>();
    const readExtended = async (other: string) => {
      // Only the service extended is taken from it: the others' paths are none of this project's.
      const result = await readComposeFile(other, fileEnv, dotEnvPath, example, { check: false });
      keep(other, result, folder);
      return result;
    };
    // Each document with its own includes and extends, as Compose reads it.
    for (const source of read.sources ?? []) {
      append(
        expanded,
        await includedSources(
          file,
          folder,
          source,
          { env: options.env ?? {}, load, diagnostics, findings },
          chain,
        ),
      );
      await applyExtends(file, folder, source, {
        read: (other) => {
          const reading = extended.get(other) ?? readExtended(other);
          extended.set(other, reading);
          return reading;
        },
        diagnostics,
        findings,
        checked: checkedExtended,
        unresolved: unresolvedExtends,
      });
      expanded.push(source);
    }
    return expanded;
  };
  // Every file given with -f reads its paths from the first one's folder, as Compose reads them.
  for (const file of files) append(composeSources, await load(file, env, [], dirname(files[0]!)));
  // Documented by the example of the .env Compose reads: the project's, not one beside a file given
  // with -f from another folder.
  const variables = configVariables(uses, (file) => exampleFor(projectOf.get(file) ?? dirname(file)));
  for (const { index, restated, variable } of unsetAndUndocumented(diagnostics, variables, dotEnvPath)) {
    diagnostics[index] = restated;
    variable.unset = true;
  }
  if (composeSources.length === 0) return { imported: undefined, diagnostics, sources, variables };
  const services = new Set(
    composeSources.flatMap((source) =>
      isObject(source.value.services) ? Object.keys(source.value.services) : [],
    ),
  );
  if (services.size > limits.maxServices) {
    const first = composeSources.find((source) => isObject(source.value.services))!;
    diagnostics.push(
      diagnostic(
        "file-too-large",
        "error",
        tooManyMessage(services.size, "services"),
        locate(first.yaml, ["services"], "key"),
      ),
    );
    return { imported: undefined, diagnostics, sources, variables };
  }
  const name = options.name ?? (basename(dirname(files[0]!)) || "compose");
  // Checked alone, docker-compose.dev.yml runs in development, and compose.prod.yaml in production:
  // the rules that tell them apart read the environment's name.
  const variant = VARIANT_FILE.exec(basename(files.at(-1)!))?.[1];
  const environment =
    options.environment ??
    generatedFor(composeSources) ??
    (variant && variant !== "override" ? variant : "compose");
  const imported = composeToModel(name, composeSources, environment);
  imported.unresolvedExtends = unresolvedExtends;
  append(diagnostics, imported.diagnostics);
  append(imported.findings, findings);
  // Nothing to check, as with an empty file, which Compose refuses too: `services:` with nothing
  // after it, or services written as a list (reported as such by the reading).
  if (Object.keys(imported.input.services).length === 0) {
    if (!diagnostics.some((d) => d.severity === "error")) {
      const first = composeSources.find((source) => "services" in source.value) ?? composeSources[0]!;
      const message = `${composeSources.length === 1 ? "the compose file defines" : "the compose files define"} no services`;
      diagnostics.push(
        "services" in first.value
          ? diagnostic("schema-missing-key", "error", message, locate(first.yaml, ["services"], "key"))
          : diagnostic("schema-missing-key", "error", message, { file: first.yaml.file }),
      );
    }
    return { imported: undefined, diagnostics, sources, variables };
  }
  return { imported, diagnostics, sources, variables };
}

/**
 * Stand-in values, less those that look secret: a placeholder password must not pass for the one
 * the file writes, nor reach the model. Where the file writes a default, that is used; else the
 * variable stays as written, a secret the environment supplies.
 */
function withoutSecrets(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => !keptSecret(name, value)));
}

/**
 * Loads one or more compose files (later ones override earlier ones) as a resolved model; one
 * whose only errors are values out of range comes with them, to be linted (see lintableModel).
 */
export async function loadComposeAsModel(
  files: string[],
  options: Pick<ComposeImportOptions, "env" | "exampleFor"> = {},
): Promise<LoadResult> {
  const { imported, diagnostics, sources, variables } = await importCompose(files, options);
  if (!imported) return { model: undefined, diagnostics, sources };
  const resolved = resolveModel(imported.input, files[0]!, imported.locate);
  const lintable = lintableModel(resolved);
  if (!lintable)
    return {
      model: undefined,
      diagnostics: [...diagnostics, ...imported.findings, ...resolved.diagnostics],
      sources,
    };
  const model = {
    ...lintable,
    variables,
    importFindings: imported.findings,
    readFrom: "compose" as const,
    imageHealthChecks: imported.imageHealthChecks,
    unresolvedExtends: imported.unresolvedExtends,
    refusedImages: imported.refusedImages,
  };
  // A file another overrides may hold what the merge replaces; included and extended files are
  // read in part.
  const wholeFiles = files.length === 1 && sources.has(files[0]!) ? [files[0]!] : [];
  return { model, diagnostics: [...diagnostics, ...resolved.diagnostics], sources, wholeFiles };
}
