import { describe, expect, it } from "vitest";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { oneContainer } from "../../rules/cases.js";

/** A Deployment 'api' and an autoscaler of it whose spec goes on with `bounds` (line 12). */
async function autoscaled(bounds: string) {
  const text = [
    ...oneContainer("Deployment", "api"),
    "---",
    "apiVersion: autoscaling/v2",
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

  it.each(["maxReplicas: 1", "minReplicas: 3, maxReplicas: 3", "minReplicas: 2, maxReplicas: 6"])(
    "are taken as written: %s",
    async (bounds) => {
      const { diagnostics } = await autoscaled(bounds);
      expect(diagnostics).toEqual([]);
    },
  );
});
