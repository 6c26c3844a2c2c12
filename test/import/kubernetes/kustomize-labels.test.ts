import { describe, expect, it } from "vitest";
import { buildKustomization } from "../../../src/import/kubernetes/kustomize.js";
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

describe("labels and annotations kustomize adds to a custom resource whose kind is a built-in one", () => {
  it("go on its metadata only, where they went into its selector and pod template as a Deployment's", () => {
    const dir = folderWith({
      "thing.yaml": [...oneContainer("Deployment", "web"), ""]
        .join("\n")
        .replace("apps/v1", "example.com/v1"),
      "kustomization.yaml":
        "resources: [thing.yaml]\ncommonLabels: { env: prod }\ncommonAnnotations: { owner: shop }\n",
    });
    const [thing] = buildKustomization(dir, { diagnostics: [], sources: new Map<string, string>() });
    const { metadata, spec } = thing!.value as {
      metadata: unknown;
      spec: { selector: unknown; template: { metadata: unknown } };
    };
    expect(metadata).toEqual({ name: "web", labels: { env: "prod" }, annotations: { owner: "shop" } });
    expect(spec.selector).toEqual({ matchLabels: { app: "web" } });
    expect(spec.template.metadata).toEqual({ labels: { app: "web" } });
  });
});
