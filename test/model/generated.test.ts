import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedArtifacts } from "../../scripts/generated-artifacts.js";

describe("the model reference", () => {
  it("is current with src/model/schema.ts (run `npm run build` after changing the schema)", () => {
    const reference = generatedArtifacts().find((a) => a.path === "docs/model-reference.md")!;
    expect(readFileSync(new URL("../../docs/model-reference.md", import.meta.url), "utf8")).toBe(
      reference.content,
    );
  });
});

describe("the published JSON Schema", () => {
  it("is current with src/model/schema.ts (run `npm run build` after changing the schema)", () => {
    const schema = generatedArtifacts().find((a) => a.path === "schema/deployview.schema.json")!;
    expect(readFileSync(new URL("../../schema/deployview.schema.json", import.meta.url), "utf8")).toBe(
      schema.content,
    );
  });
});
