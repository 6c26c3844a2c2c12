import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { oneContainer } from "../../rules/cases.js";

/** A strategic merge patch that makes the container of the Deployment `name` privileged. */
const privileged = (name: string) =>
  [
    "apiVersion: apps/v1",
    "kind: Deployment",
    `metadata: { name: ${name} }`,
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    `        - name: ${name}`,
    "          securityContext: { privileged: true }",
  ].join("\n");

describe("kustomize patch files of several documents", () => {
  const app = [...oneContainer("Deployment", "web"), "---", ...oneContainer("Deployment", "api"), ""].join(
    "\n",
  );
  const patch = `${privileged("web")}\n---\n${privileged("api")}\n`;

  it.each([
    ["patches", "patches:\n  - path: p.yaml\n"],
    ["patchesStrategicMerge", "patchesStrategicMerge: [p.yaml]\n"],
  ])("apply each document to its own object, under %s", async (_, entry) => {
    const root = folderWith({
      "app.yaml": app,
      "p.yaml": patch,
      "kustomization.yaml": `resources: [app.yaml]\n${entry}`,
    });
    expect(await checkFindingsAt(root, ".", "privileged-container", { columns: false })).toEqual([
      "p.yaml:19",
      "p.yaml:9",
    ]);
    expect(await checkFindingsAt(root, ".", "yaml-multiple-documents", { columns: false })).toEqual([]);
  });

  it("apply each document of an inline patch too", async () => {
    const inline = patch.replaceAll("\n", "\n      ").trimEnd();
    const root = folderWith({
      "app.yaml": app,
      "kustomization.yaml": `resources: [app.yaml]\npatches:\n  - patch: |-\n      ${inline}\n`,
    });
    expect(await checkFindingsAt(root, ".", "privileged-container", { columns: false })).toEqual([
      "kustomization.yaml:12",
      "kustomization.yaml:22",
    ]);
  });

  it("read an inline patch of patchesStrategicMerge written as a flow mapping on one line, its keys quoted or not", async () => {
    const root = folderWith({
      "app.yaml": app,
      "kustomization.yaml": [
        "resources: [app.yaml]",
        "patchesStrategicMerge:",
        `  - '{ apiVersion: apps/v1, kind: Deployment, metadata: { name: web }, spec: { template: { spec: { hostPID: true } } } }'`,
        `  - '{ "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "api" }, "spec": { "template": { "spec": { "hostIPC": true } } } }'`,
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, ".", "kustomize-missing-resource", { columns: false })).toEqual([]);
    expect(await checkFindingsAt(root, ".", "host-namespace", { columns: false })).toEqual([
      "kustomization.yaml:3",
      "kustomization.yaml:4",
    ]);
  });
});
