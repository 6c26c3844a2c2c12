/**
 * The fields Compose takes as a mapping or as a list of `NAME=value` (environment, labels, sysctls,
 * build args), read entry by entry with the step that leads to each, for a finding to point at.
 */
import { asText, isObject } from "../json.js";

/** A list-form entry's name and value: `KEY=value`, or `KEY` with no value (null), as `KEY:` has none. */
export function listEntry(entry: unknown): [name: string, value: string | null] {
  const text = asText(entry);
  const at = text.indexOf("=");
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

export interface WrittenEntry {
  name: string;
  /** The value as text, or null where none is written (`KEY`, `KEY:`). */
  value: string | null;
  step: string | number;
}

/** Each entry of either form; a mapping's value that is a collection, which the schema refuses, is passed over. */
export function writtenEntries(field: unknown): WrittenEntry[] {
  if (Array.isArray(field))
    return field.map((entry, step) => {
      const [name, value] = listEntry(entry);
      return { name, value, step };
    });
  if (!isObject(field)) return [];
  return Object.entries(field).flatMap(([name, value]) =>
    typeof value === "object" && value !== null
      ? []
      : [{ name, value: value === null ? null : asText(value), step: name }],
  );
}
