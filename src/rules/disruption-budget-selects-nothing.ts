import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "match the labels of the workload's pod template, or add the workload's manifest";

export const disruptionBudgetSelectsNothing: Rule = {
  id: "disruption-budget-selects-nothing",
  severity: "warning",
  description: `A Kubernetes PodDisruptionBudget's selector matches the pods of no workload in the manifests.`,
  why: `The budget guards nothing: a node drain may evict every replica of the workload it was meant for at once.`,
  fix: `Make spec.selector.matchLabels match the labels of the workload's pod template, in the same namespace.`,
  example: {
    bad: `kind: PodDisruptionBudget
spec: { minAvailable: 1, selector: { matchLabels: { app: api-server } } }   # the pods are labelled app: api`,
    good: `kind: PodDisruptionBudget
spec: { minAvailable: 1, selector: { matchLabels: { app: api } } }`,
  },
  check(context) {
    reportImported(context, "disruption-budget-selects-nothing", HINT);
  },
};
