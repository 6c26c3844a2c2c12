/** How a diagnostic names JSON types and values: "a list", "text", "number 8080". */

export const typeNames: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "text",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  null: "nothing",
};

export function describeType(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  // JSON has no NaN or Infinity, and would write either as null; YAML reads .nan and .inf as them.
  return `${typeof value} ${typeof value === "number" ? String(value) : JSON.stringify(value)}`;
}

/**
 * A value read from a file as text: a scalar as itself, a list or mapping as JSON. `String` would
 * call the value's `toString`, which a file can name as a key (`toString: false`) and so break.
 */
export function asText(value: unknown): string {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);
}
