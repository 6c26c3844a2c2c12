import type { DisruptionBudget, Instance } from "../model/types.js";
import type { Rule } from "./rule.js";

/** Why a budget lets no pod of the instance be evicted, when it lets none. */
function blocksEviction(budget: DisruptionBudget, instance: Instance): string | undefined {
  const { maxUnavailable, minAvailable } = budget;
  if (maxUnavailable === 0 || maxUnavailable === "0%") return `max-unavailable is ${maxUnavailable}`;
  if (minAvailable === "100%") return "min-available is 100%";
  // A budget of none available holds nothing back, whatever the replicas.
  if (typeof minAvailable === "number" && minAvailable > 0 && minAvailable >= instance.replicas.min)
    return `min-available is ${minAvailable} of ${instance.replicas.min} replica${instance.replicas.min === 1 ? "" : "s"}`;
  return undefined;
}

export const disruptionBudgetBlocksEviction: Rule = {
  id: "disruption-budget-blocks-eviction",
  severity: "warning",
  description: `A Kubernetes disruption budget lets no pod of its instance be evicted.`,
  why: `A node drain, a cluster upgrade or an autoscaler moving pods waits on the budget, which never allows an eviction: the drain hangs until someone deletes the pod by hand.`,
  fix: `Allow one pod down: max-unavailable: 1, or a min-available below the number of replicas.`,
  example: {
    bad: `run: { api: { replicas: 2, disruption-budget: { min-available: 2 } } }`,
    good: `run: { api: { replicas: 2, disruption-budget: { max-unavailable: 1 } } }`,
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      for (const instance of environment.instances) {
        const budget = instance.disruptionBudget;
        const reason = budget ? blocksEviction(budget, instance) : undefined;
        if (!reason) continue;
        context.report(
          instance.disruptionBudgetAt ?? instance.at,
          `the disruption budget of '${instance.id}' lets none of its pods be evicted: ${reason}`,
          "allow one pod down: max-unavailable: 1, or a min-available below the replicas",
        );
      }
    }
  },
};
