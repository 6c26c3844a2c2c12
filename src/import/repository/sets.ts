/**
 * The configuration a repository holds, as `init`, `check` and `drift` all see it: its compose file
 * sets, then its manifest sets (ids kept apart from the compose sets'), from one walk.
 */
import { importCompose } from "../compose/index.js";
import { exampleEnvironment } from "../compose/variables.js";
import { type ComposeSet, findComposeSets } from "./find-compose.js";
import { findManifestSets, type ManifestSet } from "./find-manifests.js";
import { type Folder, walkRepository } from "./walk.js";

export interface ConfigurationSets {
  folders: Folder[];
  compose: ComposeSet[];
  manifests: ManifestSet[];
}

export function findConfigurationSets(root: string): ConfigurationSets {
  const folders = walkRepository(root);
  const compose = findComposeSets(root, folders);
  const manifests = findManifestSets(root, new Set(compose.map((s) => s.environment)), folders);
  return { folders, compose, manifests };
}

/** A compose set read as `init` reads it: where no .env is committed, .env.example's values stand in. */
export function importComposeSet(files: string[], options: { name?: string; environment: string }) {
  const example = exampleEnvironment(files[0]!);
  return importCompose(files, {
    ...options,
    ...(example ? { defaults: example.values } : {}),
  });
}
