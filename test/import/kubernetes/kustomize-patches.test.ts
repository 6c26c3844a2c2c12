import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { folderWith } from "../../helpers/files.js";
import { oneContainer } from "../../rules/cases.js";

/** Where `deployview check` finds each finding of a code in the folder, as "file:line", sorted. */
async function findingsAt(root: string, folder: string, code: string): Promise<string[]> {
  const result = await runCli(["check", join(root, folder), "--format", "json"]);
  const { diagnostics } = JSON.parse(result.stdout) as {
    diagnostics: { code: string; file: string; range: { start: { line: number } } }[];
  };
  return diagnostics
    .filter((d) => d.code === code)
    .map((d) => `${relative(root, d.file)}:${d.range.start.line}`)
    .sort();
}

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
    expect(await findingsAt(root, ".", "privileged-container")).toEqual(["p.yaml:19", "p.yaml:9"]);
    expect(await findingsAt(root, ".", "yaml-multiple-documents")).toEqual([]);
  });

  it("apply each document of an inline patch too", async () => {
    const inline = patch.replaceAll("\n", "\n      ").trimEnd();
    const root = folderWith({
      "app.yaml": app,
      "kustomization.yaml": `resources: [app.yaml]\npatches:\n  - patch: |-\n      ${inline}\n`,
    });
    expect(await findingsAt(root, ".", "privileged-container")).toEqual([
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
    expect(await findingsAt(root, ".", "kustomize-missing-resource")).toEqual([]);
    expect(await findingsAt(root, ".", "host-namespace")).toEqual([
      "kustomization.yaml:3",
      "kustomization.yaml:4",
    ]);
  });
});
