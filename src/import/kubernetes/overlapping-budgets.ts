/**
 * Two PodDisruptionBudgets of one namespace that guard the same pods: the eviction API refuses to
 * evict a pod more than one budget covers ("more than one PodDisruptionBudget"), so a node drain
 * stalls on those pods whatever either budget allows. Each later budget is reported once, at its
 * selector, with the first that guards the same pods.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asObject, budgetGuards, type ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import type { PodLabelIndex } from "./pod-label-index.js";

/** `firstGuard`: the first budget, in their order, that guards each workload's pods (budgetIndex). */
export function overlappingBudgetFindings(
  budgets: readonly ManifestObject[],
  firstGuard: ReadonlyMap<ManifestObject, ManifestObject>,
  pods: PodLabelIndex,
  namespaceOf: (object: ManifestObject) => string,
): Diagnostic[] {
  const selector = (object: ManifestObject) =>
    locateIn(object, [...object.base, "spec", "selector"], "value");
  return budgets.flatMap((budget) => {
    const matchLabels = asObject(asObject(budget.value.spec).selector).matchLabels;
    const workload = pods
      .candidates(namespaceOf(budget), asObject(matchLabels))
      .find((w) => firstGuard.get(w) !== budget && budgetGuards(budget, pods.labelsOf(w)));
    const first = workload && firstGuard.get(workload);
    if (!workload || !first) return [];
    return [
      diagnostic(
        "disruption-budgets-overlap",
        "warning",
        `PodDisruptionBudget '${budget.name}' guards the pods of '${workload.name}', which PodDisruptionBudget '${first.name}' guards too: Kubernetes refuses to evict a pod that more than one budget guards, so a node drain stalls on them`,
        selector(budget),
        {
          related: [{ ...selector(first), message: `PodDisruptionBudget '${first.name}' guards them here` }],
        },
      ),
    ];
  });
}
