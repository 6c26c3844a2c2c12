/** The published JSON Schema, as built from `schema.ts` at build time (no schema library at run time). */
import schema from "../../schema/deployview.schema.json" with { type: "json" };

export function modelJsonSchema(): Record<string, unknown> {
  return structuredClone(schema) as Record<string, unknown>;
}
