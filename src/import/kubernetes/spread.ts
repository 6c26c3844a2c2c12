/**
 * Across what a workload's replicas are kept apart: topology spread constraints, or pod
 * anti-affinity; by zone when any of them names a zone, else by node.
 */
import { asArray, asObject, type Json } from "./objects.js";

export function spreadOf(pod: Json): "node" | "zone" | undefined {
  const anti = asObject(asObject(pod.affinity).podAntiAffinity);
  const keys = [
    ...asArray(pod.topologySpreadConstraints).map((c) => asObject(c).topologyKey),
    ...asArray(anti.requiredDuringSchedulingIgnoredDuringExecution).map((t) => asObject(t).topologyKey),
    ...asArray(anti.preferredDuringSchedulingIgnoredDuringExecution).map(
      (t) => asObject(asObject(t).podAffinityTerm).topologyKey,
    ),
  ].filter((key): key is string => typeof key === "string");
  if (keys.length === 0) return undefined;
  return keys.some((key) => /zone/i.test(key)) ? "zone" : "node";
}
