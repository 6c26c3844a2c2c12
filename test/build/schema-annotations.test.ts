import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withoutAnnotations } from "../../scripts/schema-annotations.mjs";
import { repoRoot } from "../helpers/examples.js";

/** How often each key occurs in `value`, at any depth. */
function keyCounts(value: unknown, counts = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(value)) for (const item of value) keyCounts(item, counts);
  else if (value !== null && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      keyCounts(inner, counts);
    }
  return counts;
}

describe("withoutAnnotations", () => {
  it("drops what annotates a schema at every depth, and keeps what validates", () => {
    expect(
      withoutAnnotations({
        title: "T",
        type: "object",
        description: "d",
        additionalProperties: { type: "string", examples: ["x"], $comment: "c" },
        oneOf: [{ type: "integer", default: 1, deprecated: true }, { enum: ["a"] }],
      }),
    ).toEqual({
      type: "object",
      additionalProperties: { type: "string" },
      oneOf: [{ type: "integer" }, { enum: ["a"] }],
    });
  });

  it("keeps properties named as annotations are, and a required list naming them", () => {
    expect(
      withoutAnnotations({
        properties: {
          description: { type: "string", description: "what it is" },
          default: { type: "boolean" },
        },
        patternProperties: { "^title$": { type: "string" } },
        definitions: { examples: { type: "array" } },
        required: ["description"],
      }),
    ).toEqual({
      properties: { description: { type: "string" }, default: { type: "boolean" } },
      patternProperties: { "^title$": { type: "string" } },
      definitions: { examples: { type: "array" } },
      required: ["description"],
    });
  });

  it("leaves every keyword the compose walk reads in the Compose Specification as often as it was", () => {
    const spec: unknown = JSON.parse(
      readFileSync(`${repoRoot}vendor/compose-spec/compose-spec.json`, "utf8"),
    );
    const before = keyCounts(spec);
    const after = keyCounts(withoutAnnotations(spec));
    expect(after.get("description")).toBeUndefined();
    expect(before.get("description")).toBeGreaterThan(100);
    for (const keyword of [
      "$ref",
      "type",
      "properties",
      "patternProperties",
      "additionalProperties",
      "items",
      "uniqueItems",
      "enum",
      "pattern",
      "oneOf",
      "required",
    ])
      expect([keyword, after.get(keyword)]).toEqual([keyword, before.get(keyword)]);
  });
});
