/**
 * The model reference (docs/model-reference.md), generated from the schema's descriptions so the
 * documentation cannot drift from what the loader accepts. `npm run build` writes it; a test checks it.
 */
import { buildModelJsonSchema } from "../src/model/schema.js";

type Schema = {
  $defs?: Record<string, Schema>;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  enum?: string[];
  $ref?: string;
  $id?: string;
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

let definitions: Record<string, Schema> = {};

function deref(schema: Schema): Schema {
  return schema.$ref?.startsWith("#/$defs/") ? (definitions[schema.$ref.slice(8)] ?? schema) : schema;
}

function shape(input: Schema): string {
  const schema = deref(input);
  if (schema.enum) return schema.enum.map((v) => `\`${v}\``).join(" \\| ");
  if (schema.$ref) return "node";
  if (schema.anyOf) return [...new Set(schema.anyOf.map(shape))].join(" or ");
  if (schema.type === "array") return `list of ${schema.items ? shape(schema.items) : "values"}`;
  if (schema.type === "object" && schema.patternProperties) {
    const [value] = Object.values(schema.patternProperties);
    return `map of ${value ? shape(value) : "values"}`;
  }
  if (schema.type === "object") return "mapping";
  return Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
}

/** Object schemas worth a section of their own, found through unions, maps and lists. */
function objectsIn(input: Schema): Schema[] {
  const schema = deref(input);
  if (schema.properties) return [schema];
  if (schema.anyOf) return schema.anyOf.flatMap(objectsIn);
  if (schema.items) return objectsIn(schema.items);
  if (schema.patternProperties) return Object.values(schema.patternProperties).flatMap(objectsIn);
  return [];
}

export function modelReference(): string {
  const root = buildModelJsonSchema() as Schema;
  definitions = root.$defs ?? {};
  const out = [
    "# Model reference",
    "",
    "Generated from `src/model/schema.ts`; the same schema is published as `schema/deployview.schema.json`",
    "(`deployview schema` prints it). Keys are written in kebab-case. Where a field takes a short form",
    "or a full form, both are listed.",
    "",
  ];
  const seen = new Set<Schema>();
  const queue: [string, Schema][] = [["model (top level)", root]];
  while (queue.length > 0) {
    const [title, schema] = queue.shift()!;
    if (seen.has(schema) || !schema.properties) continue;
    seen.add(schema);
    out.push(`## ${title}`, "");
    if (schema.description) out.push(schema.description, "");
    out.push("| key | required | form | meaning |", "|---|---|---|---|");
    for (const [key, property] of Object.entries(schema.properties)) {
      const required = schema.required?.includes(key) ? "yes" : "";
      out.push(
        `| \`${key}\` | ${required} | ${cell(shape(property))} | ${cell(property.description ?? "")} |`,
      );
      const nested = property.$ref && !property.$ref.startsWith("#/$defs/") ? [] : objectsIn(property);
      nested.forEach((object, index) => {
        const form = nested.length > 1 ? ` (form ${index + 1})` : "";
        queue.push([`${title === "model (top level)" ? "" : `${title} → `}${key}${form}`, object]);
      });
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
