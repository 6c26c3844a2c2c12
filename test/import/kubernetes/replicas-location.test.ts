import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { loadComposeAsModel } from "../../../src/import/compose/index.js";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' (named at 3:13) whose spec goes on with `replicas` (line 9, where written). */
const web = (replicas?: string) => [
  ...workloadHead("Deployment", "web"),
  "    spec: { containers: [{ name: web, image: 'web:1.0' }] }",
  ...(replicas === undefined ? [] : [`  ${replicas}`]),
];

const autoscaler = (bounds: string) => [
  "apiVersion: autoscaling/v2",
  "kind: HorizontalPodAutoscaler",
  "metadata: { name: web }",
  "spec:",
  "  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }",
  ...bounds.split("\n").map((line) => `  ${line}`),
];

/** Where `rule` finds something in these files, checked as the folder `folder` of them. */
async function foundAt(files: Record<string, string>, folder: string, rule: string): Promise<string[]> {
  const root = folderWith(files, "deployview-replicas-");
  const loaded = await loadManifestsAsModel([join(root, folder)]);
  const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) => d.code === rule);
  return located(found, loaded.sources).map(
    (at) => `${found[0]!.file!.slice(root.length + 1)}@${at.split("@")[1]}`,
  );
}

const lines = (...parts: string[][]) => `${parts.map((p) => p.join("\n")).join("\n---\n")}\n`;

describe("findings about how many replicas a workload runs", () => {
  it("point at its replicas where they are written, at the workload where not", async () => {
    const single = (replicas?: string) =>
      foundAt({ "production/app.yaml": lines(web(replicas)) }, "production", "single-replica-in-production");
    expect(await single("replicas: 1")).toEqual(["production/app.yaml@9:13"]);
    expect(await single()).toEqual(["production/app.yaml@3:13"]);
    const several = (rule: string) => foundAt({ "app/app.yaml": lines(web("replicas: 3")) }, "app", rule);
    expect(await several("replicas-without-disruption-budget")).toEqual(["app/app.yaml@9:13"]);
    expect(await several("replicas-without-spreading")).toEqual(["app/app.yaml@9:13"]);
  });

  it("point at the kustomization that sets the count", async () => {
    const files = {
      "production/kustomization.yaml": "resources: [app.yaml]\nreplicas: [{ name: web, count: 1 }]\n",
      "production/app.yaml": lines(web("replicas: 3")),
    };
    expect(await foundAt(files, "production", "single-replica-in-production")).toEqual([
      "production/kustomization.yaml@2:32",
    ]);
  });

  it("point at the name of the workload the autoscaler scales, where one scales it", async () => {
    const files = {
      "production/app.yaml": lines(web("replicas: 3"), autoscaler("minReplicas: 1\nmaxReplicas: 1")),
      "app/app.yaml": lines(web(), autoscaler("minReplicas: 2\nmaxReplicas: 6")),
    };
    expect(await foundAt(files, "production", "single-replica-in-production")).toEqual([
      "production/app.yaml@15:66",
    ]);
    expect(await foundAt(files, "app", "replicas-without-spreading")).toEqual(["app/app.yaml@14:66"]);
  });
});

describe("findings about how many replicas a Compose service runs", () => {
  it.each([
    ["deploy: { replicas: 3 }", "4:25"],
    ["scale: 3", "4:12"],
  ])("point at the count it writes: %s", async (count, at) => {
    const root = folderWith({
      "compose.yaml": `services:\n  web:\n    image: 'web:1.0'\n    ${count}\n`,
    });
    const loaded = await loadComposeAsModel([join(root, "compose.yaml")]);
    const { file, start, end } = loaded.model!.environments[0]!.instances[0]!.replicasAt!;
    expect(
      located(
        [{ code: "invalid-range" as const, severity: "info" as const, message: "", file, start, end }],
        loaded.sources,
      ),
    ).toEqual([`invalid-range@${at}`]);
  });
});
