import type { DisruptionBudget, Instance } from "../model/types.js";
import type { Rule } from "./rule.js";

/** The fields as a model names them, and as a PodDisruptionBudget does. */
const MODEL_FIELDS = { min: "min-available", max: "max-unavailable" };
const MANIFEST_FIELDS = { min: "minAvailable", max: "maxUnavailable" };

/** Why a budget lets no pod of the instance be evicted, and the field that says so, when it lets none. */
function blocksEviction(
  budget: DisruptionBudget,
  instance: Instance,
  fields: typeof MODEL_FIELDS,
): { reason: string; field: "minAvailable" | "maxUnavailable" } | undefined {
  const { maxUnavailable, minAvailable } = budget;
  if (maxUnavailable === 0 || maxUnavailable === "0%")
    return { reason: `${fields.max} is ${maxUnavailable}`, field: "maxUnavailable" };
  const replicas = instance.replicas.min;
  if (minAvailable === "100%") return { reason: `${fields.min} is 100%`, field: "minAvailable" };
  // A share is a number of pods rounded up, as the disruption controller counts it: 90% of 3 is 3.
  const share = typeof minAvailable === "string" ? /^(\d+)%$/.exec(minAvailable) : null;
  const pods = share ? Math.ceil((replicas * Number(share[1])) / 100) : minAvailable;
  // A budget of none available holds nothing back, whatever the replicas.
  if (typeof pods === "number" && pods > 0 && pods >= replicas)
    return {
      reason: `${fields.min} is ${minAvailable}${share ? ` (${pods} pod${pods === 1 ? "" : "s"})` : ""} of ${replicas} replica${replicas === 1 ? "" : "s"}`,
      field: "minAvailable",
    };
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
    const fields = context.model.readFrom === "kubernetes" ? MANIFEST_FIELDS : MODEL_FIELDS;
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      for (const instance of environment.instances) {
        const budget = instance.disruptionBudget;
        const blocked = budget && blocksEviction(budget, instance, fields);
        if (!budget || !blocked) continue;
        context.report(
          budget.at[blocked.field] ?? instance.disruptionBudgetAt ?? instance.at,
          `the disruption budget of '${instance.id}' lets none of its pods be evicted: ${blocked.reason}`,
          `allow one pod down: ${fields.max}: 1, or a ${fields.min} below the replicas`,
        );
      }
    }
  },
};
