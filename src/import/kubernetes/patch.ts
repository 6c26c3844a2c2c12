/**
 * The two patch forms kustomize applies, in the simple shapes real overlays use: a strategic merge
 * patch (mappings merge, a built-in kind's lists of named things merge by their key, `$patch: delete`
 * removes) and a JSON 6902 patch (add, replace, remove at a JSON pointer).
 */
import type { KeyPath } from "../../load/yaml-file.js";
import { isCustomResource } from "./api-groups.js";
import { isObject, type Json } from "./objects.js";

/** The key the list at a path (from the object's root) is merged by, or undefined for a list a patch replaces. */
export type MergeKeys = (path: KeyPath) => string | undefined;

/**
 * Lists Kubernetes merges by a key rather than replacing, by the field that holds them: the
 * patchMergeKey of the API's types (a pod spec's, a container's, a ServiceAccount's, a webhook
 * configuration's). `ports` is told apart by where it is (portsMergeKey); any other list, such as
 * tolerations or a container's args, a patch replaces whole.
 */
const mergeKeys: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  env: "name",
  imagePullSecrets: "name",
  hostAliases: "ip",
  topologySpreadConstraints: "topologyKey",
  schedulingGates: "name",
  resourceClaims: "name",
  matchConditions: "name",
  ownerReferences: "uid",
};

/** Lists at an object's top that merge by a key: a ServiceAccount's secrets, a webhook configuration's webhooks. */
const topMergeKeys: Record<string, string> = { secrets: "name", webhooks: "name" };

const containerLists = new Set(["containers", "initContainers", "ephemeralContainers"]);

/** A container's ports merge by containerPort, a Service's (spec.ports) by port; others not at all. */
function portsMergeKey(path: KeyPath): string | undefined {
  const owner = path.at(-3);
  if (typeof path.at(-2) === "number" && typeof owner === "string" && containerLists.has(owner))
    return "containerPort";
  return path.length === 2 && path[0] === "spec" ? "port" : undefined;
}

/** The key the list at `path` (from the object's root) is merged by, where Kubernetes merges it by one. */
export function mergeKeyOf(path: KeyPath): string | undefined {
  const field = path.at(-1);
  if (typeof field !== "string") return undefined;
  if (field === "ports") return portsMergeKey(path);
  if (path.length === 1 && Object.hasOwn(topMergeKeys, field)) return topMergeKeys[field];
  return Object.hasOwn(mergeKeys, field) ? mergeKeys[field] : undefined;
}

const noMergeKeys: MergeKeys = () => undefined;

/**
 * The merge keys of an object's lists. kustomize takes them from the built-in API's schema; a custom
 * resource has none there (kustomize infers none from the items), so a patch replaces its lists whole.
 * Built-in is told by the API group, as the importer tells it, so that an object read as Kubernetes'
 * own (a version of its group the kind table lacks) is patched as one.
 */
export function mergeKeysFor(object: { apiVersion: string }): MergeKeys {
  return isCustomResource(object.apiVersion) ? noMergeKeys : mergeKeyOf;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function mergeList(
  base: unknown[],
  patch: unknown[],
  key: string,
  path: KeyPath,
  mergeKeys: MergeKeys,
): unknown[] {
  const out = base.map(clone);
  for (const item of patch) {
    if (!isObject(item)) {
      out.push(clone(item));
      continue;
    }
    const index = out.findIndex((b) => isObject(b) && b[key] !== undefined && b[key] === item[key]);
    if (item.$patch === "delete") {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = strategicMerge(out[index], item, [...path, index], mergeKeys);
    else out.push(strategicMerge({}, item, [...path, out.length], mergeKeys));
  }
  return out;
}

/**
 * Applies a strategic merge patch; returns undefined when the patch deletes the whole value. `path`
 * is where the value is in its object, which decides, with `mergeKeys`, the keys its lists merge by.
 */
export function strategicMerge(
  base: unknown,
  patch: unknown,
  path: KeyPath = [],
  mergeKeys: MergeKeys = mergeKeyOf,
): unknown {
  if (!isObject(patch)) return clone(patch);
  if (patch.$patch === "delete") return undefined;
  if (patch.$patch === "replace") {
    const { $patch: _, ...rest } = patch;
    return clone(rest);
  }
  const out: Json = isObject(base) ? clone(base) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === "$patch" || key.startsWith("$setElementOrder")) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const current = out[key];
    const at = [...path, key];
    const mergeKey = mergeKeys(at);
    if (Array.isArray(current) && Array.isArray(value) && mergeKey)
      out[key] = mergeList(current, value, mergeKey, at, mergeKeys);
    else if (isObject(current) && isObject(value)) out[key] = strategicMerge(current, value, at, mergeKeys);
    else out[key] = strategicMerge(undefined, value, at, mergeKeys);
  }
  return out;
}

