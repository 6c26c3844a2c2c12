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

describe("the rule pages", () => {
  it("are current with the rules' metadata (run `npm run build` after changing a rule)", () => {
    for (const page of generatedArtifacts().filter((a) => a.path.startsWith("docs/rules/"))) {
      expect(readFileSync(new URL(`../../${page.path}`, import.meta.url), "utf8"), page.path).toBe(
        page.content,
      );
    }
  });
});

describe("the page of diagnostics that are not rules", () => {
  it("is current with src/diagnostic-codes.ts (run `npm run build` after adding a code)", () => {
    const page = generatedArtifacts().find((a) => a.path === "docs/diagnostics.md")!;
    expect(readFileSync(new URL("../../docs/diagnostics.md", import.meta.url), "utf8")).toBe(page.content);
  });
});

describe("the fields of each Kubernetes kind", () => {
  it("are current with the pinned kubernetes-models (run `npm run build` after upgrading it)", () => {
    const fields = generatedArtifacts().find(
      (a) => a.path === "src/import/kubernetes/fields.generated.json",
    )!;
    expect(
      readFileSync(new URL("../../src/import/kubernetes/fields.generated.json", import.meta.url), "utf8"),
    ).toBe(fields.content);
  });
});
