/**
 * The replica bounds of a HorizontalPodAutoscaler the API server refuses: a bound that is no whole
 * number, or one beyond the largest 32-bit one (`.inf`, `1e400`, `2.5`, `3000000000`), reported where
 * it is written; a maxReplicas below 1, or below minReplicas, which it reports at maxReplicas; and a
 * minReplicas below 1, which it takes only where the cluster turns on the HPAScaleToZero feature
 * gate (alpha, off by default), reported at minReplicas. Refused, the autoscaler is never made, so
 * the workload runs the replicas its own spec gives: the autoscalers taken here are the only ones
 * the import and its checks see.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { checksFields } from "./field-problems.js";
import { asObject, type ManifestObject } from "./objects.js";
import { writtenIn } from "./patch-origin.js";
import { refused } from "./refusals.js";

type Bound = "minReplicas" | "maxReplicas";

/**
 * What is wrong with an autoscaler's bounds: the bound, and the message and hint for it, which a
 * bound that is no whole number lacks where the field table reports it (the kinds it knows).
 */
type BoundsProblem = { bound: Bound; said?: { message: string; hint: string } };

const MOST = 2 ** 31 - 1;

function boundsProblem(autoscaler: ManifestObject): BoundsProblem | undefined {
  const { minReplicas: min, maxReplicas: max } = asObject(autoscaler.value.spec);
  // A bound of the wrong type is the field table's to report.
  if (typeof max !== "number") return undefined;
  const name = `HorizontalPodAutoscaler '${autoscaler.name}'`;
  for (const [bound, value] of [
    ["maxReplicas", max],
    ["minReplicas", min],
  ] as const) {
    // A whole number below 1 is for the checks after these to word.
    if (typeof value !== "number" || (Number.isInteger(value) && value <= MOST)) continue;
    // A fraction, or a number beyond any integer, is the field table's to report where it knows the
    // kind's fields (autoscaling/v2), and refused here without a word of its own.
    if (!Number.isInteger(value) && checksFields(autoscaler.apiVersion, autoscaler.kind)) return { bound };
    const keeps = bound === "maxReplicas" ? "at most" : "at least";
    return {
      bound,
      said: {
        message: `${name} keeps ${keeps} ${writtenIn(autoscaler, [...autoscaler.base, "spec", bound], value)} replicas, which the API server refuses: ${bound} is a whole number from 1 to ${MOST}`,
        hint: `give ${bound} a whole number from 1 to ${MOST}`,
      },
    };
  }
  // A bound as its file writes it (0x3, 5e0), looked up only for the message of one refused: the
  // message quotes the file, where a hint suggests a value in plain decimal.
  const quoted = (bound: Bound, value: number) =>
    writtenIn(autoscaler, [...autoscaler.base, "spec", bound], value);
  if (max < 1)
    return {
      bound: "maxReplicas",
      said: {
        message: `${name} keeps at most ${quoted("maxReplicas", max)} replicas, which the API server refuses: maxReplicas is 1 or more`,
        hint: "give maxReplicas 1 or more",
      },
    };
  if (typeof min === "number" && min < 1)
    return {
      bound: "minReplicas",
      said: {
        message: `${name} keeps at least ${quoted("minReplicas", min)} replicas, which the API server refuses unless its HPAScaleToZero feature gate is on: minReplicas is 1 or more`,
        hint: "give minReplicas 1 or more, or leave it out for 1",
      },
    };
  if (typeof min === "number" && min > max) {
    const [least, most] = [quoted("minReplicas", min), quoted("maxReplicas", max)];
    return {
      bound: "maxReplicas",
      said: {
        message: `${name} keeps at least ${least} replicas and at most ${most}, which the API server refuses: maxReplicas is minReplicas or more`,
        // Values to write, not what the file wrote: 5, never 5e0.
        hint: `raise maxReplicas to ${min} or more, or lower minReplicas to ${max}`,
      },
    };
  }
  return undefined;
}

/** The autoscalers whose bounds the API server takes, and the errors of those it refuses. */
export function autoscalerBounds(autoscalers: readonly ManifestObject[]): {
  taken: ManifestObject[];
  diagnostics: Diagnostic[];
} {
  const taken: ManifestObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const autoscaler of autoscalers) {
    const problem = boundsProblem(autoscaler);
    if (!problem) taken.push(autoscaler);
    else if (problem.said) {
      const at = [...autoscaler.base, "spec", problem.bound];
      diagnostics.push(refused(autoscaler, at, problem.said.message, problem.said.hint));
    }
  }
  return { taken, diagnostics };
}
