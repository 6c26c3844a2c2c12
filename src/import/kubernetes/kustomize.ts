/**
 * A kustomization folder → the objects `kustomize build` would give, for what real overlays use:
 * resources (files and folders), components, ConfigMap and Secret generators, strategic merge and
 * JSON 6902 patches, images, labels, annotations, replica counts, namespace and name prefixes.
 * Remote resources are reported, never fetched.
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { limits } from "../../load/limits.js";
import { type KeyPath, locate, parseYaml } from "../../load/yaml-file.js";
import { isInside } from "../inside.js";
import { asText } from "../json.js";
import { applyGenerators } from "./generators.js";
import { applyAnnotations, applyLabels, applyReplicas } from "./kustomize-labels.js";
import { asArray, asObject, isObject, type Json, type ManifestObject, podSpecOf } from "./objects.js";
import { jsonPatch, strategicMerge } from "./patch.js";
import { manifestObjects, readText } from "./read-file.js";
import { renameObjects } from "./rename.js";
import { matchesSelector } from "./selector.js";

const kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

export function kustomizationIn(dir: string): string | undefined {
  return kustomizationNames.map((name) => join(dir, name)).find((file) => existsSync(file));
}

export interface BuildContext {
  /** Paths may not lead out of this folder (after links are followed). */
  root?: string;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /**
   * Objects read so far. Past limits.maxServices no more files are read: the run is refused, and
   * reading on (a folder of many 8 MiB files) would only fill memory until it ran out.
   */
  objectsRead?: number;
}

const isRemote = (entry: string) => /^[a-z][a-z0-9+.-]*:\/\/|^github\.com\/|\?ref=|^git@/i.test(entry);

export function readManifestFile(file: string, context: BuildContext): ManifestObject[] {
  if ((context.objectsRead ?? 0) > limits.maxServices) return [];
  const { text, diagnostic: problem } = readText(file);
  if (problem) context.diagnostics.push(problem);
  if (text === undefined) return [];
  context.sources.set(file, text);
  const read = manifestObjects(text, file);
  append(context.diagnostics, read.diagnostics);
  context.objectsRead = (context.objectsRead ?? 0) + read.objects.length;
  return read.objects;
}

/** The objects of a kustomization folder, built as `kustomize build` would. */
export function buildKustomization(
  dir: string,
  context: BuildContext,
  stack: string[] = [],
): ManifestObject[] {
  return build(resolve(dir), context, stack, []);
}

