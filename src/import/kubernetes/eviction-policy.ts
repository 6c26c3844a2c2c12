/**
 * A PodDisruptionBudget without `unhealthyPodEvictionPolicy` evicts a pod that is running but not
 * ready only while the budget is met (IfHealthyBudget). Where pods crash-loop, the budget is not met,
 * so none of them is evicted and a node drain waits on pods that serve nothing until someone
 * deletes them.
 * AlwaysAllow, stable since Kubernetes 1.31, lets those pods go. policy/v1beta1 has no such field,
 * so a budget of that version is not told to set it (removed-api-version says to move it to v1).
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asObject, type ManifestObject, nameKey } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function evictionPolicyFindings(objects: readonly ManifestObject[]): Diagnostic[] {
  return objects.flatMap((budget) => {
    if (budget.kind !== "PodDisruptionBudget" || budget.apiVersion !== "policy/v1") return [];
    if (asObject(budget.value.spec).unhealthyPodEvictionPolicy !== undefined) return [];
    return [
      diagnostic(
        "disruption-budget-without-eviction-policy",
        "info",
        `PodDisruptionBudget '${budget.name}' sets no unhealthyPodEvictionPolicy, so its pods that never become ready can stall a node drain`,
        locateIn(budget, [...budget.base, "metadata", nameKey(budget)], "value"),
      ),
    ];
  });
}
