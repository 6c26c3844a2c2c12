import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "guard each workload's pods with one budget: narrow one selector, or merge the two budgets";

export const disruptionBudgetsOverlap: Rule = {
  id: "disruption-budgets-overlap",
  severity: "warning",
  description: `Two Kubernetes PodDisruptionBudgets in one namespace select the same pods.`,
  why: `The eviction API refuses to evict a pod that more than one budget covers, whatever either allows: a node drain, a cluster upgrade or an autoscaler moving pods stalls on them until someone deletes the pods by hand.`,
  fix: `Give each workload's pods one budget: make the selectors select pods of their own (a label only one workload's pods carry), or keep one of the budgets.`,
  example: {
    bad: `kind: PodDisruptionBudget
spec: { maxUnavailable: 1, selector: { matchLabels: { app: api } } }
---
kind: PodDisruptionBudget
spec: { maxUnavailable: 1, selector: { matchLabels: { tier: backend } } }   # the api pods are tier: backend too`,
    good: `kind: PodDisruptionBudget
spec: { maxUnavailable: 1, selector: { matchLabels: { app: api } } }
---
kind: PodDisruptionBudget
spec: { maxUnavailable: 1, selector: { matchLabels: { app: worker } } }`,
  },
  check(context) {
    reportImported(context, "disruption-budgets-overlap", HINT);
  },
};
