/**
 * Kubernetes manifest sets in a repository: each kustomization that no other one builds on (an
 * overlay, or a base nothing overlays), and each folder of plain manifests outside kustomize. When
 * a folder's files each define the same workloads (alternative all-in-one files), every file is a
 * set of its own, with the folder's other manifests, unless the variants are asked for together.
 * Skips dependency and build folders and never follows a link.
 */
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parseYaml } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { kustomizationIn } from "../kubernetes/kustomize.js";
import { isObject, type Json, labelSelectorMatches, workloadKinds } from "../kubernetes/objects.js";
import {
  isManifestText,
  keyPattern,
  MANIFEST_FILE,
  manifestObjects,
  readText,
} from "../kubernetes/read-file.js";
import { freeId } from "../model-ids.js";
import { type Folder, walkRepository } from "./walk.js";

export interface ManifestSet {
  environment: string;
  /** A kustomization folder, a folder of manifests, or one manifest file. */
  paths: string[];
}

// Indented too (a workload may be an item of a List), in a flow mapping or JSON, its key and kind
// quoted or not.
const workloadKind = `(["']?)(?:${[...workloadKinds].join("|")})\\1`;
const WORKLOAD = new RegExp(
  `(?:^[ \\t-]*|[{,][ \\t]*)${keyPattern("kind")}[ \\t]*${workloadKind}[ \\t]*(?:[,}]|#|$)`,
  "m",
);

/** A manifest's object as the search needs it: its kind and name, and its value. */
interface Found {
  kind: string;
  name: string;
  value: Json;
}

/**
 * The YAML files of one search, each read once for whether it is a manifest and what workloads it
 * defines, and parsed at most once: the objects of a file with workloads are kept (the Services
 * beside them are matched against them when sets are told apart), those of another file are read
 * only when they are asked for. Values are kept, not parsed documents or texts, which would hold a
 * repository's every YAML file in memory.
 */
interface ManifestFiles {
  isManifest(file: string): boolean;
  /** Names of the workloads a file defines, or undefined when it defines none. */
  workloadsIn(file: string): string[] | undefined;
  objects(file: string): Found[];
}

function manifestFiles(): ManifestFiles {
  const looked = new Map<string, { manifest: boolean; objects?: Found[] }>();
  const parse = (text: string, file: string): Found[] =>
    manifestObjects(text, file).objects.map(({ kind, name, value }) => ({ kind, name, value }));
  const look = (file: string) => {
    let seen = looked.get(file);
    if (!seen) {
      const { text } = readText(file);
      const manifest = text !== undefined && isManifestText(text);
      seen = { manifest, ...(manifest && WORKLOAD.test(text) ? { objects: parse(text, file) } : {}) };
      looked.set(file, seen);
    }
    return seen;
  };
  return {
    isManifest: (file) => look(file).manifest,
    workloadsIn(file) {
      const names = (look(file).objects ?? [])
        .filter((object) => workloadKinds.has(object.kind))
        .map((object) => object.name);
      return names.length > 0 ? names : undefined;
    },
    objects(file) {
      const seen = look(file);
      if (!seen.objects) {
        const { text } = seen.manifest ? readText(file) : {};
        seen.objects = text === undefined ? [] : parse(text, file);
      }
      return seen.objects;
    },
  };
}

function kustomizationEntries(dir: string): { resources: string[]; components: string[]; kind: string } {
  const file = kustomizationIn(dir);
  const text = file ? readText(file).text : undefined;
  const value = text ? parseYaml(text, file!).documents[0]?.value : undefined;
  if (!isObject(value)) return { resources: [], components: [], kind: "Kustomization" };
  const list = (key: string) =>
    (Array.isArray(value[key]) ? value[key] : [])
      .filter((e): e is string => typeof e === "string")
      .map((e) => resolve(dir, e));
  return {
    resources: [...list("resources"), ...list("bases")],
    components: list("components"),
    kind: typeof value.kind === "string" ? value.kind : "Kustomization",
  };
}

function environmentId(root: string, path: string, taken: Set<string>): string {
  const base =
    relative(root, path)
      .replace(/\.ya?ml$/i, "")
      .replace(/[\\/]+/g, "-")
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-") || "kubernetes";
  return freeId(base, taken);
}

export interface ManifestSetOptions {
  /**
   * Alternative all-in-one files of a folder as environments apart (as `init` models them), or
   * together as `kubectl apply -f` of the folder applies them, the later defining an object again.
   */
  variants?: "apart" | "together";
}

