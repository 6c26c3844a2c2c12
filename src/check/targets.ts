/**
 * What `check` can be pointed at, and how each is loaded: a model file; a compose file; a manifest
 * file, manifest folder or kustomization; or a repository, whose compose file sets and manifest
 * sets are each checked on their own (as `init` would find them).
 */
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { diagnostic } from "../diagnostics.js";
import { loadComposeAsModel } from "../import/compose/index.js";
import { kustomizationIn, loadManifestsAsModel, looksLikeManifest } from "../import/kubernetes/index.js";
import { findComposeSets } from "../import/repository/find-compose.js";
import { findManifestSets } from "../import/repository/find-manifests.js";
import { walkRepository } from "../import/repository/walk.js";
import type { LoadResult } from "../load/index.js";

export type Load = () => Promise<LoadResult>;

/** The model loader (and its schema validator) is loaded only when a model is checked. */
const loadModelFile = async (path: string) => (await import("../load/index.js")).loadModelFile(path);

const COMPOSE_FILE = /(?:^|[-._])compose[^/]*\.ya?ml$|^pwd\.yml$/;
const MODEL_FILE = "deployview.yaml";

export function loadsFor(path: string): Load[] {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return [() => loadModelFile(path)];
  }
  if (!isDirectory) {
    if (COMPOSE_FILE.test(basename(path))) return [() => loadComposeAsModel([path])];
    if (looksLikeManifest(path)) return [() => loadManifestsAsModel([path])];
    return [() => loadModelFile(path)];
  }
  if (existsSync(join(path, MODEL_FILE))) return [() => loadModelFile(join(path, MODEL_FILE))];
  if (kustomizationIn(path)) return [() => loadManifestsAsModel([path])];
  const taken = new Set<string>();
  const loads: Load[] = [];
  const folders = walkRepository(path);
  for (const set of findComposeSets(path, folders)) {
    taken.add(set.environment);
    loads.push(() => loadComposeAsModel(set.files));
  }
  for (const set of findManifestSets(path, taken, folders)) loads.push(() => loadManifestsAsModel(set.paths));
  if (loads.length > 0) return loads;
  return [
    async () => ({
      model: undefined,
      sources: new Map(),
      diagnostics: [
        diagnostic(
          "file-unreadable",
          "error",
          "found no deployview.yaml, compose file or Kubernetes manifest here",
          { file: path, start: 0, end: 0 },
          { hint: "name a model, a compose file or a manifest folder, or run deployview init" },
        ),
      ],
    }),
  ];
}
