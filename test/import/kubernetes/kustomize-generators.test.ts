import { describe, expect, it } from "vitest";
import { buildKustomization } from "../../../src/import/kubernetes/kustomize.js";
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

describe("a configMapGenerator's keys", () => {
  it("keep __proto__ as a key like any other, from a literal and from an env file", () => {
    const root = folderWith({
      "kustomization.yaml": [
        "configMapGenerator:",
        "  - name: app",
        "    literals: [__proto__=literal]",
        "  - name: env",
        "    envs: [app.env]",
        "",
      ].join("\n"),
      "app.env": "__proto__=from-file\nLEVEL=info\n",
    });
    const objects = buildKustomization(root, { diagnostics: [], sources: new Map<string, string>() });
    const data = (name: string) => objects.find((o) => o.name === name)?.value.data;
    expect(Object.entries(data("app") ?? {})).toEqual([["__proto__", "literal"]]);
    expect(Object.entries(data("env") ?? {})).toEqual([
      ["__proto__", "from-file"],
      ["LEVEL", "info"],
    ]);
  });
});
