/**
 * The images a Skaffold configuration builds (`build.artifacts`), from the nearest skaffold.yaml at
 * or above the manifests. Skaffold puts the image it has just built and tagged in place of each such
 * name, so `image: frontend` in a manifest it deploys is a build of src/frontend, not an image
 * pulled without a tag.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { limits } from "../../load/limits.js";
import { parseYaml } from "../../load/yaml-file.js";
import { asArray, asObject } from "./objects.js";

export interface SkaffoldBuild {
  /** The build context as skaffold.yaml writes it, relative to its folder. */
  context: string;
  dockerfile?: string;
}

const FILES = ["skaffold.yaml", "skaffold.yml"];
// Far enough for manifests a few folders below the repository's root, where skaffold.yaml lives.
const LEVELS = 6;

/** The skaffold.yaml that governs `path`: beside it, or in a folder above, up to the repository's root. */
function skaffoldFileFor(path: string): string | undefined {
  let folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? path : dirname(path);
  for (let level = 0; level < LEVELS; level++) {
    for (const name of FILES) {
      const file = join(folder, name);
      if (statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
    }
    if (existsSync(join(folder, ".git")) || dirname(folder) === folder) return undefined;
    folder = dirname(folder);
  }
  return undefined;
}

/** Image name → how Skaffold builds it; empty where no skaffold.yaml governs the manifests. */
export function skaffoldBuilds(path: string): Map<string, SkaffoldBuild> {
  const builds = new Map<string, SkaffoldBuild>();
  const file = skaffoldFileFor(path);
  // Only a help in reading the manifests: one that cannot be read, or is too large, is passed over.
  if (!file || statSync(file).size > limits.maxFileBytes) return builds;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return builds;
  }
  for (const document of parseYaml(text, file, { multiDocument: true }).documents) {
    const config = asObject(document.value);
    if (typeof config.apiVersion !== "string" || !config.apiVersion.startsWith("skaffold/")) continue;
    for (const artifact of asArray(asObject(config.build).artifacts)) {
      const { image, context, docker } = asObject(artifact);
      if (typeof image !== "string" || builds.has(image)) continue;
      const dockerfile = asObject(docker).dockerfile;
      builds.set(image, {
        context: typeof context === "string" ? context : ".",
        ...(typeof dockerfile === "string" ? { dockerfile } : {}),
      });
    }
  }
  return builds;
}