function build(
  dir: string,
  context: BuildContext,
  stack: string[],
  inherited: ManifestObject[],
): ManifestObject[] {
  const file = kustomizationIn(dir)!;
  const { text, diagnostic: problem } = readText(file);
  if (problem) context.diagnostics.push(problem);
  if (text === undefined) return inherited;
  context.sources.set(file, text);
  const parsed = parseYaml(text, file);
  append(context.diagnostics, parsed.diagnostics);
  const yaml = parsed.documents[0];
  if (!yaml || !isObject(yaml.value)) return inherited;
  const k = yaml.value;
  const at = (path: KeyPath) => locate(yaml, path, "value");
  const report = (
    code: Parameters<typeof diagnostic>[0],
    severity: "error" | "warning" | "info",
    message: string,
    path: KeyPath,
    hint?: string,
  ) => context.diagnostics.push(diagnostic(code, severity, message, at(path), hint ? { hint } : {}));

  let objects = [...inherited];
  // Resources first, then components over everything so far, then this folder's own patches.
  const follow = (entry: unknown, path: KeyPath, asComponent: boolean) => {
    if (typeof entry !== "string") return;
    if (isRemote(entry)) {
      report("kustomize-remote-resource", "info", `'${entry}' is remote; deployview does not fetch it`, path);
      return;
    }
    const target = resolve(dir, entry);
    if (context.root && isInside(context.root, target) === false) {
      report("kustomize-missing-resource", "error", `'${entry}' leads out of the repository`, path);
      return;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(target).isDirectory();
    } catch {
      report("kustomize-missing-resource", "error", `'${entry}' does not exist`, path);
      return;
    }
    if (isDirectory) {
      if (!kustomizationIn(target)) {
        report("kustomize-missing-resource", "error", `'${entry}' is a folder without a kustomization`, path);
        return;
      }
      // Followed by recursion: a hostile chain of thousands of folders would overflow the stack.
      if (stack.length >= limits.maxDepth) {
        report(
          "kustomize-too-deep",
          "error",
          `'${entry}' nests kustomizations more than ${limits.maxDepth} deep, further than deployview follows`,
          path,
        );
        return;
      }
      if (stack.includes(target) || target === dir) {
        report(
          "kustomize-cycle",
          "error",
          `'${entry}' includes a kustomization that includes this one`,
          path,
        );
        return;
      }
      objects = asComponent
        ? build(target, context, [...stack, dir], objects)
        : [...objects, ...build(target, context, [...stack, dir], [])];
      return;
    }
    append(objects, readManifestFile(target, context));
  };
  for (const key of ["resources", "bases", "components"]) {
    asArray(k[key]).forEach((entry, i) => {
      follow(entry, [key, i], key === "components");
    });
  }

  objects = applyGenerators(k, objects, {
    dir,
    ...(context.root ? { root: context.root } : {}),
    yaml,
    ...(typeof k.namespace === "string" ? { namespace: k.namespace } : {}),
    sources: context.sources,
    missing: (message, path) => report("kustomize-missing-resource", "error", message, path),
    unmatched: (message, path) => report("kustomize-patch-unmatched", "warning", message, path),
  });

  const patchText = (entry: Json, path: KeyPath): { value: unknown; file: string } | undefined => {
    if (typeof entry.patch === "string") {
      const parsedPatch = parseYaml(entry.patch, file);
      if (parsedPatch.diagnostics.length > 0 || !parsedPatch.documents[0]) {
        report("yaml-syntax", "error", "this inline patch is not well-formed YAML", [...path, "patch"]);
        return undefined;
      }
      return { value: parsedPatch.documents[0].value, file };
    }
    if (typeof entry.path === "string") {
      const patchFile = resolve(dir, entry.path);
      const read = readText(patchFile);
      if (read.text === undefined) {
        report("kustomize-missing-resource", "error", `the patch '${entry.path}' cannot be read`, [
          ...path,
          "path",
        ]);
        return undefined;
      }
      context.sources.set(patchFile, read.text);
      const parsedPatch = parseYaml(read.text, patchFile);
      append(context.diagnostics, parsedPatch.diagnostics);
      return parsedPatch.documents[0]
        ? { value: parsedPatch.documents[0].value, file: patchFile }
        : undefined;
    }
    return undefined;
  };
  const apply = (patch: unknown, target: Json | undefined, path: KeyPath) => {
    if (Array.isArray(patch)) {
      if (!target) {
        report("kustomize-unsupported", "warning", "a JSON 6902 patch needs a target", path);
        return;
      }
      const chosen = objects.filter((o) => matchesTarget(o, target));
      if (chosen.length === 0)
        report("kustomize-patch-unmatched", "warning", "no object matches this patch's target", path);
      objects = objects.map((o) => {
        if (!chosen.includes(o)) return o;
        const result = jsonPatch(o.value, patch);
        for (const failure of result.failed)
          report(
            "kustomize-unsupported",
            "warning",
            `operation ${failure.index + 1}: ${failure.reason}`,
            path,
          );
        return isObject(result.value) ? { ...o, value: result.value } : o;
      });
      return;
    }
    if (!isObject(patch)) return;
    const meta = asObject(patch.metadata);
    const chosen = objects.filter((o) =>
      target
        ? matchesTarget(o, target)
        : o.kind === patch.kind &&
          o.name === meta.name &&
          (meta.namespace === undefined || o.namespace === meta.namespace),
    );
    if (chosen.length === 0) {
      report(
        "kustomize-patch-unmatched",
        "warning",
        `no ${asText(patch.kind ?? "object")} '${asText(meta.name ?? "")}' to patch`,
        path,
      );
      return;
    }
    objects = objects.flatMap((o) => {
      if (!chosen.includes(o)) return [o];
      const merged = strategicMerge(o.value, target ? withoutIdentity(patch) : patch);
      return isObject(merged) ? [{ ...o, value: merged }] : [];
    });
  };
  asArray(k.patches).forEach((entry, i) => {
    if (!isObject(entry)) return;
    const patch = patchText(entry, ["patches", i]);
    if (patch) apply(patch.value, isObject(entry.target) ? entry.target : undefined, ["patches", i]);
  });
  asArray(k.patchesStrategicMerge).forEach((entry, i) => {
    if (typeof entry !== "string") return;
    const inline = /\n/.test(entry) || /^\s*apiVersion:/.test(entry);
    const patch = patchText(inline ? { patch: entry } : { path: entry }, ["patchesStrategicMerge", i]);
    if (patch) apply(patch.value, undefined, ["patchesStrategicMerge", i]);
  });
  asArray(k.patchesJson6902).forEach((entry, i) => {
    if (!isObject(entry) || !isObject(entry.target)) return;
    const patch = patchText(entry, ["patchesJson6902", i]);
    if (patch) apply(patch.value, entry.target, ["patchesJson6902", i]);
  });

  objects = objects.map((o) => applyImages(o, asArray(k.images)));
  objects = applyLabels(k, objects);
  objects = applyAnnotations(k, objects);
  objects = applyReplicas(k, objects, (name, i) =>
    report(
      "kustomize-patch-unmatched",
      "warning",
      `no Deployment, StatefulSet or ReplicaSet '${name}' to scale`,
      ["replicas", i, "name"],
    ),
  );
  if (typeof k.namespace === "string") {
    const namespace = k.namespace;
    objects = objects.map((o) =>
      o.kind === "Namespace"
        ? o
        : { ...o, namespace, value: { ...o.value, metadata: { ...asObject(o.value.metadata), namespace } } },
    );
  }
  const prefix = typeof k.namePrefix === "string" ? k.namePrefix : "";
  const suffix = typeof k.nameSuffix === "string" ? k.nameSuffix : "";
  if (prefix || suffix) objects = renameObjects(objects, prefix, suffix);
  for (const key of ["helmCharts", "generators", "transformers", "replacements", "vars"]) {
    if (k[key] !== undefined) report("kustomize-unsupported", "info", `'${key}' is not applied`, [key]);
  }
  return objects;
}

