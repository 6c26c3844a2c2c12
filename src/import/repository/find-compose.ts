/**
 * Compose file sets in a repository: per folder, the base file (with docker-compose.override.yml when
 * present) and each variant (docker-compose.prod.yml, compose.staging.yaml) over the base.
 * Skips dependency and build folders and never follows a link.
 */
import { type Dirent, readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const skippedFolders = new Set([
  "node_modules",
  ".git",
  "vendor",
  "dist",
  "build",
  ".venv",
  "venv",
  "target",
  "__pycache__",
]);
const baseNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
const VARIANT = /^(?:docker-)?compose\.([A-Za-z0-9_-]+)\.ya?ml$/;

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

export function findComposeSets(root: string, limit = 10_000): ComposeSet[] {
  const sets: ComposeSet[] = [];
  const stack = [root];
  let seen = 0;
  while (stack.length > 0 && seen < limit) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    seen += entries.length;
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
      const override = names.find((n) => /^(?:docker-)?compose\.override\.ya?ml$/.test(n));
      sets.push({
        environment: environmentId(folder, undefined),
        files: [join(dir, base), ...(override ? [join(dir, override)] : [])],
      });
      for (const name of names.sort()) {
        const variant = VARIANT.exec(name)?.[1];
        if (variant && variant !== "override")
          sets.push({
            environment: environmentId(folder, variant),
            files: [join(dir, base), join(dir, name)],
            variant,
          });
      }
    }
    for (const entry of entries) {
      // isDirectory() is false for links, so a link never leads out of the repository.
      if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith("."))
        stack.push(join(dir, entry.name));
    }
  }
  return sets.sort((a, b) => a.environment.localeCompare(b.environment));
}