export interface JsonPatchResult {
  value: unknown;
  /** Operations that could not be applied, with why. */
  failed: { index: number; reason: string }[];
}

/** The steps of a JSON pointer, unescaped. */
export const pointerTokens = (pointer: string): string[] =>
  pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));

/** A pointer's step as a list's index: digits without a leading zero, or -1 for any other. */
const digitsIndex = (token: string): number => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : -1);

/** Applies JSON 6902 add, replace and remove operations; other operations are reported. */
export function jsonPatch(base: unknown, operations: unknown[]): JsonPatchResult {
  let value = clone(base);
  const failed: JsonPatchResult["failed"] = [];
  operations.forEach((operation, index) => {
    if (!isObject(operation) || typeof operation.path !== "string" || typeof operation.op !== "string") {
      failed.push({ index, reason: "an operation needs op and path" });
      return;
    }
    const tokens = pointerTokens(operation.path);
    if (tokens.length === 0) {
      if (operation.op === "add" || operation.op === "replace") value = clone(operation.value);
      else failed.push({ index, reason: `cannot ${operation.op} the whole object` });
      return;
    }
    let parent: unknown = value;
    // Own keys only: a step through __proto__ would otherwise write into what every object inherits.
    for (const token of tokens.slice(0, -1)) {
      parent = Array.isArray(parent)
        ? parent[digitsIndex(token)]
        : isObject(parent) && Object.hasOwn(parent, token)
          ? parent[token]
          : undefined;
    }
    const last = tokens.at(-1)!;
    if (!(Array.isArray(parent) || isObject(parent)) || last === "__proto__") {
      failed.push({ index, reason: `nothing at ${operation.path}` });
      return;
    }
    switch (operation.op) {
      case "add":
      case "replace":
        if (Array.isArray(parent)) {
          // "-" adds after the last; an index is digits, up to the length to add, below it to replace.
          const at = last === "-" && operation.op === "add" ? parent.length : digitsIndex(last);
          if (at < 0 || at >= parent.length + (operation.op === "add" ? 1 : 0)) {
            failed.push({ index, reason: `no index ${last} at ${operation.path}` });
            return;
          }
          parent.splice(at, operation.op === "replace" ? 1 : 0, clone(operation.value));
        } else {
          if (operation.op === "replace" && !Object.hasOwn(parent, last)) {
            failed.push({ index, reason: `nothing to replace at ${operation.path}` });
            return;
          }
          parent[last] = clone(operation.value);
        }
        return;
      case "remove": {
        // As kustomize, what is not there is refused: splice would take "x" or -1 for an index.
        const at = Array.isArray(parent) ? digitsIndex(last) : -1;
        if (Array.isArray(parent) ? at < 0 || at >= parent.length : !Object.hasOwn(parent, last)) {
          failed.push({ index, reason: `nothing to remove at ${operation.path}` });
          return;
        }
        if (Array.isArray(parent)) parent.splice(at, 1);
        else delete parent[last];
        return;
      }
      default:
        failed.push({ index, reason: `the '${operation.op}' operation is not applied` });
    }
  });
  return { value, failed };
}
