/**
 * Compose file sets in a repository: per folder, the base file (with docker-compose.override.yml when
 * present) and each variant (docker-compose.prod.yml, compose.staging.yaml, docker-compose-dev.yml)
 * over the base.
 * Honours .gitignore, skips dependency and build folders and never follows a link (see walk.ts).
 */
import { join, relative } from "node:path";
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

export function findComposeSets(root: string, folders: Folder[] = walkRepository(root)): ComposeSet[] {
  const sets: ComposeSet[] = [];
  for (const { dir, entries } of folders) {
    const names = entries.filter((e) => e.isFile()).map((e) => e.name);
    const base = baseNames.find((n) => names.includes(n));
    const folder = relative(root, dir) || ".";
    if (!base) {
      // Without a base file, each compose file stands alone (docker-compose.agent-builder.yml).
      for (const name of names.sort()) {
        const variant = VARIANT.exec(name)?.[1];
        if (variant)
          sets.push({ environment: environmentId(folder, variant), files: [join(dir, name)], variant });
      }
    } else {
      const override = names.find((n) => /^(?:docker-)?compose[.-]override\.ya?ml$/.test(n));
      sets.push({
        environment: environmentId(folder, undefined),
        files: [join(dir, base), ...(override ? [join(dir, override)] : [])],
      });
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
  }
  return sets.sort((a, b) => a.environment.localeCompare(b.environment));
}
