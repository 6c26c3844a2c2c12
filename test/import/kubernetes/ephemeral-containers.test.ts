import { describe, expect, it } from "vitest";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

const debugContainer =
  "ephemeralContainers: [{ name: debug, image: 'busybox:1.36', securityContext: { privileged: true } }]";

async function loaded(lines: string[]) {
  const { diagnostics, sources } = await loadManifestsAsModel([
    folderWith({ "app.yaml": `${lines.join("\n")}\n` }),
  ]);
  return { diagnostics, at: located(diagnostics, sources) };
}

describe("ephemeral containers written in a manifest", () => {
  it("are refused where they are written in a Pod, as the API server refuses them when it creates the pod", async () => {
    const { diagnostics, at } = await loaded([
      "apiVersion: v1",
      "kind: Pod",
      "metadata: { name: web }",
      "spec:",
      "  containers: [{ name: web, image: 'web:1.0' }]",
      `  ${debugContainer}`,
    ]);
    expect(at).toEqual(["manifest-invalid@6:3"]);
    expect(diagnostics[0]!.severity).toBe("error");
    expect(diagnostics[0]!.message).toBe(
      "Pod 'web' lists ephemeral containers, which the API server refuses when it creates a pod: they are only added to a running one, as kubectl debug does",
    );
    expect(diagnostics[0]!.hint).toBe(
      "leave ephemeralContainers out, and run kubectl debug on the running pod instead",
    );
  });

  it("are refused where they are written in a workload's pod template, which the API server refuses them in", async () => {
    const { diagnostics, at } = await loaded([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers: [{ name: web, image: 'web:1.0' }]",
      `      ${debugContainer}`,
    ]);
    expect(at).toEqual(["manifest-invalid@10:7"]);
    expect(diagnostics[0]!.message).toBe(
      "the pod template of Deployment 'web' lists ephemeral containers, which the API server refuses in a pod template: they are only added to a running pod, as kubectl debug does",
    );
  });

  it.each(["ephemeralContainers: []", "ephemeralContainers: null"])(
    "are not said to be there where the list is empty: %s",
    async (line) => {
      const { at } = await loaded([
        "apiVersion: v1",
        "kind: Pod",
        "metadata: { name: web }",
        "spec:",
        "  containers: [{ name: web, image: 'web:1.0' }]",
        `  ${line}`,
      ]);
      expect(at).toEqual([]);
    },
  );
});
