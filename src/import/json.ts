/** Values read from YAML or JSON files: the one test every importer needs before reading a key. */
import { asText } from "../load/json-types.js";

export { asText };

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A list or mapping with something in it. */
export const hasEntries = (value: unknown): boolean =>
  (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);

/** A scalar as text; a list or mapping where text belongs (reported as the wrong type elsewhere) reads as nothing. */
export function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null || typeof value === "object") return undefined;
  return typeof value === "string" ? value : asText(value);
}

/** The items of a list, or the keys of a mapping, each with the step that reaches it. */
export function itemsOrKeys(value: unknown): { name: unknown; step: string | number }[] {
  if (Array.isArray(value)) return value.map((item, index) => ({ name: item, step: index }));
  if (isObject(value)) return Object.keys(value).map((key) => ({ name: key, step: key }));
  return [];
}

/** The value at `path` in nested mappings, if every step leads to one. */
export const valueAt = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((current, key) => (isObject(current) ? current[key] : undefined), value);

/** The largest whole number Compose (Go's int64) and the Kubernetes API read, as it is written. */
export const INT64_MAX_TEXT = "9223372036854775807";

/** Whether a number is whole and within an int64, as Compose and Kubernetes read numbers. */
export const isInt64 = (value: number): boolean => Number.isInteger(value) && Math.abs(value) <= 2 ** 63 - 1;

/**
 * Whether a number is a count of replicas a platform runs: whole, not negative, and within the
 * Kubernetes API's int32. Compose reads a negative one and crashes at `up` (runtime-refusals.ts
 * reports it); neither reaches the model.
 */
export const isReplicaCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2 ** 31 - 1;

/** A number as YAML writes one: digits, or .inf and .nan; not an alias (*count), which names another. */
const NUMBER = /^[-+]?(?:\.(?:inf|Inf|INF|nan|NaN|NAN)|[0-9.][0-9A-Za-z_.+-]*)$/;

/**
 * `value` as a message quotes it, given the file's text where it is written: a number as the file
 * writes it (0x10, 1e3, 1.50), not as it is read (16, 1000, 1.5); anything else, or a number the
 * text does not write as one (a variable's value), as it is read.
 */
export function asWritten(value: unknown, written: string | undefined): string {
  return typeof value === "number" && written !== undefined && NUMBER.test(written) ? written : asText(value);
}
