import { inWords } from "../collections.js";
import type { Replicas } from "./types.js";

/**
 * Whether an autoscaled instance scales on CPU: when it says so, or names no other measure (CPU is
 * what an autoscaler without metrics scales on, and what the model's autoscaling means by default).
 */
export function scalesOnCpu(replicas: Replicas): boolean {
  if (!replicas.autoscale) return false;
  return replicas.cpuTarget !== undefined || (replicas.memoryTarget === undefined && !replicas.customMetrics);
}

/** What an autoscaled instance scales on, as text: "70% CPU", "CPU and 80% memory", "metrics of its own". */
export function scalingText(replicas: Replicas): string {
  const measures = [
    ...(scalesOnCpu(replicas) ? [replicas.cpuTarget ? `${replicas.cpuTarget}% CPU` : "CPU"] : []),
    ...(replicas.memoryTarget ? [`${replicas.memoryTarget}% memory`] : []),
    ...(replicas.customMetrics ? ["metrics of its own"] : []),
  ];
  return inWords(measures);
}
