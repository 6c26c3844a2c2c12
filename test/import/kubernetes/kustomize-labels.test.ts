import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { oneContainer } from "../../rules/cases.js";

const base = {
  "base/app.yaml": [...oneContainer("Deployment", "web"), ""].join("\n"),
  "base/kustomization.yaml": "resources: [app.yaml]\n",
};

describe("findings about a label kustomize's labels add", () => {
  it("point at the value under commonLabels, on the object and on its pods", async () => {
    const root = folderWith({
      ...base,
      "prod/kustomization.yaml": "resources: [../base]\ncommonLabels:\n  team: Shop Team\n",
    });
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toEqual([
      "prod/kustomization.yaml:3:9",
      "prod/kustomization.yaml:3:9",
    ]);
  });

  it("point at the key of a labels entry's pairs, where the key is at fault", async () => {
    const root = folderWith({
      ...base,
      "prod/kustomization.yaml": "resources: [../base]\nlabels:\n  - pairs: { Team Name: shop }\n",
    });
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toEqual(["prod/kustomization.yaml:3:14"]);
  });

  it("leave a finding on a label the base gives at the base", async () => {
    const root = folderWith({
      "base/app.yaml": [...oneContainer("Deployment", "web"), ""]
        .join("\n")
        .replace("metadata: { name: web }", "metadata: { name: web, labels: { tier: Front End } }"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "prod/kustomization.yaml": "resources: [../base]\ncommonLabels: { team: shop }\n",
    });
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toEqual(["base/app.yaml:3:40"]);
  });
});