function withoutIdentity(patch: Json): Json {
  const { apiVersion: _a, kind: _k, ...rest } = patch;
  const { name: _n, namespace: _ns, ...metadata } = asObject(rest.metadata);
  return Object.keys(metadata).length > 0 ? { ...rest, metadata } : (({ metadata: _m, ...r }) => r)(rest);
}

/** A patch target: kind, name and namespace, and the labels and annotations it selects by. */
function matchesTarget(object: ManifestObject, target: Json): boolean {
  const metadata = asObject(object.value.metadata);
  const strings = (value: unknown) =>
    Object.fromEntries(Object.entries(asObject(value)).map(([k, v]) => [k, asText(v)]));
  // kustomize reads a target's name as a regular expression, anchored; one with a nested
  // quantifier, which could backtrack without end, is taken as written instead.
  const named = (pattern: unknown) => {
    if (pattern === undefined || pattern === object.name) return true;
    const text = asText(pattern);
    if (/\([^)]*[*+][^)]*\)\s*[*+{]/.test(text)) return false;
    try {
      return new RegExp(`^(?:${text})$`).test(object.name);
    } catch {
      return false;
    }
  };
  return (
    (target.kind === undefined || target.kind === object.kind) &&
    named(target.name) &&
    (target.namespace === undefined || target.namespace === object.namespace) &&
    (typeof target.labelSelector !== "string" ||
      matchesSelector(target.labelSelector, strings(metadata.labels))) &&
    (typeof target.annotationSelector !== "string" ||
      matchesSelector(target.annotationSelector, strings(metadata.annotations)))
  );
}

/** kustomize `images`: a container image named `name` gets newName, newTag or digest. */
function applyImages(object: ManifestObject, images: unknown[]): ManifestObject {
  if (
    images.length === 0 ||
    !["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"].includes(object.kind)
  )
    return object;
  const value = structuredClone(object.value);
  const { spec } = podSpecOf({ ...object, value });
  for (const container of [...asArray(spec.containers), ...asArray(spec.initContainers)]) {
    if (!isObject(container) || typeof container.image !== "string") continue;
    const [, name = "", tag] = /^(.*?)(?::([^:/@]+))?(?:@.*)?$/.exec(container.image) ?? [];
    const rule = images.find((i) => isObject(i) && i.name === name);
    if (!isObject(rule)) continue;
    const newName = typeof rule.newName === "string" ? rule.newName : name;
    if (typeof rule.digest === "string") container.image = `${newName}@${rule.digest}`;
    else {
      const newTag = rule.newTag !== undefined ? asText(rule.newTag) : tag;
      container.image = newTag ? `${newName}:${newTag}` : newName;
    }
  }
  return { ...object, value };
}
