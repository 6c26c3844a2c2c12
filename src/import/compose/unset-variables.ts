/**
 * A variable used with no default and not set. Where the example env file of the project does not
 * list it either, one finding says both, as one cause is behind them: nobody said the variable
 * is needed. undocumented-variable passes over such a use.
 */
import { basename } from "node:path";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import type { ConfigVariable } from "../../model/types.js";

/** The finding at the use of `name`; `example`, the example env file that does not list it. */
export function unsetVariable(
  name: string,
  at: SourceRange | { file: string },
  envFile: string,
  example?: string,
): Diagnostic {
  const set = `set it in ${basename(envFile)} or the environment`;
  if (example === undefined)
    return diagnostic(
      "compose-unset-variable",
      "warning",
      `the variable ${name} is not set and has no default`,
      at,
      {
        hint: set,
      },
    );
  const listed = basename(example);
  return diagnostic(
    "compose-unset-variable",
    "warning",
    `the variable ${name} is not set and has no default, and ${listed} does not list it`,
    at,
    { hint: `${set}, and add ${name}= to ${listed}` },
  );
}

/** A finding said again: `restated` takes the place of the finding at `index`, about `variable`. */
export interface Restatement {
  index: number;
  restated: Diagnostic;
  variable: ConfigVariable;
}

/**
 * Each unset finding at the use of a variable the example does not list, said again with both
 * causes. The caller puts each in place of the finding it restates and marks the variable unset,
 * so that undocumented-variable does not report the use once more.
 */
export function unsetAndUndocumented(
  diagnostics: readonly Diagnostic[],
  variables: readonly ConfigVariable[],
  envFile: string,
): Restatement[] {
  const undocumented = new Map<string, ConfigVariable>();
  for (const variable of variables)
    if (variable.example !== undefined && variable.documented === false && !variable.optional)
      undocumented.set(`${variable.at.file}:${variable.at.start}`, variable);
  if (undocumented.size === 0) return [];
  const restatements: Restatement[] = [];
  diagnostics.forEach((d, index) => {
    const required = d.code === "compose-required-variable";
    if ((d.code !== "compose-unset-variable" && !required) || d.start === undefined) return;
    // A use is of one variable: the place tells the finding's.
    const variable = undocumented.get(`${d.file}:${d.start}`);
    if (!variable) return;
    const restated = required
      ? requiredAndUnlisted(d, variable.name, envFile, variable.example!)
      : unsetVariable(variable.name, variable.at, envFile, variable.example);
    restatements.push({ index, restated, variable });
  });
  return restatements;
}

/** A required variable's finding, its file's own words kept, saying too that the example does not list it. */
function requiredAndUnlisted(found: Diagnostic, name: string, envFile: string, example: string): Diagnostic {
  const listed = basename(example);
  return {
    ...found,
    message: `${found.message}; ${listed} does not list it`,
    hint: `set it in ${basename(envFile)} or the environment, and add ${name}= to ${listed}`,
  };
}
