/**
 * Writes what is derived from the schema, so nothing compiles a schema at run time:
 * the published JSON Schema (committed, for editors) and Ajv's standalone validator (built).
 * Run by the build and before the tests; a test checks the committed schema is current.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generatedArtifacts } from "./generated-artifacts.js";

export function generate(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  for (const artifact of generatedArtifacts()) writeFileSync(`${root}${artifact.path}`, artifact.content);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) generate();
