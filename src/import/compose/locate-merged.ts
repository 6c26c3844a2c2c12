/** Where in the files a finding about the merged compose files belongs. */
import type { KeyPath } from "../../load/yaml-file.js";
import { asText, isObject } from "../json.js";
import { entryIdentity } from "./merge.js";

/**
 * A path into the merged files as a path into one of them. Merging moves list entries (an
 * override's volume lands after the base's), so an entry is found by what it is, not where it
 * sits; a path to an entry the file lacks stops before it.
 */
export function pathInFile(merged: unknown, own: unknown, path: KeyPath): KeyPath {
  const found: KeyPath = [];
  for (const [at, step] of path.entries()) {
    if (typeof step === "number" && Array.isArray(merged) && Array.isArray(own) && merged !== own) {
      const identity = entryIdentity(asText(path[at - 1]), merged[step]);
      // The last of equal entries is the one the merge kept.
      let index = own.length - 1;
      while (index >= 0 && entryIdentity(asText(path[at - 1]), own[index]) !== identity) index--;
      if (index < 0) return found;
      found.push(index);
      merged = merged[step];
      own = own[index];
      continue;
    }
    found.push(step);
    merged =
      isObject(merged) || Array.isArray(merged)
        ? (merged as Record<string | number, unknown>)[step]
        : undefined;
    own = isObject(own) || Array.isArray(own) ? (own as Record<string | number, unknown>)[step] : undefined;
  }
  return found;
}

/**
 * The path to a list entry, and into it to `key` where it is a mapping that has one: a finding
 * about a long-syntax port or mount belongs at its `published` or `source`, not at its first key.
 */
export function entryPath(list: unknown, at: KeyPath, index: number, key: string): KeyPath {
  const entry = Array.isArray(list) ? list[index] : undefined;
  return isObject(entry) && entry[key] !== undefined && entry[key] !== null
    ? [...at, index, key]
    : [...at, index];
}
