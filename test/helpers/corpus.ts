/** The corpus of real configuration beside the project (read in place; absent on some machines). */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./examples.js";

export const corpus = join(repoRoot, "../shared/corpus");

/** Every compose file of the corpus, or none when there is no corpus. */
export function corpusComposeFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/(^|[-.])compose[^/]*\.ya?ml$|^docker-compose.*\.ya?ml$|^pwd\.yml$/.test(name))
        files.push(path);
    }
  };
  if (existsSync(corpus)) walk(corpus);
  return files;
}
