/**
 * References to environment variables as Compose writes them: `${NAME}`, `${NAME:-default}`,
 * `${NAME?error}` and the other operators, or `$NAME`. A brace never closed takes the rest of the
 * value and is no reference (as in compose/interpolate.ts, which says why).
 */
import { parseTemplate, variablesOf } from "./template.js";

/** The variable a value consists of, when it is nothing but one reference. */
export function wholeReference(value: string): string | undefined {
  if (!value.startsWith("$")) return undefined;
  const { parts, unclosed } = parseTemplate(value);
  const only = parts.length === 1 && unclosed === undefined ? parts[0] : undefined;
  return typeof only === "object" && only.start === 0 && only.end === value.length ? only.name : undefined;
}

/** Every variable a value refers to, those in defaults and alternatives too, in order. */
export function referencedNames(value: string): string[] {
  if (!value.includes("$")) return [];
  return [...variablesOf(parseTemplate(value).parts)].map((variable) => variable.name);
}
