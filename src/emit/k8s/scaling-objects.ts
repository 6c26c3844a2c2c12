/**
 * The objects that shape how many pods of a Deployment or StatefulSet run: the autoscaler that keeps
 * them between the instance's bounds on CPU, and the disruption budget that keeps enough of them up
 * while nodes are drained.
 */
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { scalesOnCpu } from "../../model/scaling.js";
import type { Instance } from "../../model/types.js";

type Metadata = NonNullable<IPodDisruptionBudget["metadata"]>;

export const DEFAULT_CPU_TARGET = 80;

export function autoscalerObject(
  instance: Instance,
  name: string,
  metadata: Metadata,
): IHorizontalPodAutoscaler {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata,
    spec: {
      scaleTargetRef: {
        apiVersion: "apps/v1",
        kind: instance.workload === "StatefulSet" ? "StatefulSet" : "Deployment",
        name,
      },
      minReplicas: instance.replicas.min,
      maxReplicas: instance.replicas.max,
      // Metrics of the application are the cluster's own to name; an autoscaler needs one it knows.
      metrics: [
        ...(scalesOnCpu(instance.replicas) || !instance.replicas.memoryTarget
          ? [utilization("cpu", instance.replicas.cpuTarget ?? DEFAULT_CPU_TARGET)]
          : []),
        ...(instance.replicas.memoryTarget ? [utilization("memory", instance.replicas.memoryTarget)] : []),
      ],
    },
  };
}

function utilization(name: "cpu" | "memory", averageUtilization: number) {
  return { type: "Resource", resource: { name, target: { type: "Utilization", averageUtilization } } };
}

/** The instance's budget, or one of at most one pod down where it runs several and says nothing. */
export function disruptionBudgetObject(
  instance: Instance,
  metadata: Metadata,
  selector: { matchLabels: Record<string, string> },
): IPodDisruptionBudget | undefined {
  const chosen = instance.disruptionBudget;
  if (chosen === false || (instance.replicas.min <= 1 && chosen === undefined)) return undefined;
  const limit =
    chosen?.minAvailable !== undefined
      ? { minAvailable: chosen.minAvailable }
      : { maxUnavailable: chosen?.maxUnavailable ?? 1 };
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata,
    // Pods that run but never become ready may always go: else, while they crash-loop, the
    // budget is not met and a node drain waits on them (the rule disruption-budget-without-eviction-policy).
    spec: { ...limit, unhealthyPodEvictionPolicy: "AlwaysAllow", selector },
  };
}
