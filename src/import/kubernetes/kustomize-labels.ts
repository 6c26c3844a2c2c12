/**
 * kustomize's `commonLabels`, `labels`, `commonAnnotations` and `replicas`: what an overlay most
 * often changes besides images and patches. Labels go where kustomize puts them: on every object,
 * and, when they are to select too, into the selectors and the pod templates, so that the objects
 * still find each other; replica counts go to the workloads named.
 */
import type { KeyPath, YamlFile } from "../../load/yaml-file.js";
import { asText, isInt64 } from "../json.js";
import { isCustomResource } from "./api-groups.js";
import { asArray, asObject, isObject, type Json, type ManifestObject } from "./objects.js";
import type { FieldSet, PatchLayer } from "./patch-origin.js";

type Pairs = Record<string, string>;

/** Where in an object labels go, by kind: created where missing, or only added to where present. */
interface Places {
  create: string[][];
  ifPresent: string[][];
}

const TEMPLATE = ["spec", "template", "metadata", "labels"];
const MATCH_LABELS = ["spec", "selector", "matchLabels"];

/** What the kind and group of an object are. */
type ObjectType = Pick<ManifestObject, "apiVersion" | "kind">;

const nowhere: Places = { create: [], ifPresent: [] };

/**
 * After kustomize's label field specs, for the kinds this importer reads. A custom resource that
 * names its kind as one of these is its controller's to read, and the importer leaves it out: its
 * selector and pods, if it has any, are not known to be where a built-in kind keeps them. (kustomize's
 * specs for some kinds, Deployment among them, name no group and so reach such a resource too; as the
 * importer leaves it out, nothing it reads differs.)
 */
function selectorPlaces(object: ObjectType): Places {
  if (isCustomResource(object.apiVersion)) return nowhere;
  switch (object.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "StatefulSet":
      return { create: [MATCH_LABELS, TEMPLATE], ifPresent: [] };
    case "Job":
      return { create: [TEMPLATE], ifPresent: [MATCH_LABELS] };
    // Its selector is a plain map of labels, taken from the template's where it is left out.
    case "ReplicationController":
      return { create: [TEMPLATE], ifPresent: [["spec", "selector"]] };
    case "CronJob":
      return {
        create: [
          ["spec", "jobTemplate", "metadata", "labels"],
          ["spec", "jobTemplate", "spec", "template", "metadata", "labels"],
        ],
        ifPresent: [["spec", "jobTemplate", "spec", "selector", "matchLabels"]],
      };
    case "Service":
      return { create: [["spec", "selector"]], ifPresent: [] };
    case "PodDisruptionBudget":
      return { create: [], ifPresent: [MATCH_LABELS] };
    case "NetworkPolicy":
      return { create: [], ifPresent: [["spec", "podSelector", "matchLabels"]] };
    default:
      return nowhere;
  }
}

function templatePlaces(object: ObjectType): string[][] {
  if (isCustomResource(object.apiVersion)) return [];
  if (object.kind === "CronJob") return selectorPlaces(object).create;
  return ["Deployment", "ReplicaSet", "ReplicationController", "DaemonSet", "StatefulSet", "Job"].includes(
    object.kind,
  )
    ? [TEMPLATE]
    : [];
}

/**
 * Adds `pairs` to the mapping at `path` in `value` (a copy the caller owns); `create` makes it.
 * Whether it added them.
 */
function addAt(value: Json, path: string[], pairs: Pairs, create: boolean): boolean {
  let at: Json = value;
  for (const key of path) {
    if (!isObject(at[key])) {
      if (!create) return false;
      at[key] = {};
    }
    at = at[key] as Json;
  }
  Object.assign(at, pairs);
  return true;
}

function stringPairs(value: unknown): Pairs | undefined {
  if (!isObject(value)) return undefined;
  const pairs: Pairs = {};
  for (const [key, pair] of Object.entries(value)) pairs[key] = asText(pair);
  return Object.keys(pairs).length > 0 ? pairs : undefined;
}

/** Labels a kustomization adds: the pairs, where they go, and where in the kustomization they are written. */
interface LabelSet {
  pairs: Pairs;
  selectors: boolean;
  templates: boolean;
  yaml: YamlFile;
  at: KeyPath;
}

/**
 * The object with the set's labels added; each label added is a layer of the object written at
 * its pair, where findings about it point.
 */
function labelled(object: ManifestObject, set: LabelSet): ManifestObject {
  const { pairs, selectors, templates } = set;
  const value = structuredClone(object.value);
  const added: string[][] = [];
  const add = (path: string[], create: boolean) => {
    if (addAt(value, path, pairs, create)) added.push(path);
  };
  add(["metadata", "labels"], true);
  if (selectors) {
    const places = selectorPlaces(object);
    for (const path of places.create) add(path, true);
    for (const path of places.ifPresent) add(path, false);
  } else if (templates) for (const path of templatePlaces(object)) add(path, true);
  const layers = added.flatMap((path) =>
    Object.entries(pairs).map(([key, label]): PatchLayer => {
      const field: FieldSet = { path: [...path, key], value: label };
      return { form: "field", patch: field, yaml: set.yaml, at: [...set.at, key] };
    }),
  );
  return { ...object, value, patches: [...(object.patches ?? []), ...layers] };
}

