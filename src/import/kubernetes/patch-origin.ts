/**
 * Where a field of a patched object was written: in the kustomize patch that set it, or in the
 * base file. A finding on a value an overlay's patch set is fixed in that patch, not in the base.
 */
import { isDeepStrictEqual } from "node:util";
import { valueAt } from "../../collections.js";
import type { SourceRange } from "../../diagnostics.js";
import { type KeyPath, locate, type YamlFile } from "../../load/yaml-file.js";
import { asText, asWritten } from "../json.js";
import { isObject, type Json, type ManifestObject } from "./objects.js";
import { type MergeKeys, mergeKeysFor, pointerTokens } from "./patch.js";

/** A patch applied to an object, and where it is written. */
export interface PatchLayer {
  /** "field": one field a transformer set (kustomize's images set a container's image). */
  form: "strategic-merge" | "json6902" | "field";
  /** The patch as written: a partial object, a list of operations, or a FieldSet. */
  patch: unknown;
  yaml: YamlFile;
  /** Where the patch is in `yaml`'s document. */
  at: KeyPath;
  /**
   * An inline patch is a string of the kustomization: `yaml` is the string parsed, and `toFile`
   * takes a place in the string to its place in the file. A string written other than as a literal
   * block (|) has no such map: its findings point at the whole string, at `at` in `kustomization`.
   */
  inline?: { kustomization: YamlFile; at: KeyPath; toFile?: (offset: number) => number };
  /**
   * A value read from a file that is not YAML (a line of a generator's env file), whose place
   * there is found only for a finding that needs it; `yaml` and `at` are the entry that read it.
   */
  writtenAt?: () => SourceRange;
}

/** The field a transformer set, at `path` from the object's root, and the value it set there. */
export interface FieldSet {
  path: KeyPath;
  value: unknown;
}

/**
 * Where each place of a literal block scalar's text is in the file: its lines are the file's, less
 * the block's indentation. Undefined for another kind of string, whose text is not the file's.
 */
