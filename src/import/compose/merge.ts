/**
 * Combining compose files as the Compose Specification does: mappings merge; sequences append,
 * except commands (replaced) and resources that are unique by a key (ports, volumes, secrets,
 * configs); list and map forms of environment, labels, depends_on and networks merge as maps; a value
 * tagged `!reset` removes what earlier files set, one tagged `!override` replaces it whole.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { KeyPath, YamlFile } from "../../load/yaml-file.js";
import { asText, isObject, type Json } from "../json.js";
import { parseShortVolume } from "./short-volume.js";
import { listEntry } from "./written-entries.js";

export type Tag = "reset" | "override";

/** `!reset` and `!override` tags of a parsed file, by the key path they sit on. */
export function composeTags(yaml: YamlFile): Map<string, Tag> {
  const tags = new Map<string, Tag>();
  // Most files have neither tag: no need to walk them.
  if (!yaml.text.includes("!reset") && !yaml.text.includes("!override")) return tags;
  const stack: { node: unknown; path: KeyPath }[] = [{ node: yaml.document.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const tag = (node as Node | null)?.tag;
    if (tag === "!reset" || tag === "!override")
      tags.set(JSON.stringify(path), tag === "!reset" ? "reset" : "override");
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key))
          stack.push({ node: pair.value, path: [...path, asText(pair.key.value)] });
      }
    } else if (isSeq(node))
      node.items.forEach((item, index) => {
        stack.push({ node: item, path: [...path, index] });
      });
  }
  return tags;
}

/**
 * Compose drops a key tagged `!reset` whatever follows the tag, and the usual thing to follow it is
 * nothing (`!reset`, `!reset null`, `!reset ~`). The YAML package reads a tagged scalar as its text,
 * "null" or "", which no key takes: left so, the file's own checks would report a health check of
 * "null" or look for a build context called null. As null, the key is unset until the merge drops it.
 */
export function clearResets(value: Json, tags: ReadonlyMap<string, Tag>): void {
  for (const [written, tag] of tags) {
    if (tag !== "reset") continue;
    const path = JSON.parse(written) as KeyPath;
    const key = path.at(-1);
    // An item of a list keeps its place: emptied, it would be an entry that the list does not take.
    if (typeof key !== "string") continue;
    let parent: unknown = value;
    for (const step of path.slice(0, -1))
      parent = isObject(parent) || Array.isArray(parent) ? (parent as Json)[step] : undefined;
    if (isObject(parent) && Object.hasOwn(parent, key)) parent[key] = null;
  }
}

/** `["A=1", "B"]` → `{ A: "1", B: null }`; a map stays a map. */
function asMap(value: unknown, listItem: (item: string) => [string, unknown]): unknown {
  if (!Array.isArray(value)) return value;
  return Object.fromEntries(value.map((item) => listItem(asText(item))));
}

/** Fields whose list form means the same as a map, and how a list item reads as an entry. */
const mapLike: Record<string, (item: string) => [string, unknown]> = {
  environment: listEntry,
  labels: listEntry,
  annotations: listEntry,
  sysctls: listEntry,
  args: listEntry,
  extra_hosts: (item) => {
    const at = item.search(/[=:]/);
    return at < 0 ? [item, null] : [item.slice(0, at), item.slice(at + 1)];
  },
  depends_on: (item) => [item, { condition: "service_started" }],
  networks: (item) => [item, null],
};

const replaced = new Set(["command", "entrypoint", "test", "dns", "dns_search"]);

/** The key a unique resource is known by; items with the same key replace each other. */
const uniqueBy: Record<string, (item: unknown) => string> = {
  ports: (item) =>
    isObject(item)
      ? `${asText(item.host_ip ?? "")}:${asText(item.published ?? "")}:${asText(item.target)}/${asText(item.protocol ?? "tcp")}`
      : asText(item).includes("/")
        ? asText(item)
        : `${asText(item)}/tcp`,
  volumes: (item) => (isObject(item) ? asText(item.target) : parseShortVolume(asText(item)).target),
  secrets: (item) => (isObject(item) ? asText(item.target ?? item.source) : asText(item)),
  configs: (item) => (isObject(item) ? asText(item.target ?? item.source) : asText(item)),
};

/** What makes an entry of a list the same entry in another file: its key if unique by one, else all of it. */
export function entryIdentity(field: string, item: unknown): string {
  return Object.hasOwn(uniqueBy, field) ? uniqueBy[field]!(item) : JSON.stringify(item);
}

/**
 * A value that nothing earlier set, less what its own `!reset` tags remove: a key reset where
 * there is nothing to reset is left out all the same (`PASSWORD: !reset null` sets no password).
 */
function withoutResets(value: unknown, path: KeyPath, tags: Map<string, Tag>): unknown {
  const reset = (step: string | number) => tags.get(JSON.stringify([...path, step])) === "reset";
  if (Array.isArray(value))
    return value.flatMap((item, index) =>
      reset(index) ? [] : [withoutResets(item, [...path, index], tags)],
    );
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (!reset(k)) out[k] = withoutResets(v, [...path, k], tags);
  return out;
}

/**
 * `owned`: the mappings this merge made, which it may change in place. A file's own values are
 * never changed: they are copied where something merges into them. Copying the merged services
 * for every file took a project of thousands of included files time in the square of their number.
 */
function mergeValue(
  base: unknown,
  over: unknown,
  key: string | undefined,
  path: KeyPath,
  tags: Map<string, Tag>,
  owned: WeakSet<object>,
): unknown {
  const tag = tags.size === 0 ? undefined : tags.get(JSON.stringify(path));
  if (tag === "override") return over;
  // A service a later file names with nothing (`web:`) is left as the earlier files have it, as compose-go does.
  if (over === null && base !== undefined && path.length === 2 && path[0] === "services") return base;
  const listItem = key !== undefined && Object.hasOwn(mapLike, key) ? mapLike[key] : undefined;
  if (listItem && base !== undefined) {
    base = asMap(base, listItem);
    over = asMap(over, listItem);
  }
  if (isObject(base) && isObject(over)) {
    const out: Json = owned.has(base) ? base : { ...base };
    owned.add(out);
    for (const [k, v] of Object.entries(over)) {
      const childPath = [...path, k];
      if (tags.size > 0 && tags.get(JSON.stringify(childPath)) === "reset") {
        delete out[k];
        continue;
      }
      out[k] = Object.hasOwn(base, k)
        ? mergeValue(base[k], v, k, childPath, tags, owned)
        : tags.size > 0
          ? withoutResets(v, childPath, tags)
          : v;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over) && key && !replaced.has(key)) {
    const kept = new Map(base.map((item) => [entryIdentity(key, item), item]));
    for (const item of over) kept.set(entryIdentity(key, item), item);
    return [...kept.values()];
  }
  return over;
}

/** Later files override earlier ones; each file's tags apply to what it overrides. */
export function mergeCompose(files: { value: Json; tags?: Map<string, Tag> }[]): Json {
  const owned = new WeakSet<object>();
  return files.reduce<Json>((merged, file) => {
    const tags = file.tags ?? new Map<string, Tag>();
    // A `!reset` at the top of a service or section removes it altogether.
    return mergeValue(merged, file.value, undefined, [], tags, owned) as Json;
  }, {});
}

/** One service over another, as `extends` combines them (the same rules as files). */
export function mergeService(
  base: Json,
  over: Json,
  tags: Map<string, Tag> = new Map(),
  path: KeyPath = [],
): Json {
  return mergeValue(base, over, undefined, path, tags, new WeakSet()) as Json;
}
