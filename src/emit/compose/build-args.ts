/**
 * Build arguments as the compose file writes them. A value that looks like a secret, or is made
 * with one, is written as a reference to a variable of its name, which the build takes from its
 * environment, so the value reaches no generated file; a value that is only a variable stays one;
 * a literal `$` is doubled.
 */
import type { Build } from "../../model/types.js";
import { wholeReference } from "../../model/variable-reference.js";
import { keptOutOfFiles } from "../runtime/secrets.js";
import { literal } from "./literal.js";

export interface EmittedArgs {
  args: Record<string, string>;
  /** Variables the build needs from outside, for .env.example. */
  variables: string[];
}

export function emittedBuildArgs(build: Build): EmittedArgs {
  const args: Record<string, string> = {};
  const variables: string[] = [];
  for (const { name, value } of build.args) {
    const variable = wholeReference(value);
    if (variable) {
      args[name] = value;
      variables.push(variable);
    } else if (keptOutOfFiles(name, value)) {
      args[name] = `\${${name}}`;
      variables.push(name);
    } else args[name] = literal(value);
  }
  return { args, variables };
}
