/**
 * Across what a workload's replicas are kept apart: topology spread constraints, or pod
 * anti-affinity; by zone when any of them names a zone, else by node. A term whose label selector
 * picks other pods than the workload's own (anti-affinity to a ZooKeeper, say) keeps its replicas
 * from those, not from each other, so it spreads nothing; nor does one without a label selector,
 * which the scheduler reads as selecting no pods at all (an empty one, `{}`, selects every pod).
 */
import { asArray, asObject, isObject, type Json, labelSelectorMatches } from "./objects.js";

export function spreadOf(pod: Json, podLabels: Record<string, string>): "node" | "zone" | undefined {
  const anti = asObject(asObject(pod.affinity).podAntiAffinity);
  const ownPods = (term: Json) =>
    isObject(term.labelSelector) && labelSelectorMatches(term.labelSelector, podLabels);
  const keys = [
    ...asArray(pod.topologySpreadConstraints).map(asObject).filter(ownPods),
    ...asArray(anti.requiredDuringSchedulingIgnoredDuringExecution).map(asObject).filter(ownPods),
    ...asArray(anti.preferredDuringSchedulingIgnoredDuringExecution)
      .map((t) => asObject(asObject(t).podAffinityTerm))
      .filter(ownPods),
  ]
    .map((term) => term.topologyKey)
    .filter((key): key is string => typeof key === "string");
  if (keys.length === 0) return undefined;
  return keys.some((key) => /zone/i.test(key)) ? "zone" : "node";
}
