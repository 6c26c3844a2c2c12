/**
 * The configuration a repository holds, as `init`, `check` and `drift` all see it: its compose file
 * sets, then its manifest sets (ids kept apart from the compose sets'), from one walk.
 */
import { importCompose } from "../compose/index.js";
import { withoutCharts } from "./charts.js";
import { type ComposeSet, findComposeSets } from "./find-compose.js";
import { findManifestSets, type ManifestSet, type ManifestSetOptions } from "./find-manifests.js";
import { type Folder, walkRepository } from "./walk.js";

export interface ConfigurationSets {
  folders: Folder[];
  compose: ComposeSet[];
  manifests: ManifestSet[];
  /** Helm charts' folders: their files are read as neither compose files nor manifests. */
  charts: string[];
}

export function findConfigurationSets(root: string, options: ManifestSetOptions = {}): ConfigurationSets {
  const folders = walkRepository(root);
  const { folders: outside, charts } = withoutCharts(folders);
  const compose = findComposeSets(root, outside);
  const manifests = findManifestSets(root, new Set(compose.map((s) => s.environment)), outside, options);
  return { folders, compose, manifests, charts };
}

/** A compose set read as `init` reads it: .env.example's values stand in for what .env does not set. */
export function importComposeSet(files: string[], options: { name?: string; environment: string }) {
  return importCompose(files, { ...options, exampleAlways: true });
}
