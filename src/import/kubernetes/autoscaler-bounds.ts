/**
 * The replica bounds of a HorizontalPodAutoscaler the API server refuses: a maxReplicas below 1, or
 * below minReplicas, which it reports at maxReplicas, and a minReplicas below 1, which it takes only
 * where the cluster turns on the HPAScaleToZero feature gate (alpha, off by default), reported at
 * minReplicas. Refused, the autoscaler is never made, so the workload runs the replicas its own spec gives.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { asObject, type ManifestObject } from "./objects.js";
import { refused } from "./refusals.js";

/** What is wrong with an autoscaler's bounds, as a message and a hint; undefined where nothing is. */
function boundsProblem(
  autoscaler: ManifestObject,
): { bound: "minReplicas" | "maxReplicas"; message: string; hint: string } | undefined {
  const { minReplicas: min, maxReplicas: max } = asObject(autoscaler.value.spec);
  // A bound of the wrong type is the field table's to report.
  if (typeof max !== "number") return undefined;
  const name = `HorizontalPodAutoscaler '${autoscaler.name}'`;
  if (max < 1)
    return {
      bound: "maxReplicas",
      message: `${name} keeps at most ${max} replicas, which the API server refuses: maxReplicas is 1 or more`,
      hint: "give maxReplicas 1 or more",
    };
  if (typeof min === "number" && min < 1)
    return {
      bound: "minReplicas",
      message: `${name} keeps at least ${min} replicas, which the API server refuses unless its HPAScaleToZero feature gate is on: minReplicas is 1 or more`,
      hint: "give minReplicas 1 or more, or leave it out for 1",
    };
  if (typeof min === "number" && min > max)
    return {
      bound: "maxReplicas",
      message: `${name} keeps at least ${min} replicas and at most ${max}, which the API server refuses: maxReplicas is minReplicas or more`,
      hint: `raise maxReplicas to ${min} or more, or lower minReplicas to ${max}`,
    };
  return undefined;
}

/** Whether the API server takes the autoscaler's bounds: one it refuses scales nothing. */
export const hasValidBounds = (autoscaler: ManifestObject): boolean =>
  boundsProblem(autoscaler) === undefined;

export function autoscalerBoundsProblems(autoscalers: readonly ManifestObject[]): Diagnostic[] {
  return autoscalers.flatMap((autoscaler) => {
    const problem = boundsProblem(autoscaler);
    if (!problem) return [];
    const at = [...autoscaler.base, "spec", problem.bound];
    return [refused(autoscaler, at, problem.message, problem.hint)];
  });
}
