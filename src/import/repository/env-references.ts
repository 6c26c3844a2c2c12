/**
 * A compose file's `KEY: ${KEY}` is filled in from .env (or the shell) where Compose runs: the
 * value there is that place's, not the system's. The model says the same with a variable written
 * with no value (`KEY:`), which generated Compose takes from .env again; the value read from .env
 * does not belong in the model. A reference the model cannot keep (to another variable, or inside
 * a longer value) keeps the value it was filled in with, marked for review.
 */
import { parse } from "yaml";
import type { ModelInputType } from "../../model/schema.js";
import { parseTemplate, variablesOf } from "../../model/template.js";
import { wholeReference } from "../../model/variable-reference.js";
import type { ImportedCompose } from "../compose/to-model.js";

/** A variable whose written value refers to others, as the model now has it. */
export interface EnvReference {
  service: string;
  variable: string;
  /** The value as the compose file writes it. */
  written: string;
  /** Taken from where it runs (`KEY:`), or the value it was filled in with here. */
  kept: "reference" | "value";
}

/** The value a key path's node is written with in the file, before Compose fills anything in. */
function writtenValue(text: string, start: number, end: number, variable: string): string | undefined {
  const slice = text.slice(start, end);
  if (!slice.includes("$")) return undefined;
  let value: unknown;
  try {
    value = parse(slice);
  } catch {
    return undefined;
  }
  if (typeof value !== "string") return undefined;
  // An entry of the list form, KEY=value.
  return value.startsWith(`${variable}=`) ? value.slice(variable.length + 1) : value;
}

/** Whether the value is the variable itself, with a default or a requirement at most: as `KEY:` reads it. */
function readsItself(written: string, variable: string): boolean {
  if (wholeReference(written) !== variable) return false;
  const [reference] = variablesOf(parseTemplate(written).parts);
  return reference?.operator !== ":+" && reference?.operator !== "+";
}

/**
 * Puts back each environment value that a compose set takes from .env: in place for one the model
 * can say, noted for the others. A value kept as a secret is already a reference and stays one.
 */
export function keepEnvReferences(
  input: ModelInputType,
  imported: ImportedCompose,
  sources: ReadonlyMap<string, string>,
): EnvReference[] {
  const found: EnvReference[] = [];
  for (const [id, service] of Object.entries(input.services)) {
    for (const [variable, value] of Object.entries(service.env ?? {})) {
      if (typeof value !== "string") continue;
      const at = imported.locate(["services", id, "env", variable], "value");
      const text = sources.get(at.file);
      const written = text === undefined ? undefined : writtenValue(text, at.start, at.end, variable);
      // Left as written (a secret's reference, kept out of the value), nothing was filled in.
      if (written === undefined || written === value) continue;
      if ([...variablesOf(parseTemplate(written).parts)].length === 0) continue;
      if (readsItself(written, variable)) {
        service.env![variable] = null;
        found.push({ service: id, variable, written, kept: "reference" });
      } else found.push({ service: id, variable, written, kept: "value" });
    }
  }
  return found;
}
