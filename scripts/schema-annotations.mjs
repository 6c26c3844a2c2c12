// A JSON Schema without its annotations (description, title, examples…): what validation reads, and
// no more. The bundles hold the Compose Specification only to walk a file along it; its descriptions
// are more than half its text, and every short run reads and loads all the text a bundle holds.
import { readFileSync } from "node:fs";

/** Keywords that annotate a schema and never change what it accepts. */
const ANNOTATIONS = new Set(["description", "title", "$comment", "examples", "default", "deprecated"]);

/** Keywords whose value maps names to schemas: a property may well be called "description". */
const NAMED_SCHEMAS = new Set(["properties", "patternProperties", "definitions", "$defs"]);

/** `schema` less its annotations, at every depth, and with the names of properties kept whatever they are. */
export function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== "object") return schema;
  const kept = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    kept[key] =
      NAMED_SCHEMAS.has(key) && value !== null && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]))
        : withoutAnnotations(value);
  }
  return kept;
}

/** An esbuild plugin that bundles the JSON files `filter` matches as schemas less their annotations. */
export function schemasWithoutAnnotations(filter) {
  return {
    name: "schemas-without-annotations",
    setup(build) {
      build.onLoad({ filter }, ({ path }) => ({
        contents: JSON.stringify(withoutAnnotations(JSON.parse(readFileSync(path, "utf8")))),
        loader: "json",
      }));
    },
  };
}
