/**
 * A kustomization's patches, applied as `kustomize build` applies them: `patches` (strategic merge
 * or JSON 6902, inline or from a file, with or without a target), and the older
 * `patchesStrategicMerge` and `patchesJson6902`. A patch that matches nothing is reported.
 */
import { resolve } from "node:path";
import { append } from "../../collections.js";
import type { Diagnostic, DiagnosticCode } from "../../diagnostics.js";
import { type KeyPath, parseYaml, type YamlFile } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { asArray, asObject, isObject, type Json, type ManifestObject } from "./objects.js";
import { jsonPatch, mergeKeysFor, strategicMerge } from "./patch.js";
import { blockOffsets, type PatchLayer } from "./patch-origin.js";
import { isManifestText, readText } from "./read-file.js";
import { matchesSelector } from "./selector.js";

export interface PatchContext {
  /** The kustomization's folder, its file, and that file as read (where inline patches are written). */
  dir: string;
  file: string;
  yaml: YamlFile;
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Reports at a path of the kustomization. */
  report: (
    code: DiagnosticCode,
    severity: "error" | "warning" | "info",
    message: string,
    path: KeyPath,
  ) => void;
}

export function applyPatches(
  k: Json,
  patched: readonly ManifestObject[],
  context: PatchContext,
): ManifestObject[] {
  const { dir, file, report } = context;
  let objects = [...patched];
  /** The patch an entry names, and where it is written. */
  type Written = { value: unknown; where: Omit<PatchLayer, "form" | "patch"> };
  /**
   * The patches an entry names, one a document: kustomize applies each document of a patch, inline
   * or in a file, to the object it names (or to every object the entry's target chooses).
   */
  const patchesOf = (entry: Json, path: KeyPath): Written[] => {
    if (typeof entry.patch === "string") {
      const parsedPatch = parseYaml(entry.patch, file, { multiDocument: true });
      const documents = parsedPatch.documents.filter((d) => d.value !== undefined && d.value !== null);
      if (parsedPatch.diagnostics.length > 0 || documents.length === 0) {
        report("yaml-syntax", "error", "this inline patch is not well-formed YAML", [...path, "patch"]);
        return [];
      }
      const at = [...path, "patch"];
      const toFile = blockOffsets(context.yaml, at, entry.patch);
      const inline = { kustomization: context.yaml, at, ...(toFile ? { toFile } : {}) };
      return documents.map((yaml) => ({ value: yaml.value, where: { yaml, at: [], inline } }));
    }
    if (typeof entry.path === "string") {
      const patchFile = resolve(dir, entry.path);
      const read = readText(patchFile);
      if (read.text === undefined) {
        report("kustomize-missing-resource", "error", `the patch '${entry.path}' cannot be read`, [
          ...path,
          "path",
        ]);
        return [];
      }
      context.sources.set(patchFile, read.text);
      const parsedPatch = parseYaml(read.text, patchFile, { multiDocument: true });
      append(context.diagnostics, parsedPatch.diagnostics);
      return parsedPatch.documents
        .filter((yaml) => yaml.value !== undefined && yaml.value !== null)
        .map((yaml) => ({ value: yaml.value, where: { yaml, at: [] } }));
    }
    return [];
  };
  const apply = ({ value: patch, where }: Written, target: Json | undefined, path: KeyPath) => {
    const layered = (object: ManifestObject, form: PatchLayer["form"]): ManifestObject => ({
      ...object,
      patches: [...(object.patches ?? []), { form, patch, ...where }],
    });
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
        return isObject(result.value) ? layered(patchedObject(o, result.value), "json6902") : o;
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
      const merged = strategicMerge(o.value, target ? withoutIdentity(patch) : patch, [], mergeKeysFor(o));
      return isObject(merged) ? [layered({ ...o, value: merged }, "strategic-merge")] : [];
    });
  };
  asArray(k.patches).forEach((entry, i) => {
    if (!isObject(entry)) return;
    for (const patch of patchesOf(entry, ["patches", i]))
      apply(patch, isObject(entry.target) ? entry.target : undefined, ["patches", i]);
  });
  asArray(k.patchesStrategicMerge).forEach((entry, i) => {
    if (typeof entry !== "string") return;
    // A path is a file's name; an object is written over lines, or as a flow mapping or JSON on one.
    const inline = /\n/.test(entry) || /^\s*apiVersion:/.test(entry) || isManifestText(entry);
    for (const patch of patchesOf(inline ? { patch: entry } : { path: entry }, ["patchesStrategicMerge", i]))
      apply(patch, undefined, ["patchesStrategicMerge", i]);
  });
  asArray(k.patchesJson6902).forEach((entry, i) => {
    if (!isObject(entry) || !isObject(entry.target)) return;
    const target = entry.target;
    for (const patch of patchesOf(entry, ["patchesJson6902", i]))
      apply(patch, target, ["patchesJson6902", i]);
  });

  return objects;
}

/**
 * An object as a JSON patch leaves it: kustomize reads its kind, apiVersion, name and namespace
 * again from the result, so a patch that replaces /kind makes a Job of a Deployment.
 */
function patchedObject(object: ManifestObject, value: Json): ManifestObject {
  const metadata = asObject(value.metadata);
  const text = (field: unknown, was: string) => (typeof field === "string" && field !== "" ? field : was);
  return {
    ...object,
    value,
    kind: text(value.kind, object.kind),
    apiVersion: text(value.apiVersion, object.apiVersion),
    name: object.generated ? object.name : text(metadata.name, object.name),
    ...(typeof metadata.namespace === "string" ? { namespace: metadata.namespace } : {}),
  };
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
