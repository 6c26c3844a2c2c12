/**
 * The folders of a repository, as init and check look at them: .gitignore files honoured (at every
 * level), dependency and build folders skipped, hidden folders skipped, links never followed.
 */
import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ignore, { type Ignore } from "ignore";

export interface Folder {
  dir: string;
  /** The folder's files and folders that are not ignored. */
  entries: Dirent[];
}

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

interface Rules {
  base: string;
  rules: Ignore;
}

function rulesIn(dir: string, entries: Dirent[]): Rules | undefined {
  if (!entries.some((e) => e.isFile() && e.name === ".gitignore")) return undefined;
  try {
    return { base: dir, rules: ignore().add(readFileSync(join(dir, ".gitignore"), "utf8")) };
  } catch {
    return undefined;
  }
}

/** Every folder under root (root first), at most `limit` entries in all. */
export function walkRepository(root: string, limit = 50_000): Folder[] {
  const start = resolve(root);
  const folders: Folder[] = [];
  const stack: { dir: string; rules: Rules[] }[] = [{ dir: start, rules: [] }];
  let seen = 0;
  while (stack.length > 0 && seen < limit) {
    const { dir, rules: inherited } = stack.pop()!;
    let all: Dirent[];
    try {
      all = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    seen += all.length;
    const own = rulesIn(dir, all);
    const rules = own ? [...inherited, own] : inherited;
    const ignored = (entry: Dirent) =>
      rules.some(({ base, rules: r }) => {
        const path = relative(base, join(dir, entry.name));
        return path !== "" && r.ignores(entry.isDirectory() ? `${path}/` : path);
      });
    const entries = all.filter((entry) => !ignored(entry));
    folders.push({ dir, entries });
    for (const entry of entries.slice().reverse()) {
      // isDirectory() is false for links, so a link never leads out of the repository.
      if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith("."))
        stack.push({ dir: join(dir, entry.name), rules });
    }
  }
  return folders;
}
