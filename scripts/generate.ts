/**
 * Writes what is derived from the schema, so nothing compiles a schema at run time:
 * the published JSON Schema (committed, for editors) and Ajv's standalone validator (built).
 * Run by the build and before the tests; a test checks the committed schema is current.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generatedArtifacts } from "./generated-artifacts.js";

/** Writes the derived files; `only` limits it to some paths (the tests need only the validator). */
export function generate(only?: (path: string) => boolean): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  for (const artifact of generatedArtifacts().filter((a) => !only || only(a.path))) {
    mkdirSync(dirname(`${root}${artifact.path}`), { recursive: true });
    writeFileSync(`${root}${artifact.path}`, artifact.content);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) generate();
