/**
 * Compose file sets in a repository: per folder, the base file (with docker-compose.override.yml when
 * present) and each variant (docker-compose.prod.yml, compose.staging.yaml) over the base; an
 * alternative (docker-compose-quickstart.yml) by itself; an override fragment in a folder of its
 * own (overrides/compose.mariadb.yaml) over the base file of the folder above.
 * Honours .gitignore, skips dependency and build folders and never follows a link (see walk.ts).
 */
import { dirname, join, relative } from "node:path";
import { parseYaml } from "../../load/yaml-file.js";
import { isObject } from "../kubernetes/objects.js";
import { readText } from "../kubernetes/read-file.js";
import { type Folder, walkRepository } from "./walk.js";

export { skippedFolders } from "./walk.js";

const baseNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
const VARIANT = /^(?:docker-)?compose[.-]([A-Za-z0-9_-]+?)\.ya?ml$/;

export interface ComposeSet {
  /** Environment id for this set. */
  environment: string;
  files: string[];
  /** The variant file's name part (prod in docker-compose.prod.yml); none for the base set. */
  variant?: string;
}

function environmentId(folder: string, variant: string | undefined): string {
  const parts = [folder === "." ? "" : folder.replace(/[\\/]+/g, "-"), variant ?? ""].filter(Boolean);
  return (parts.join("-") || "local").toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
}

/**
 * Whether a compose file only adds to services defined elsewhere (an override fragment such as
 * overrides/compose.mariadb.yaml): some service in it has neither an image nor a build.
 */
function isFragment(file: string): boolean {
  const { text } = readText(file);
  if (text === undefined) return false;
  const value = parseYaml(text, file).documents[0]?.value;
  const services = isObject(value) && isObject(value.services) ? value.services : {};
  return Object.values(services).some(
    (service) => isObject(service) && service.image === undefined && service.build === undefined,
  );
}

/** The base files of the nearest folder above `dir` that has them, for a fragment to go over. */
function baseAbove(dir: string, root: string, bases: Map<string, string[]>): string[] | undefined {
  let folder = dir;
  while (folder !== root && !relative(root, folder).startsWith("..")) {
    folder = dirname(folder);
    const files = bases.get(folder);
    if (files) return files;
  }
  return undefined;
}

export function findComposeSets(root: string, folders: Folder[] = walkRepository(root)): ComposeSet[] {
  const sets: ComposeSet[] = [];
  const bases = new Map<string, string[]>();
  const loose: { dir: string; folder: string; name: string; variant: string }[] = [];
  for (const { dir, entries } of folders) {
    const names = entries.filter((e) => e.isFile()).map((e) => e.name);
    const base = baseNames.find((n) => names.includes(n));
    const folder = relative(root, dir) || ".";
    if (!base) {
      for (const name of names.sort()) {
        const variant = VARIANT.exec(name)?.[1];
        if (variant) loose.push({ dir, folder, name, variant });
      }
      continue;
    }
    const override = names.find((n) => /^(?:docker-)?compose[.-]override\.ya?ml$/.test(n));
    const baseFiles = [join(dir, base), ...(override ? [join(dir, override)] : [])];
    bases.set(dir, [join(dir, base)]);
    sets.push({ environment: environmentId(folder, undefined), files: baseFiles });
    for (const name of names.sort()) {
      const variant = VARIANT.exec(name)?.[1];
      if (!variant || variant === "override") continue;
      // docker-compose.prod.yml is, by convention, an override of the base file; a file named
      // docker-compose-quickstart.yml is an alternative to it, run by itself.
      const alone = /^(?:docker-)?compose-/.test(name);
      sets.push({
        environment: environmentId(folder, variant),
        files: alone ? [join(dir, name)] : [join(dir, base), join(dir, name)],
        variant,
      });
    }
  }
  // Without a base file beside it, a compose file stands alone (docker-compose.agent-builder.yml),
  // unless it is a fragment: then it goes over the base file of the nearest folder above.
  for (const { dir, folder, name, variant } of loose) {
    const file = join(dir, name);
    const above = isFragment(file) ? baseAbove(dir, root, bases) : undefined;
    sets.push({ environment: environmentId(folder, variant), files: [...(above ?? []), file], variant });
  }
  return sets.sort((a, b) => a.environment.localeCompare(b.environment));
}