export function blockOffsets(
  file: YamlFile,
  at: KeyPath,
  value: string,
): ((offset: number) => number) | undefined {
  const { start, end } = locate(file, at, "value");
  const header = /^\|[-+]?[ \t]*(?:#[^\n]*)?\n/.exec(file.text.slice(start, end));
  if (!header) return undefined;
  const lineStarts: number[] = [];
  let indent: number | undefined;
  for (let lineStart = start + header[0].length; lineStart < end; ) {
    const newline = file.text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const line = file.text.slice(lineStart, lineEnd);
    if (indent === undefined && line.trim() !== "") indent = line.length - line.trimStart().length;
    lineStarts.push(lineStart);
    lineStart = lineEnd + 1;
  }
  if (indent === undefined) return undefined;
  const blockIndent = indent;
  return (offset) => {
    const before = value.slice(0, offset);
    const line = before.split("\n").length - 1;
    const column = offset - (before.lastIndexOf("\n") + 1);
    const lineStart = lineStarts[line];
    return lineStart === undefined ? start : lineStart + blockIndent + column;
  };
}

/**
 * Where a path of a manifest object's document is written: in the latest patch that wrote the value
 * there as it now is, else in the object's own file. `path` is from the document's root, as for
 * `locate`.
 */
export function locateIn(
  object: ManifestObject,
  path: KeyPath,
  prefer: "key" | "value" = "key",
): SourceRange {
  const own = startsWith(path, object.base) ? path.slice(object.base.length) : undefined;
  if (own && object.patches && !isIdentity(own)) {
    const present = presentPrefix(object.value, own);
    for (const layer of [...object.patches].reverse()) {
      const written = writtenBy(layer, object.value, present, mergeKeysFor(object));
      if (written === undefined) continue;
      if (layer.writtenAt) return layer.writtenAt();
      const range = locate(layer.yaml, [...layer.at, ...written, ...own.slice(present.length)], prefer);
      if (!layer.inline) return range;
      const { kustomization, at, toFile } = layer.inline;
      if (!toFile) return locate(kustomization, at, "value");
      return { file: kustomization.file, start: toFile(range.start), end: toFile(range.end) };
    }
    const written = valueAt(object.yaml.value, object.base);
    return locate(
      object.yaml,
      [...object.base, ...pathAsWritten(written, object.value, own, mergeKeysFor(object))],
      prefer,
    );
  }
  return locate(object.yaml, path, prefer);
}

/**
 * The path in the object's own file of what is at `path` of the patched object: a patch that
 * deletes, adds before or replaces an item of a list merged by a key moves the others, which are
 * found by their key. An item the file does not have is the list's.
 */
function pathAsWritten(written: unknown, value: unknown, path: KeyPath, mergeKeys: MergeKeys): KeyPath {
  const inFile: KeyPath = [];
  let before = written;
  let now = value;
  for (const [depth, step] of path.entries()) {
    const key = mergeKeys(path.slice(0, depth));
    const item: unknown = Array.isArray(now) && typeof step === "number" ? now[step] : undefined;
    if (key && Array.isArray(before) && isObject(item) && item[key] !== undefined) {
      const index = before.findIndex((b) => isObject(b) && b[key] === item[key]);
      if (index < 0) return inFile;
      inFile.push(index);
      before = before[index];
      now = item;
      continue;
    }
    inFile.push(step);
    before = valueAt(before, [step]);
    now = valueAt(now, [step]);
  }
  return inFile;
}

const startsWith = (path: KeyPath, prefix: KeyPath) => prefix.every((step, i) => path[i] === step);

/** A patch names its object by kind and name; a finding about the object is not about the patch. */
const isIdentity = (path: KeyPath) =>
  path.length === 0 ||
  path[0] === "kind" ||
  path[0] === "apiVersion" ||
  (path[0] === "metadata" &&
    (path.length === 1 || ["name", "generateName", "namespace"].includes(String(path[1]))));

/** The longest start of `path` the object has: where a finding about a missing field is written. */
function presentPrefix(value: unknown, path: KeyPath): KeyPath {
  let current = value;
  for (let depth = 0; depth < path.length; depth++) {
    current = valueAt(current, [path[depth]!]);
    if (current === undefined) return path.slice(0, depth);
  }
  return path;
}

/** The path in the patch that wrote the object's value at `path`, exactly as it now is; else undefined. */
function writtenBy(layer: PatchLayer, value: Json, path: KeyPath, mergeKeys: MergeKeys): KeyPath | undefined {
  if (layer.form === "field") return setBy(layer.patch as FieldSet, value, path);
  return layer.form === "strategic-merge"
    ? mergedFrom(layer.patch, value, path, mergeKeys)
    : operationFor(layer.patch, value, path, mergeKeys);
}

/** The field itself (where the layer is written), if it is at `path` and still holds what was set. */
function setBy(set: FieldSet, value: Json, path: KeyPath): KeyPath | undefined {
  return isDeepStrictEqual(set.path, path) && isDeepStrictEqual(valueAt(value, path), set.value)
    ? []
    : undefined;
}

/** Lists merged by a key are matched item to item by it; any other list the patch replaced whole. */
function mergedFrom(
  patch: unknown,
  value: unknown,
  path: KeyPath,
  mergeKeys: MergeKeys,
): KeyPath | undefined {
  const inPatch: KeyPath = [];
  let written = patch;
  let current = value;
  for (const [depth, step] of path.entries()) {
    if (Array.isArray(written) && Array.isArray(current) && typeof step === "number") {
      const key = mergeKeys(path.slice(0, depth));
      const item: unknown = current[step];
      const index = key
        ? written.findIndex(
            (w) => isObject(w) && isObject(item) && w[key] !== undefined && w[key] === item[key],
          )
        : step;
      if (index < 0 || index >= written.length) return undefined;
      inPatch.push(index);
      written = written[index];
      current = item;
    } else if (
      isObject(written) &&
      isObject(current) &&
      typeof step === "string" &&
      Object.hasOwn(written, step)
    ) {
      inPatch.push(step);
      written = written[step];
      current = current[step];
    } else return undefined;
  }
  return isDeepStrictEqual(written, current) ? inPatch : undefined;
}

/** The last add or replace whose value holds `path`, as it now is: its index, "value", and the rest. */
function operationFor(
  operations: unknown,
  value: Json,
  path: KeyPath,
  mergeKeys: MergeKeys,
): KeyPath | undefined {
  if (!Array.isArray(operations)) return undefined;
  const now = valueAt(value, path);
  for (let index = operations.length - 1; index >= 0; index--) {
    const operation = operations[index];
    if (!isObject(operation) || (operation.op !== "add" && operation.op !== "replace")) continue;
    if (typeof operation.path !== "string") continue;
    const tokens = pointerTokens(operation.path);
    if (tokens.length > path.length || !tokens.every((token, i) => token === String(path[i]))) {
      if (!appended(tokens, operation.value, value, path, mergeKeys)) continue;
    }
    const rest = path.slice(tokens.length);
    if (isDeepStrictEqual(valueAt(operation.value, rest), now)) return [index, "value", ...rest];
  }
  return undefined;
}

/**
 * Whether an add at the end of a list ("-") added the item `path` is in: the item of that key
 * (a container of that name), or one just as the operation wrote it. Any item of the list is at
 * the end at some time, so a field that only happens to be alike (the same image) is not enough.
 */
function appended(
  tokens: readonly string[],
  added: unknown,
  value: Json,
  path: KeyPath,
  mergeKeys: MergeKeys,
): boolean {
  const at = tokens.length - 1;
  if (tokens[at] !== "-" || typeof path[at] !== "number") return false;
  if (!tokens.slice(0, at).every((token, i) => token === String(path[i]))) return false;
  const item = valueAt(value, path.slice(0, at + 1));
  const key = mergeKeys(path.slice(0, at));
  if (key && isObject(added) && isObject(item) && added[key] !== undefined) return added[key] === item[key];
  return isDeepStrictEqual(added, item);
}

/**
 * `value`, at `path` of a manifest object, as a message quotes it: a number as the file that sets
 * it there writes it (see asWritten), its text looked up only as the finding is made.
 */
export function writtenIn(
  object: ManifestObject,
  path: KeyPath,
  value: unknown,
  at: SourceRange = locateIn(object, path, "value"),
): string {
  if (typeof value !== "number") return asText(value);
  // An inline patch's findings are in its kustomization's text, not in the string parsed.
  const files = [object.yaml, ...(object.patches ?? []).map((l) => l.inline?.kustomization ?? l.yaml)];
  const yaml = files.find((file) => file.file === at.file);
  return asWritten(value, yaml?.text.slice(at.start, at.end));
}
