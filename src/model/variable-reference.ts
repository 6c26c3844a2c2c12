/**
 * References to environment variables as Compose writes them: `${NAME}`, `${NAME:-default}`,
 * `${NAME?error}` and the other operators, or `$NAME`. A brace never closed takes the rest of the
 * value and is no reference (as in compose/interpolate.ts, which says why).
 */
const REFERENCE = String.raw`\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?(\}|$)|([A-Za-z_][A-Za-z0-9_]*))`;
const WHOLE = new RegExp(`^${REFERENCE}$`);
const ANY = new RegExp(REFERENCE, "g");

/** The variable a value consists of, when it is nothing but one reference. */
export function wholeReference(value: string): string | undefined {
  const match = WHOLE.exec(value);
  return match && match[2] !== "" ? (match[1] ?? match[3]) : undefined;
}

/** Every variable a value refers to, in order. */
export function referencedNames(value: string): string[] {
  return [...value.matchAll(ANY)].flatMap((match) => (match[2] === "" ? [] : [(match[1] ?? match[3])!]));
}
