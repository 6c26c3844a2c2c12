/**
 * Ids the importers make from names the files give (a workload's, a namespace's, a folder's): an id
 * is a key of the model's YAML, where no file may hold `__proto__` or `constructor`
 * (forbidden-keys.ts), so a name that is one is numbered as a name already in use is, and the
 * draft that holds it loads.
 */
import { FORBIDDEN_KEYS } from "../load/forbidden-keys.js";

/** Whether the model may hold `name` as a key. */
export const mayBeKey = (name: string): boolean => !FORBIDDEN_KEYS.has(name);

/** The ids no model may hold, as a set of ids taken from the start, for an importer to add its own to. */
export function refusedIds(): Set<string> {
  return new Set([...FORBIDDEN_KEYS].map(String));
}

/** `name`, else the first of name-2, name-3, … that `taken` does not hold and the model may; added to `taken`. */
export function freeId(name: string, taken: Set<string>): string {
  let id = name;
  for (let n = 2; taken.has(id) || !mayBeKey(id); n++) id = `${name}-${n}`;
  taken.add(id);
  return id;
}

/**
 * `name` where the model may hold it, else numbered past the ids `inUse` gives (asked only then,
 * and the new id added to what it gives).
 */
export function keyOr(name: string, inUse: () => Set<string>): string {
  return mayBeKey(name) ? name : freeId(name, inUse());
}

/**
 * Each of `names` → its id: itself where the model may hold it, else numbered past every name
 * given, so that a renamed one takes no other's id.
 */
export function idsOf(names: Iterable<string>): Map<string, string> {
  const unique = new Set(names);
  const taken = new Set(unique);
  return new Map([...unique].map((name) => [name, mayBeKey(name) ? name : freeId(name, taken)]));
}
