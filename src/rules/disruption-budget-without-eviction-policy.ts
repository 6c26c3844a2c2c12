import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "set unhealthyPodEvictionPolicy: AlwaysAllow";

export const disruptionBudgetWithoutEvictionPolicy: Rule = {
  id: "disruption-budget-without-eviction-policy",
  severity: "info",
  description: `A Kubernetes PodDisruptionBudget sets no unhealthyPodEvictionPolicy.`,
  why: `Left unset, a pod that runs but is not ready is evicted only while the budget is met. When the pods crash-loop the budget is not met, so none of them is evicted and a node drain waits on pods that serve nothing until someone deletes them.`,
  fix: `Set unhealthyPodEvictionPolicy to AlwaysAllow (stable since Kubernetes 1.31): pods that are not ready may always be evicted, and the budget still guards the ready ones.`,
  example: {
    bad: `kind: PodDisruptionBudget
spec: { minAvailable: 1, selector: { matchLabels: { app: api } } }`,
    good: `kind: PodDisruptionBudget
spec: { minAvailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: api } } }`,
  },
  check(context) {
    reportImported(context, "disruption-budget-without-eviction-policy", HINT);
  },
};
