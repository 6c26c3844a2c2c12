/**
 * The variables a compose file takes from its environment, where each use is, and which of them
 * the example environment file beside it (.env.example and its cousins) documents.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { limits } from "../../load/limits.js";
import { type Operator, parseTemplate, variablesOf } from "../../model/template.js";
import type { ConfigVariable } from "../../model/types.js";
import { parseDotEnv } from "./interpolate.js";

/** The names a project's example of its .env goes by, most usual first. */
export const EXAMPLE_ENV_FILES = [
  ".env.example",
  ".env.sample",
  ".env.template",
  ".env.dist",
  "example.env",
  "sample.env",
  // Without the dot, so that the file is not hidden.
  "env.example",
  "env.sample",
];

/** Where a compose file uses a variable. */
export interface VariableUse {
  name: string;
  file: string;
  start: number;
  end: number;
  /** How it is written: with a default (`:-`), required (`:?`), or plain, without one. */
  operator?: Operator;
}

/** Each use of a variable in the text, outside comments. */
export function variableUses(text: string, file: string): VariableUse[] {
  const uses: VariableUse[] = [];
  // Only the lines with a $ in them: most have none.
  for (let dollar = text.indexOf("$"); dollar !== -1; ) {
    const offset = text.lastIndexOf("\n", dollar - 1) + 1;
    let end = text.indexOf("\n", dollar);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end);
    const comment = /(^|\s)#/.exec(line);
    const code = comment ? line.slice(0, comment.index) : line;
    // As interpolate.ts reads them: a brace never closed takes the rest of the line, and is no use.
    for (const { name, operator, start, end } of variablesOf(parseTemplate(code).parts))
      uses.push({ name, file, start: offset + start, end: offset + end, ...(operator ? { operator } : {}) });
    dollar = text.indexOf("$", end);
  }
  return uses;
}

/** An example env file: the names it lists (commented-out ones too), and the values it gives. */
export interface ExampleEnvironment {
  file: string;
  names: Set<string>;
  values: Record<string, string>;
}

/** The example env file of a folder: a project's, beside the .env it documents. */
export function exampleEnvironment(folder: string): ExampleEnvironment | undefined {
  let present: Set<string>;
  try {
    // One listing of the folder costs less than asking for each example name in turn.
    present = new Set(readdirSync(folder));
  } catch {
    return undefined;
  }
  const name = EXAMPLE_ENV_FILES.find((candidate) => present.has(candidate));
  if (name === undefined) return undefined;
  const file = join(folder, name);
  try {
    // Only a help for reading the compose file: one beyond the size deployview reads is passed over.
    if (statSync(file).size > limits.maxFileBytes) return undefined;
    const text = readFileSync(file, "utf8");
    // A commented-out entry (# NAME=value) documents an optional variable too, and so does a name
    // alone on its line (NAME), which an env file takes from the environment it is read in.
    const commented = [
      ...text.matchAll(
        /^\s*(?:#\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=|(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?$)/gm,
      ),
    ].map((m) => (m[1] ?? m[2])!);
    const values = parseDotEnv(text);
    return { file, names: new Set([...Object.keys(values), ...commented]), values };
  } catch {
    return undefined;
  }
}

/** `exampleEnvironment`, each folder's looked for once: the files of one project share theirs. */
export function exampleLookup(): (folder: string) => ExampleEnvironment | undefined {
  const found = new Map<string, ExampleEnvironment | undefined>();
  return (folder) => {
    if (!found.has(folder)) found.set(folder, exampleEnvironment(folder));
    return found.get(folder);
  };
}

/**
 * The variables of compose sources (their uses by file, as read), first use of each name, with
 * whether the example documents them: `exampleOf` gives the example that documents a file's.
 */
export function configVariables(
  usesByFile: ReadonlyMap<string, VariableUse[]>,
  exampleOf: (composeFile: string) => ExampleEnvironment | undefined,
): ConfigVariable[] {
  const variables = new Map<string, ConfigVariable>();
  for (const [file, uses] of usesByFile) {
    // Looked for only once a variable needs it: most files use none that an earlier one did not.
    let example: ExampleEnvironment | undefined | null = null;
    for (const use of uses) {
      const known = variables.get(use.name);
      // A use with a default asks for nothing; the first one without makes the variable required.
      if (known && (known.optional !== true || hasDefault(use))) continue;
      if (example === null) example = exampleOf(file);
      variables.set(use.name, {
        name: use.name,
        at: { file: use.file, start: use.start, end: use.end },
        ...(example ? { example: example.file, documented: example.names.has(use.name) } : {}),
        ...(hasDefault(use) ? { optional: true } : {}),
      });
    }
  }
  return [...variables.values()];
}

/** Whether a use gives a value of its own where the variable is not set: a default, or an alternative's empty text. */
const hasDefault = (use: VariableUse) => use.operator !== undefined && !use.operator.includes("?");
