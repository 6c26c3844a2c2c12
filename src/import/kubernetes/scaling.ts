/**
 * How many pods of a Deployment or StatefulSet run, as the model's instance has it: its replicas,
 * or the range its autoscaler keeps them in; the disruption budget that guards them, or that none
 * does; and whether anything spreads them over nodes or zones.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import {
  asArray,
  asObject,
  isObject,
  isReplicaCount,
  type Json,
  type ManifestObject,
  podLabelsOf,
  podSpecOf,
  replicatedKinds,
} from "./objects.js";
import { spreadOf } from "./spread.js";

/**
 * The step under an instance's replicas that locates the bounds an autoscaler sets, apart from
 * the workload it scales; where no autoscaler does, it finds the replicas themselves.
 */
export const REPLICA_BOUNDS = "bounds";

export interface Scaling {
  autoscaler: ManifestObject | undefined;
  budget: ManifestObject | undefined;
  /** Records that a model path came from a manifest path of `object`. */
  noteFor: (object: ManifestObject) => (modelPath: KeyPath, manifestPath: KeyPath) => void;
}

/** Sets the instance's replicas, disruption budget and spread; `path` is the instance's model path. */
export function scaleInstance(
  workload: ManifestObject,
  instance: Json,
  path: KeyPath,
  scaling: Scaling,
): void {
  if (!replicatedKinds.has(workload.kind)) return;
  const { autoscaler, budget, noteFor } = scaling;
  let minimum = 1;
  if (autoscaler) {
    const spec = asObject(autoscaler.value.spec);
    const metrics = asArray(spec.metrics).map(asObject);
    // A Resource metric, or a ContainerResource one (the same, for one container of the pod).
    const resource = (name: string) =>
      metrics
        .map((m) => asObject(m.type === "ContainerResource" ? m.containerResource : m.resource))
        .find((r) => r.name === name);
    const cpu = resource("cpu");
    const memory = resource("memory");
    const cpuTarget = asObject(cpu?.target).averageUtilization ?? spec.targetCPUUtilizationPercentage;
    const memoryTarget = asObject(memory?.target).averageUtilization;
    // Pods, Object and External metrics, what the application reports, and memory by its average
    // value rather than by a share of the request: what the model does not describe.
    const custom =
      metrics.some((m) => m.type === "Pods" || m.type === "Object" || m.type === "External") ||
      (memory !== undefined && typeof memoryTarget !== "number");
    minimum = typeof spec.minReplicas === "number" ? spec.minReplicas : 1;
    instance.replicas = {
      min: minimum,
      max: typeof spec.maxReplicas === "number" ? spec.maxReplicas : minimum,
      ...(typeof cpuTarget === "number" ? { "cpu-target": cpuTarget } : {}),
      ...(typeof memoryTarget === "number" ? { "memory-target": memoryTarget } : {}),
      ...(custom ? { "custom-metrics": true } : {}),
    };
    // A finding about the replicas points where the autoscaler names the workload whose pods they
    // are; one about its bounds (drift), at its spec, where minReplicas and maxReplicas are.
    noteFor(autoscaler)([...path, "replicas"], ["spec", "scaleTargetRef", "name"]);
    noteFor(autoscaler)([...path, "replicas", REPLICA_BOUNDS], ["spec"]);
  } else {
    const replicas = asObject(workload.value.spec).replicas;
    minimum = isReplicaCount(replicas) ? replicas : 1;
    // Kept where written, 1 too, so that a finding about the count points at it.
    if (isReplicaCount(replicas)) {
      instance.replicas = minimum;
      noteFor(workload)([...path, "replicas"], ["spec", "replicas"]);
    }
  }
  if (budget) {
    const spec = asObject(budget.value.spec);
    noteFor(budget)([...path, "disruption-budget"], ["spec"]);
    noteFor(budget)([...path, "disruption-budget", "min-available"], ["spec", "minAvailable"]);
    noteFor(budget)([...path, "disruption-budget", "max-unavailable"], ["spec", "maxUnavailable"]);
    instance["disruption-budget"] = {
      ...(spec.minAvailable !== undefined ? { "min-available": spec.minAvailable } : {}),
      ...(spec.maxUnavailable !== undefined ? { "max-unavailable": spec.maxUnavailable } : {}),
    };
  } else if (minimum > 1) instance["disruption-budget"] = false;
  const maximum = isObject(instance.replicas) ? Number(instance.replicas.max) : minimum;
  const spread = spreadOf(podSpecOf(workload).spec, podLabelsOf(workload));
  if (spread === "zone") instance.spread = "zone";
  else if (spread === undefined && maximum > 1) instance.spread = false;
}
