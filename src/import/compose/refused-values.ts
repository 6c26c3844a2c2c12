/**
 * The merged compose files as the importer reads them: without the values the Compose
 * Specification refuses (of the wrong type, or outside what it takes), which the schema walk
 * reports where they are written (key-problems.ts). Read, each was judged once more as what it is
 * not, and reported twice: a volume written as 1 as one mounted at a relative path, a port's
 * `host_ip: 1` as no address, an `image: 1` as an unpinned image.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import { isObject, type Json } from "../json.js";
import type { FileProblems } from "./key-problems.js";

/**
 * Where the values the schema refuses are. A key that names no setting is passed over by every
 * reader, and an entry written twice read once: neither leaves a value to take out.
 */
export function refusedPaths({ problems }: FileProblems): KeyPath[] {
  return problems
    .filter((problem) => problem.kind !== "unknown-key" && problem.kind !== "repeated-item")
    .map((problem) => problem.path);
}

/**
 * `merged` less each refused value. A key of a mapping stays, written with nothing (`image:`),
 * which every reader takes as unset, as it does where a file writes it so: taken out, a secret
 * whose `file` is a number would be said to give nothing to read it from. An entry of a list goes
 * whole, with what it holds: a port whose target is a list is no port Compose reads, and without
 * its target it would be reported again for lacking one. A section's entries and the sections
 * stay, whatever they hold: their names are what the references are checked against. Only what is
 * on the way to a refused value is copied; the files' own values are never changed.
 */
export function withoutRefused(merged: Json, refused: readonly KeyPath[]): Json {
  const cuts = refused.map(entryOrKey).filter((path) => path.length > SECTION_ENTRY_DEPTH);
  if (cuts.length === 0) return merged;
  const copies = new Map<object, Json | unknown[]>();
  const copy = (value: Json | unknown[]) => {
    let made = copies.get(value);
    if (!made) {
      made = Array.isArray(value) ? [...value] : { ...value };
      copies.set(value, made);
      copies.set(made, made);
    }
    return made;
  };
  const root = copy(merged) as Json;
  /** Entries to leave out of each list, taken out once all are known so that no index moves before. */
  const leftOut = new Map<unknown[], Set<number>>();
  for (const path of cuts) {
    let parent: Json | unknown[] | undefined = root;
    for (const step of path.slice(0, -1)) {
      const child: unknown = (parent as Record<string | number, unknown>)[step];
      if (!isObject(child) && !Array.isArray(child)) {
        parent = undefined;
        break;
      }
      const made = copy(child);
      (parent as Record<string | number, unknown>)[step] = made;
      parent = made;
    }
    const last = path.at(-1)!;
    if (Array.isArray(parent) && typeof last === "number") {
      const indices = leftOut.get(parent) ?? new Set<number>();
      leftOut.set(parent, indices.add(last));
    } else if (isObject(parent) && typeof last === "string") parent[last] = null;
  }
  // In place, one entry after another: a list of many entries is more than a call takes as arguments.
  for (const [list, indices] of leftOut) {
    let kept = 0;
    for (let index = 0; index < list.length; index++) if (!indices.has(index)) list[kept++] = list[index];
    list.length = kept;
  }
  return root;
}

/** How deep a section's entry lies (`services.web`, `volumes.data`). */
const SECTION_ENTRY_DEPTH = 2;

/** The path to what goes with a refused value: the innermost list entry that holds it, else the value itself. */
function entryOrKey(path: KeyPath): KeyPath {
  for (let at = path.length - 1; at >= 0; at--)
    if (typeof path[at] === "number") return path.slice(0, at + 1);
  return path;
}
