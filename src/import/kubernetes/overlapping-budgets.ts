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

export function overlappingBudgetFindings(
  budgets: readonly ManifestObject[],
  pods: PodLabelIndex,
  namespaceOf: (object: ManifestObject) => string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  // The first budget, in their order, that guards each workload's pods.
  const firstGuard = new Map<ManifestObject, ManifestObject>();
  for (const budget of budgets) {
    const matchLabels = asObject(asObject(budget.value.spec).selector).matchLabels;
    let reported = false;
    for (const workload of pods.candidates(namespaceOf(budget), asObject(matchLabels))) {
      if (!budgetGuards(budget, pods.labelsOf(workload))) continue;
      const first = firstGuard.get(workload);
      if (!first) firstGuard.set(workload, budget);
      else if (!reported) {
        reported = true;
        const selector = (object: ManifestObject) =>
          locateIn(object, [...object.base, "spec", "selector"], "value");
        found.push(
          diagnostic(
            "disruption-budgets-overlap",
            "warning",
            `PodDisruptionBudget '${budget.name}' guards the pods of '${workload.name}', which PodDisruptionBudget '${first.name}' guards too: Kubernetes refuses to evict a pod that more than one budget guards, so a node drain stalls on them`,
            selector(budget),
            {
              related: [
                { ...selector(first), message: `PodDisruptionBudget '${first.name}' guards them here` },
              ],
            },
          ),
        );
      }
    }
  }
  return found;
}