/** `commonLabels` (which select too) and `labels` entries (which select or reach templates only when they say so). */
export function applyLabels(kustomization: YamlFile, objects: ManifestObject[]): ManifestObject[] {
  const k = asObject(kustomization.value);
  const sets: LabelSet[] = [];
  const common = stringPairs(k.commonLabels);
  if (common)
    sets.push({ pairs: common, selectors: true, templates: true, yaml: kustomization, at: ["commonLabels"] });
  asArray(k.labels).forEach((entry, i) => {
    const pairs = isObject(entry) ? stringPairs(entry.pairs) : undefined;
    if (pairs)
      sets.push({
        pairs,
        selectors: asObject(entry).includeSelectors === true,
        templates: asObject(entry).includeTemplates === true,
        yaml: kustomization,
        at: ["labels", i, "pairs"],
      });
  });
  return sets.reduce((current, set) => current.map((o) => labelled(o, set)), objects);
}

/** `commonAnnotations`: on every object, and on the pods of workloads. */
export function applyAnnotations(kustomization: Json, objects: ManifestObject[]): ManifestObject[] {
  const pairs = stringPairs(kustomization.commonAnnotations);
  if (!pairs) return objects;
  return objects.map((object) => {
    const value = structuredClone(object.value);
    addAt(value, ["metadata", "annotations"], pairs, true);
    for (const path of templatePlaces(object))
      addAt(value, [...path.slice(0, -1), "annotations"], pairs, true);
    return { ...object, value };
  });
}

const SCALABLE = new Set(["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet"]);

/**
 * Whether a replicas entry naming `name` scales `object`. kustomize matches the name against every
 * name the object has had (a base's namePrefix does not hide it from an overlay's entry), and the
 * kind alone, in any group.
 */
const scaledBy = (object: ManifestObject, name: string): boolean =>
  SCALABLE.has(object.kind) &&
  (object.name === name || (object.renames ?? []).some((step) => step.before === name));

/**
 * What kustomize refuses in a `replicas` entry, and where in the entry it is; undefined for an entry
 * it reads: a name, and a whole number (or none, which it reads as 0).
 */
function replicaProblem(entry: unknown): [message: string, at: KeyPath] | undefined {
  if (!isObject(entry)) return ["a replicas entry is a mapping of a workload's name and its count", []];
  const { name, count } = entry;
  if (name === undefined || name === null || name === "")
    return ["this replicas entry names no workload; kustomize needs the name of the one to scale", []];
  if (typeof name !== "string") return ["the name of the workload to scale is text", ["name"]];
  if (typeof count === "string")
    return [`count '${count}' is text; kustomize takes a whole number of replicas`, ["count"]];
  if (count !== undefined && count !== null && typeof count !== "number")
    return [`count is ${describeValue(count)}; kustomize takes a whole number of replicas`, ["count"]];
  if (typeof count === "number" && !isInt64(count))
    return [`count ${count} is no whole number of replicas kustomize reads`, ["count"]];
  if (typeof count === "number" && count < 0)
    return [`count ${count} is negative; a workload runs 0 replicas or more`, ["count"]];
  return undefined;
}

const describeValue = (value: unknown): string =>
  Array.isArray(value) ? "a list" : isObject(value) ? "a mapping" : `${asText(value)}`;

/** What `applyReplicas` tells of the entries it cannot apply as written. */
export interface ReplicaProblems {
  /** An entry that names no workload kustomize scales, which kustomize refuses. */
  unmatched: (name: string, index: number) => void;
  /** An entry kustomize refuses, or reads otherwise than meant, at `path` in the kustomization. */
  invalid: (message: string, path: KeyPath) => void;
}

/**
 * `replicas: [{ name, count }]`: the count of each workload so named, as a layer of the workload
 * written at the entry's count (at the entry where it gives none, which kustomize reads as 0),
 * where findings about it point; `problems` hears of an entry that names none or that kustomize
 * refuses.
 */
export function applyReplicas(
  kustomization: YamlFile,
  objects: ManifestObject[],
  problems: ReplicaProblems,
): ManifestObject[] {
  let result = objects;
  asArray(asObject(kustomization.value).replicas).forEach((entry, index) => {
    const problem = replicaProblem(entry);
    if (problem) {
      problems.invalid(problem[0], ["replicas", index, ...problem[1]]);
      return;
    }
    const name = asText(asObject(entry).name);
    const written = asObject(entry).count;
    if (!result.some((o) => scaledBy(o, name))) {
      problems.unmatched(name, index);
      return;
    }
    const count = typeof written === "number" ? written : 0;
    if (typeof written !== "number")
      problems.invalid(
        `this replicas entry gives no count, which kustomize reads as 0: it scales '${name}' to no replicas`,
        ["replicas", index],
      );
    const set: FieldSet = { path: ["spec", "replicas"], value: count };
    const layer: PatchLayer = {
      form: "field",
      patch: set,
      yaml: kustomization,
      at: typeof written === "number" ? ["replicas", index, "count"] : ["replicas", index],
    };
    result = result.map((o) =>
      scaledBy(o, name)
        ? {
            ...o,
            value: { ...o.value, spec: { ...asObject(o.value.spec), replicas: count } },
            patches: [...(o.patches ?? []), layer],
          }
        : o,
    );
  });
  return result;
}
