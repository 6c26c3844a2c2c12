import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";

describe("an overlay's configMapGenerator with behavior: merge", () => {
  it("merges into the base's ConfigMap when the overlay sets a namespace, which kustomize sets after", async () => {
    const root = folderWith({
      "base/kustomization.yaml": "configMapGenerator:\n  - name: app\n    literals: [LEVEL=info]\n",
      "prod/kustomization.yaml": [
        "resources: [../base]",
        "namespace: prod",
        "configMapGenerator:",
        "  - name: app",
        "    behavior: merge",
        "    literals: [LEVEL=warn]",
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "prod", "kustomize-patch-unmatched")).toEqual([]);
    expect(await checkFindingsAt(root, "prod", "manifest-duplicate-object")).toEqual([]);
  });

  it("still finds nothing to merge into in another namespace its entry names", async () => {
    const root = folderWith({
      "base/kustomization.yaml":
        "namespace: dev\nconfigMapGenerator:\n  - name: app\n    literals: [LEVEL=info]\n",
      "prod/kustomization.yaml": [
        "resources: [../base]",
        "configMapGenerator:",
        "  - name: app",
        "    namespace: prod",
        "    behavior: merge",
        "    literals: [LEVEL=warn]",
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "prod", "kustomize-patch-unmatched")).toEqual([
      "prod/kustomization.yaml:3:5",
    ]);
  });
});
