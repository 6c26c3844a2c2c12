/**
 * Reading Kubernetes manifests as a model: files (several documents each), folders of them, and
 * kustomization folders built as kustomize would; then converted and resolved like any model.
 */
import { type Dirent, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic, unreadableFile } from "../../diagnostics.js";
import type { LoadResult } from "../../load/index.js";
import { limits, tooManyMessage } from "../../load/limits.js";
import { pathKind } from "../../load/path-kind.js";
import { isStandardInput } from "../../load/standard-input.js";
import { lintableModel, resolveModel } from "../../model/resolve/index.js";
import { environmentOf } from "./environment.js";
import { type BuildContext, buildKustomization, kustomizationIn, readManifestFile } from "./kustomize.js";
import type { ManifestObject } from "./objects.js";
import { looksLikeManifest, MANIFEST_FILE } from "./read-file.js";
import { skaffoldBuilds } from "./skaffold.js";
import { type ImportedManifests, manifestsToModel } from "./to-model.js";

export { kustomizationIn } from "./kustomize.js";
export { isManifestText, looksLikeManifest } from "./read-file.js";

export interface ManifestImport {
  imported: ImportedManifests | undefined;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Whether a path given is a kustomization, which may patch, rename or drop what its files hold. */
  kustomized: boolean;
}

/** Manifest files directly in a folder (as `kubectl apply -f folder` reads them). */
export function manifestFilesIn(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && MANIFEST_FILE.test(e.name) && !/^kustomization\.ya?ml$/i.test(e.name))
    .map((e) => join(dir, e.name))
    .filter(looksLikeManifest)
    .sort();
}

/** The objects of manifest files, folders and kustomizations, in the order given. */
export function readManifests(
  paths: string[],
  context: BuildContext,
): { objects: ManifestObject[]; kustomized: boolean } {
  const objects: ManifestObject[] = [];
  let kustomized = false;
  for (const path of paths) {
    if (isStandardInput(path)) {
      append(objects, readManifestFile(path, context));
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      context.diagnostics.push(unreadableFile("no such file or folder", path, "check the path"));
      continue;
    }
    if (!isDirectory) append(objects, readManifestFile(path, context));
    else if (kustomizationIn(path)) {
      kustomized = true;
      append(objects, buildKustomization(path, context));
    } else for (const file of manifestFilesIn(path)) append(objects, readManifestFile(file, context));
  }
  return { objects, kustomized };
}

export async function importManifests(
  paths: string[],
  options: { name?: string; environment?: string; root?: string } = {},
): Promise<ManifestImport> {
  const context: BuildContext = {
    diagnostics: [],
    sources: new Map(),
    ...(options.root ? { root: options.root } : {}),
  };
  const { objects, kustomized } = readManifests(paths, context);
  const { diagnostics, sources } = context;
  if (objects.length === 0) {
    // Nothing to check is an error of its own, said even where each document has a warning.
    if (!diagnostics.some((d) => d.severity === "error") && paths[0])
      diagnostics.push(
        diagnostic("manifest-not-object", "error", "found no Kubernetes objects here", {
          file: paths[0],
          start: 0,
          end: 0,
        }),
      );
    return { imported: undefined, diagnostics, sources, kustomized };
  }
  if ((context.objectsRead ?? 0) > limits.maxServices || objects.length > limits.maxServices) {
    const count = Math.max(context.objectsRead ?? 0, objects.length);
    diagnostics.push(
      diagnostic("file-too-large", "error", tooManyMessage(count, "Kubernetes objects", true), {
        file: paths[0] ?? "",
      }),
    );
    return { imported: undefined, diagnostics, sources, kustomized };
  }
  const first = paths[0]!;
  const name =
    options.name ?? (basename(pathKind(first) === "folder" ? first : dirname(first)) || "kubernetes");
  const imported = manifestsToModel(
    name,
    objects,
    options.environment ?? environmentOf(first, objects),
    first,
    {
      builds: skaffoldBuilds(first),
      // What one kustomization gathers, kustomize builds as one set, where an object twice is refused.
      ...(kustomized && paths.length === 1 ? { kustomization: true } : {}),
    },
  );
  append(diagnostics, imported.diagnostics);
  return { imported, diagnostics, sources, kustomized };
}

/**
 * Loads manifests (files, folders, kustomizations) as a resolved model; one whose only errors are
 * values out of range comes with them, to be linted (see lintableModel).
 */
export async function loadManifestsAsModel(paths: string[]): Promise<LoadResult> {
  const { imported, diagnostics, sources, kustomized } = await importManifests(paths);
  if (!imported) return { model: undefined, diagnostics, sources };
  const resolved = resolveModel(imported.input, paths[0]!, imported.locate);
  const lintable = lintableModel(resolved);
  if (!lintable)
    return {
      model: undefined,
      diagnostics: [...diagnostics, ...imported.findings, ...resolved.diagnostics],
      sources,
    };
  const model = {
    ...lintable,
    importFindings: imported.findings,
    readFrom: "kubernetes" as const,
    commandArguments: imported.commandArguments,
    imageHealthChecks: imported.probedUnread,
    frontedServices: imported.fronted,
    unnamedTargetPorts: imported.unnamedTargetPorts,
  };
  const wholeFiles = wholeManifestFiles(kustomized, sources, diagnostics);
  return { model, diagnostics: [...diagnostics, ...resolved.diagnostics], sources, wholeFiles };
}

/**
 * The files the objects come from as written: every one, unless a kustomization may have patched,
 * renamed or dropped what they hold, or a later definition of an object replaced an earlier one.
 */
function wholeManifestFiles(
  kustomized: boolean,
  sources: ReadonlyMap<string, string>,
  diagnostics: readonly Diagnostic[],
): string[] {
  if (kustomized || diagnostics.some((d) => d.code === "manifest-duplicate-object")) return [];
  return [...sources.keys()];
}