export function findManifestSets(
  root: string,
  taken: Set<string> = new Set(),
  folders: Folder[] = walkRepository(root),
  options: ManifestSetOptions = {},
): ManifestSet[] {
  const read = manifestFiles();
  const kustomizations: string[] = [];
  const plainFolders: { dir: string; files: { file: string; workloads: string[] }[]; others: string[] }[] =
    [];
  /** Folders of manifests with no workload: a Service, Ingress or budget kept apart from what it fronts. */
  const workloadless: { dir: string; files: string[] }[] = [];
  for (const { dir, entries } of folders) {
    if (kustomizationIn(dir)) {
      kustomizations.push(dir);
      continue;
    }
    const yamlFiles = entries
      .filter((e) => e.isFile() && MANIFEST_FILE.test(e.name) && !/compose/i.test(e.name))
      .map((e) => join(dir, e.name))
      .sort();
    const files = yamlFiles.flatMap((file) => {
      const workloads = read.workloadsIn(file);
      return workloads ? [{ file, workloads }] : [];
    });
    // The Services, Ingresses, autoscalers and ConfigMaps beside the workloads belong to them.
    const others = yamlFiles.filter((file) => !files.some((f) => f.file === file) && read.isManifest(file));
    if (files.length > 0) plainFolders.push({ dir, files, others });
    else if (others.length > 0) workloadless.push({ dir, files: others });
  }
  // What a kustomization builds on is part of it, not an environment of its own.
  const used = new Set<string>();
  const components = new Set<string>();
  for (const dir of kustomizations) {
    const entries = kustomizationEntries(dir);
    for (const path of [...entries.resources, ...entries.components]) used.add(path);
    if (entries.kind === "Component") components.add(dir);
  }
  const sets: ManifestSet[] = [];
  for (const dir of kustomizations.sort()) {
    if (used.has(dir) || components.has(dir)) continue;
    sets.push({ environment: environmentId(root, dir, taken), paths: [dir] });
  }
  /** The sets of whole folders, by folder: where the manifests of a folder with no workload may go. */
  const folderSets = new Map<string, ManifestSet>();
  for (const { dir, files, others } of plainFolders.sort((a, b) => a.dir.localeCompare(b.dir))) {
    const unused = files.filter((f) => !used.has(f.file));
    if (unused.length === 0) continue;
    const names = unused.flatMap((f) => f.workloads);
    const alternatives =
      options.variants !== "together" && new Set(names).size < names.length && unused.length > 1;
    const beside = others.filter((file) => !used.has(file));
    // The Services and Ingresses beside the variants go with each of them.
    if (alternatives)
      for (const f of unused)
        sets.push({ environment: environmentId(root, f.file, taken), paths: [f.file, ...beside].sort() });
    else {
      const set = {
        environment: environmentId(root, dir, taken),
        paths: [...unused.map((f) => f.file), ...beside].sort(),
      };
      sets.push(set);
      folderSets.set(dir, set);
    }
  }
  for (const { dir, files } of workloadless) {
    const unused = files.filter((file) => !used.has(file));
    if (used.has(dir) || unused.length === 0) continue;
    const set = nearestSet(dir, unused, root, folderSets, read);
    if (set) set.paths = [...set.paths, ...unused].sort();
    else sets.push({ environment: environmentId(root, dir, taken), paths: unused });
  }
  return sets;
}

/**
 * The set of a folder nearest `dir` in the tree that the folder's manifests go with (deploy/net's
 * Services with deploy/apps's workloads), found by going up from it: the one there, or of several
 * as near the one whose workloads its selectors select most. None where that is not one, or where
 * no set is below the root: its manifests are then a set of their own, checked all the same.
 */
function nearestSet(
  dir: string,
  files: readonly string[],
  root: string,
  folderSets: ReadonlyMap<string, ManifestSet>,
  read: ManifestFiles,
): ManifestSet | undefined {
  const top = resolve(root);
  for (let ancestor = resolve(dir); ; ) {
    const below = [...folderSets].filter(([folder]) => isWithin(folder, ancestor));
    if (below.length === 1) return below[0]![1];
    if (below.length > 1)
      return selectedSet(
        files,
        below.map(([, set]) => set),
        read,
      );
    if (ancestor === top) return undefined;
    const parent = dirname(ancestor);
    if (parent === ancestor) return undefined;
    ancestor = parent;
  }
}

/** The labels of the pods a workload's value makes (a Pod's own). */
function podLabels(workload: Json): Record<string, string> {
  const spec = isObject(workload.spec) ? workload.spec : {};
  const jobTemplate =
    isObject(spec.jobTemplate) && isObject(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {};
  const template =
    workload.kind === "Pod" ? workload : workload.kind === "CronJob" ? jobTemplate.template : spec.template;
  const metadata = isObject(template) && isObject(template.metadata) ? template.metadata : {};
  return isObject(metadata.labels)
    ? Object.fromEntries(Object.entries(metadata.labels).map(([key, value]) => [key, asText(value)]))
    : {};
}

/**
 * Of several sets, the one whose workloads the files' Services, disruption budgets and autoscalers
 * select the most of; none where no set is selected, or two alike.
 */
function selectedSet(
  files: readonly string[],
  sets: readonly ManifestSet[],
  read: ManifestFiles,
): ManifestSet | undefined {
  const selectors = files
    .flatMap((file) => read.objects(file).map((object) => object.value))
    .flatMap((object): ((workload: Json) => boolean)[] => {
      const spec = isObject(object.spec) ? object.spec : {};
      if (object.kind === "Service" && isObject(spec.selector) && Object.keys(spec.selector).length > 0) {
        const selector = { matchLabels: spec.selector };
        return [(workload) => labelSelectorMatches(selector, podLabels(workload))];
      }
      if (object.kind === "PodDisruptionBudget" && isObject(spec.selector)) {
        const selector = spec.selector;
        return [(workload) => labelSelectorMatches(selector, podLabels(workload))];
      }
      if (object.kind === "HorizontalPodAutoscaler" && isObject(spec.scaleTargetRef)) {
        const name = spec.scaleTargetRef.name;
        return [(workload) => isObject(workload.metadata) && workload.metadata.name === name];
      }
      return [];
    });
  if (selectors.length === 0) return undefined;
  const scored = sets.map((set) => {
    const workloads = set.paths
      .flatMap((path) => read.objects(path))
      .filter((object) => workloadKinds.has(object.kind))
      .map((object) => object.value);
    return { set, score: selectors.filter((selects) => workloads.some(selects)).length };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return best > 0 && top.length === 1 ? top[0]!.set : undefined;
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, resolve(path));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
