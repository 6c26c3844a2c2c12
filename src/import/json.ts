/** Values read from YAML or JSON files: the one test every importer needs before reading a key. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);
