import { describe, expect, it } from "vitest";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { claim, oneContainer, workloadHead } from "../../rules/cases.js";

/** A Deployment 'api' and an autoscaler of it whose spec goes on with `bounds` (line 13). */
async function autoscaled(bounds: string, apiVersion = "autoscaling/v2") {
  const text = [
    ...oneContainer("Deployment", "api"),
    "---",
    `apiVersion: ${apiVersion}`,
    "kind: HorizontalPodAutoscaler",
    "metadata: { name: api }",
    `spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }, ${bounds} }`,
    "",
  ].join("\n");
  return loadManifestsAsModel([folderWith({ "app.yaml": text })]);
}

describe("the replica bounds of a HorizontalPodAutoscaler", () => {
  it.each([
    ["maxReplicas: 0", "manifest-invalid@13:92"],
    ["minReplicas: 0, maxReplicas: -1", "manifest-invalid@13:108"],
    ["minReplicas: 5, maxReplicas: 3", "manifest-invalid@13:108"],
    // Scaling to zero needs the HPAScaleToZero feature gate, off unless the cluster's admin turns it on.
    ["minReplicas: 0, maxReplicas: 3", "manifest-invalid@13:92"],
    ["minReplicas: -2, maxReplicas: 3", "manifest-invalid@13:92"],
  ])(
    "are refused where the wrong bound is written, as the API server refuses them: %s",
    async (bounds, at) => {
      const { diagnostics, sources, model } = await autoscaled(bounds);
      expect(located(diagnostics, sources)).toEqual([at]);
      // Refused, the autoscaler scales nothing: the model's range is not said to run backwards as well.
      expect(model?.environments[0]?.instances[0]?.replicas).toEqual({ min: 1, max: 1, autoscale: false });
    },
  );

  it("says which bound is wrong and what the API server takes", async () => {
    const below = await autoscaled("maxReplicas: 0");
    expect(below.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at most 0 replicas, which the API server refuses: maxReplicas is 1 or more",
    );
    expect(below.diagnostics[0]!.hint).toBe("give maxReplicas 1 or more");
    const crossed = await autoscaled("minReplicas: 5, maxReplicas: 3");
    expect(crossed.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at least 5 replicas and at most 3, which the API server refuses: maxReplicas is minReplicas or more",
    );
    expect(crossed.diagnostics[0]!.hint).toBe("raise maxReplicas to 5 or more, or lower minReplicas to 3");
    const zero = await autoscaled("minReplicas: 0, maxReplicas: 3");
    expect(zero.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at least 0 replicas, which the API server refuses unless its HPAScaleToZero feature gate is on: minReplicas is 1 or more",
    );
    expect(zero.diagnostics[0]!.hint).toBe("give minReplicas 1 or more, or leave it out for 1");
  });

  it("quotes the bounds as they are written, and suggests plain numbers", async () => {
    const below = await autoscaled("maxReplicas: 0x0");
    expect(below.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at most 0x0 replicas, which the API server refuses: maxReplicas is 1 or more",
    );
    const crossed = await autoscaled("minReplicas: 5e0, maxReplicas: 0x3");
    expect(crossed.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at least 5e0 replicas and at most 0x3, which the API server refuses: maxReplicas is minReplicas or more",
    );
    // A value the hint suggests is one to write, in plain decimal, whatever form the file uses.
    expect(crossed.diagnostics[0]!.hint).toBe("raise maxReplicas to 5 or more, or lower minReplicas to 3");
    const zero = await autoscaled("minReplicas: 0e0, maxReplicas: 3");
    expect(zero.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at least 0e0 replicas, which the API server refuses unless its HPAScaleToZero feature gate is on: minReplicas is 1 or more",
    );
  });

  it.each([
    ["maxReplicas: .inf", "schema-invalid-value@13:92"],
    ["maxReplicas: 1e400", "schema-invalid-value@13:92"],
    ["maxReplicas: 2.5", "schema-invalid-value@13:92"],
    ["minReplicas: 1.5, maxReplicas: 3", "schema-invalid-value@13:92"],
    ["maxReplicas: 3000000000", "manifest-invalid@13:92"],
    ["minReplicas: 3000000000, maxReplicas: 3", "manifest-invalid@13:92"],
  ])("are refused once, where a bound that is no count of replicas is written: %s", async (bounds, at) => {
    const { diagnostics, sources, model } = await autoscaled(bounds);
    expect(located(diagnostics, sources)).toEqual([at]);
    expect(model?.environments[0]?.instances[0]?.replicas).toEqual({ min: 1, max: 1, autoscale: false });
  });

  it.each([
    ["maxReplicas: .inf", "manifest-invalid@13:92"],
    ["minReplicas: .nan, maxReplicas: 3", "manifest-invalid@13:92"],
    ["maxReplicas: 2.5", "manifest-invalid@13:92"],
  ])(
    "are refused where written in an autoscaling/v1 autoscaler too, whose fields are not in the field table: %s",
    async (bounds, at) => {
      const { diagnostics, sources, model } = await autoscaled(bounds, "autoscaling/v1");
      expect(located(diagnostics, sources)).toEqual([at]);
      expect(model?.environments[0]?.instances[0]?.replicas).toEqual({ min: 1, max: 1, autoscale: false });
    },
  );

  it("says what a bound that is no count of replicas is, as it is written", async () => {
    const endless = await autoscaled("maxReplicas: .inf", "autoscaling/v1");
    expect(endless.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at most .inf replicas, which the API server refuses: maxReplicas is a whole number from 1 to 2147483647",
    );
    expect(endless.diagnostics[0]!.hint).toBe("give maxReplicas a whole number from 1 to 2147483647");
    const huge = await autoscaled("maxReplicas: 3000000000");
    expect(huge.diagnostics[0]!.message).toBe(
      "HorizontalPodAutoscaler 'api' keeps at most 3000000000 replicas, which the API server refuses: maxReplicas is a whole number from 1 to 2147483647",
    );
  });

  it("leaves the workload's own replicas to other checks where its autoscaler is refused", async () => {
    const text = [
      ...claim("uploads", "ReadWriteOnce"),
      "---",
      ...workloadHead("Deployment", "api").slice(0, 4),
      "  replicas: 3",
      ...workloadHead("Deployment", "api").slice(4),
      "    spec: { containers: [{ name: api, image: 'api:1.0' }], volumes: [{ name: up, persistentVolumeClaim: { claimName: uploads } }] }",
      "---",
      "apiVersion: autoscaling/v2",
      "kind: HorizontalPodAutoscaler",
      "metadata: { name: api }",
      "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }, maxReplicas: 0 }",
      "",
    ].join("\n");
    const { model } = await loadManifestsAsModel([folderWith({ "app.yaml": text })]);
    const findings = model?.importFindings ?? [];
    expect(findings.filter((d) => d.code === "claim-shared-by-replicas").map((d) => d.message)).toEqual([
      expect.stringContaining("runs up to 3 replicas"),
    ]);
  });

  it.each(["maxReplicas: 1", "minReplicas: 3, maxReplicas: 3", "minReplicas: 2, maxReplicas: 6"])(
    "are taken as written: %s",
    async (bounds) => {
      const { diagnostics } = await autoscaled(bounds);
      expect(diagnostics).toEqual([]);
    },
  );
});
