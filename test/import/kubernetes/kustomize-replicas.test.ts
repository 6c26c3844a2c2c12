import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics.js";
import { buildKustomization } from "../../../src/import/kubernetes/kustomize.js";
import { folderWith } from "../../helpers/files.js";
import { overlayPatchingWeb } from "../../helpers/kustomize.js";
import { checkFindingsAt, located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' in base/, with these lines of its spec before the selector. */
const base = (...spec: string[]) => {
  const lines = workloadHead("Deployment", "web");
  lines.splice(lines.indexOf("spec:") + 1, 0, ...spec.map((line) => `  ${line}`));
  return {
    "base/app.yaml": [...lines, "    spec: { containers: [{ name: web, image: 'web:1.0' }] }", ""].join("\n"),
    "base/kustomization.yaml": "resources: [app.yaml]\n",
  };
};

const tooMany = "resources: [../base]\nreplicas:\n  - name: web\n    count: 3000000000\n";

describe("findings about a count of replicas kustomize's replicas set", () => {
  it.each([
    ["the base gives one", ["replicas: 2"]],
    ["the base gives none", []],
  ])("point at the entry's count, where %s", async (_, spec) => {
    const root = folderWith({ ...base(...spec), "prod/kustomization.yaml": tooMany });
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toEqual(["prod/kustomization.yaml:4:12"]);
  });

  it("point at a later overlay's patch where it set the count again", async () => {
    const root = folderWith({
      ...base("replicas: 2"),
      "prod/kustomization.yaml": "resources: [../base]\nreplicas: [{ name: web, count: 3 }]\n",
      "canary/kustomization.yaml": overlayPatchingWeb("../prod", "{ replicas: -1 }"),
    });
    expect(await checkFindingsAt(root, "canary", "manifest-invalid")).toEqual([
      "canary/kustomization.yaml:7:25",
    ]);
  });
});

describe("a replicas entry kustomize refuses", () => {
  it.each([
    ["a negative count", "- { name: web, count: -1 }", "3:23"],
    ["a count with a fraction", "- { name: web, count: 2.5 }", "3:23"],
    ["a count written as text", "- { name: web, count: '3' }", "3:23"],
    ["no name", "- { count: 2 }", "3:3"],
    ["a name that is no text", "- { name: [web], count: 2 }", "3:11"],
    ["an entry that is no mapping", "- web", "3:3"],
    ["a count that is no number", "- { name: web, count: true }", "3:23"],
    ["a count beyond the whole numbers kustomize reads", "- { name: web, count: 1e20 }", "3:23"],
    ["no count", "- { name: web }", "3:3"],
    ["a count left null", "- { name: web, count: null }", "3:3"],
  ])("is an error at the entry, where it has %s", async (_, entry, at) => {
    const root = folderWith({
      ...base(),
      "prod/kustomization.yaml": `resources: [../base]\nreplicas:\n${entry}\n`,
    });
    expect(await checkFindingsAt(root, "prod", "kustomize-invalid-field")).toEqual([
      `prod/kustomization.yaml:${at}`,
    ]);
  });
});

describe("a replicas entry without a count", () => {
  it("says kustomize scales the workload to none, and models it so", () => {
    const dir = folderWith({
      ...base("replicas: 2"),
      "prod/kustomization.yaml": "resources: [../base]\nreplicas: [{ name: web }]\n",
    });
    const context = { diagnostics: [], sources: new Map<string, string>() };
    const [web] = buildKustomization(`${dir}/prod`, context);
    expect((web!.value.spec as { replicas?: number }).replicas).toBe(0);
    expect(context.diagnostics.map((d: Diagnostic) => [d.severity, d.message])).toEqual([
      [
        "error",
        "this replicas entry gives no count, which kustomize reads as 0: it scales 'web' to no replicas",
      ],
    ]);
  });
});

describe("a replicas entry naming nothing to scale", () => {
  it("is an error where the name is written, as kustomize refuses to build it", () => {
    const dir = folderWith({
      ...base(),
      "prod/kustomization.yaml": "resources: [../base]\nreplicas: [{ name: api, count: 2 }]\n",
    });
    const context = { diagnostics: [], sources: new Map<string, string>() };
    buildKustomization(`${dir}/prod`, context);
    expect(located(context.diagnostics, context.sources)).toEqual(["kustomize-patch-unmatched@2:20"]);
    expect(context.diagnostics.map((d: Diagnostic) => [d.severity, d.message])).toEqual([
      [
        "error",
        "no Deployment, StatefulSet, ReplicaSet or ReplicationController 'api' to scale, so kustomize refuses to build",
      ],
    ]);
  });
});

describe("a replicas entry naming a workload a base has renamed", () => {
  it("scales it by the name it had before, as kustomize matches any name an object has had", async () => {
    const root = folderWith({
      ...base(),
      "base/kustomization.yaml": "resources: [app.yaml]\nnamePrefix: shop-\n",
      "prod/kustomization.yaml": tooMany,
    });
    expect(await checkFindingsAt(root, "prod", "kustomize-patch-unmatched")).toEqual([]);
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toEqual(["prod/kustomization.yaml:4:12"]);
  });
});

describe("a replicas entry naming a custom resource", () => {
  const deployment = base()["base/app.yaml"];
  // kustomize's replicas take no kind or group: they scale a Deployment, ReplicationController,
  // ReplicaSet or StatefulSet of any group, and refuse a name none of those has.
  it.each([
    ["scales one whose kind is Deployment, whatever its group", "Deployment", 3, []],
    [
      "names nothing to scale where its kind is not one kustomize scales",
      "Rollout",
      1,
      ["kustomize-patch-unmatched@2:20"],
    ],
  ])("%s", (_, kind, replicas, found) => {
    const dir = folderWith({
      "thing.yaml": deployment
        .replace("apps/v1", "example.com/v1")
        .replace("kind: Deployment", `kind: ${kind}`),
      "kustomization.yaml": "resources: [thing.yaml]\nreplicas: [{ name: web, count: 3 }]\n",
    });
    const context = { diagnostics: [], sources: new Map<string, string>() };
    const [thing] = buildKustomization(dir, context);
    expect((thing!.value.spec as { replicas?: number }).replicas ?? 1).toBe(replicas);
    expect(located(context.diagnostics, context.sources)).toEqual(found);
  });
});
