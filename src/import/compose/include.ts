/**
 * `include`: other compose files, each loaded as a project of its own (paths relative to it, its own
 * `.env`), whose services join the including file's. An entry of several paths is one project, the
 * later files overriding the first as -f files do, all with paths relative to the first one's folder
 * (or its project_directory). A service both define is merged, the including file's keys over the
 * included ones, as Compose 5 does (Compose 2 refuses it: see include-conflicts.ts).
 * An include that cannot be read, and one that includes itself, are reported.
 */
import { dirname, join, relative, resolve } from "node:path";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { limits } from "../../load/limits.js";
import { pathKind } from "../../load/path-kind.js";
import { locate } from "../../load/yaml-file.js";
import { isObject, type Json } from "../json.js";
import { type IncludedDefinitions, includeConflicts } from "./include-conflicts.js";
import { parseDotEnv } from "./interpolate.js";
import { readText } from "./read-file.js";
import { rebaseService } from "./rebase.js";
import type { ComposeSource } from "./to-model.js";

export interface IncludeContext {
  /** Variables from the command line and the process, which win over every `.env`. */
  env: Record<string, string>;
  /** Reads, interpolates and expands one file (with its own includes) in a project folder and its environment. */
  load: (
    file: string,
    env: Record<string, string>,
    chain: string[],
    folder: string,
  ) => Promise<ComposeSource[]>;
  diagnostics: Diagnostic[];
  /** Where the include-conflict rule's findings go. */
  findings: Diagnostic[];
}

async function envOf(files: string[]): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const file of files) {
    const text = await readText(file);
    if (typeof text === "string") Object.assign(env, parseDotEnv(text));
  }
  return env;
}

/** `folder`: the one the including file reads its paths from, its entries' among them, as Compose does. */
export async function includedSources(
  file: string,
  folder: string,
  source: ComposeSource,
  context: IncludeContext,
  chain: string[],
): Promise<ComposeSource[]> {
  const entries = Array.isArray(source.value.include) ? source.value.include : [];
  const included: ComposeSource[] = [];
  const taken: IncludedDefinitions = new Map();
  const report = (index: number, message: string) =>
    context.diagnostics.push(
      diagnostic(
        "compose-include-invalid",
        "error",
        message,
        locate(source.yaml, ["include", index], "value"),
      ),
    );
  for (const [index, entry] of entries.entries()) {
    const spec: Json = isObject(entry) ? entry : { path: entry };
    const paths = (Array.isArray(spec.path) ? spec.path : [spec.path])
      .filter((p): p is string => typeof p === "string")
      .map((p) => resolve(folder, p));
    if (paths.length === 0) continue;
    const project =
      typeof spec.project_directory === "string"
        ? resolve(folder, spec.project_directory)
        : dirname(paths[0]!);
    const envFiles = (Array.isArray(spec.env_file) ? spec.env_file : spec.env_file ? [spec.env_file] : [])
      .filter((p): p is string => typeof p === "string")
      .map((p) => resolve(folder, p));
    for (const { written, step } of missingEnvFiles(spec.env_file, folder))
      context.diagnostics.push(
        diagnostic(
          "compose-include-invalid",
          "error",
          `the env_file ${written} of the include does not exist, so Compose refuses the file`,
          locate(source.yaml, ["include", index, "env_file", ...step], "value"),
          { hint: "create it, or leave it out to read the .env of the included file's folder" },
        ),
      );
    const env = {
      ...(await envOf(envFiles.length > 0 ? envFiles : [join(project, ".env")])),
      ...context.env,
    };
    const entryLoaded: ComposeSource[] = [];
    for (const path of paths) {
      const written = relative(folder, path) || ".";
      if (chain.includes(path) || path === resolve(file)) {
        report(index, `${written} includes the file that includes it`);
        continue;
      }
      const kind = pathKind(path);
      if (kind !== "file") {
        report(
          index,
          kind === undefined
            ? `the included file ${written} does not exist`
            : `the included path ${written} is ${kind === "folder" ? "a folder, not a compose file" : "not a file"}`,
        );
        continue;
      }
      // Each level takes in all below it: a hostile chain of thousands grows with its square.
      if (chain.length >= limits.maxDepth) {
        report(
          index,
          `${written} nests includes more than ${limits.maxDepth} deep, further than deployview follows`,
        );
        continue;
      }
      // Several paths are one project, as files given with -f are: all read their paths from its folder.
      const loaded = await context.load(path, env, [...chain, resolve(file)], project);
      if (loaded.length === 0) {
        report(index, `the included file ${written} cannot be used`);
        continue;
      }
      // Its paths are its project folder's; the model's are those of the folder this file reads from.
      for (const other of loaded) {
        const services = isObject(other.value.services) ? other.value.services : {};
        for (const [id, service] of Object.entries(services))
          if (isObject(service)) services[id] = rebaseService(service, project, folder);
      }
      append(entryLoaded, loaded);
    }
    append(context.findings, includeConflicts(source, index, entryLoaded, taken, folder));
    append(included, entryLoaded);
  }
  return included;
}

/**
 * The env files an include names that are not there, as written, with their step below env_file:
 * Compose reads them before the included file, and refuses one it cannot find.
 */
function missingEnvFiles(envFile: unknown, folder: string): { written: string; step: number[] }[] {
  const entries = Array.isArray(envFile) ? envFile : [envFile];
  return entries.flatMap((written, index) =>
    typeof written === "string" && written !== "" && pathKind(resolve(folder, written)) !== "file"
      ? [{ written, step: Array.isArray(envFile) ? [index] : [] }]
      : [],
  );
}
