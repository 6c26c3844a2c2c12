import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { oneContainer } from "../../rules/cases.js";

const base = {
  "base/app.yaml": [...oneContainer("Deployment", "web"), ""].join("\n"),
  "base/kustomization.yaml": "resources: [app.yaml]\n",
};

describe("a kustomization reached as a component or a resource", () => {
  it("is an error at the components entry where it is a file, which kustomize refuses as a component", async () => {
    const root = folderWith({
      ...base,
      "extra/worker.yaml": [...oneContainer("Deployment", "worker"), ""].join("\n"),
      "prod/kustomization.yaml": "resources: [../base]\ncomponents:\n  - ../extra/worker.yaml\n",
    });
    expect(await checkFindingsAt(root, "prod", "kustomize-invalid-field")).toEqual([
      "prod/kustomization.yaml:3:5",
    ]);
  });

  it("is taken as a component where it is a folder with a kustomization of kind Component", async () => {
    const root = folderWith({
      ...base,
      "extra/worker.yaml": [...oneContainer("Deployment", "worker"), ""].join("\n"),
      "extra/kustomization.yaml": [
        "apiVersion: kustomize.config.k8s.io/v1alpha1",
        "kind: Component",
        "resources: [worker.yaml]",
        "",
      ].join("\n"),
      "prod/kustomization.yaml": "resources: [../base]\ncomponents:\n  - ../extra\n",
    });
    expect(await checkFindingsAt(root, "prod", "kustomize-invalid-field")).toEqual([]);
  });

  it.each([
    ["a components entry names a kustomization of kind Kustomization", "components", ""],
    ["a resources entry names a kustomization of kind Component", "resources", "kind: Component\n"],
  ])("is an error at the entry where %s, as kustomize refuses it", async (_, key, kind) => {
    const root = folderWith({
      ...base,
      "extra/worker.yaml": [...oneContainer("Deployment", "worker"), ""].join("\n"),
      "extra/kustomization.yaml": `${kind}resources: [worker.yaml]\n`,
      "prod/kustomization.yaml": `${key}:\n  - ../extra\n`,
    });
    expect(await checkFindingsAt(root, "prod", "kustomize-invalid-field")).toEqual([
      "prod/kustomization.yaml:2:5",
    ]);
  });
});
