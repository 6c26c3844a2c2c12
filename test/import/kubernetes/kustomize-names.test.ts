import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { oneContainer } from "../../rules/cases.js";

const base = {
  "base/app.yaml": [...oneContainer("Deployment", "web"), ""].join("\n"),
  "base/kustomization.yaml": "resources: [app.yaml]\n",
};

describe("findings about a name kustomize's namePrefix or nameSuffix make", () => {
  it("point at the prefix or suffix the API server refuses, where the base's name is taken", async () => {
    const root = folderWith({
      ...base,
      "prod/kustomization.yaml": "resources: [../base]\nnamePrefix: Prod-\n",
      "canary/kustomization.yaml": "resources: [../base]\nnamePrefix: canary-\nnameSuffix: _v2\n",
    });
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toEqual(["prod/kustomization.yaml:2:13"]);
    expect(await checkFindingsAt(root, "canary", "manifest-invalid")).toEqual([
      "canary/kustomization.yaml:3:13",
    ]);
  });

  it("point at the base's name where it is refused already", async () => {
    const root = folderWith({
      "base/app.yaml": [...oneContainer("Deployment", "Web"), ""].join("\n"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "prod/kustomization.yaml": "resources: [../base]\nnamePrefix: prod-\n",
    });
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toContain("base/app.yaml:3:19");
  });
});

describe("a namePrefix, nameSuffix or namespace that is no text", () => {
  it.each([
    ["namePrefix", "a list", "[prod-]"],
    ["nameSuffix", "a mapping", "{ v2: true }"],
    ["namespace", "a list", "[shop, prod]"],
    ["namespace", "a mapping", "\n  name: shop"],
  ])("is an error at its value, where %s is %s", async (key, _, value) => {
    const root = folderWith({
      ...base,
      "prod/kustomization.yaml": `resources: [../base]\n${key}: ${value}\n`,
    });
    const at = value.startsWith("\n") ? "3:3" : `2:${key.length + 3}`;
    expect(await checkFindingsAt(root, "prod", "kustomize-invalid-field")).toEqual([
      `prod/kustomization.yaml:${at}`,
    ]);
  });
});
