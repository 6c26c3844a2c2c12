import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const serviceSelectsNothing: Rule = {
  id: "service-selects-nothing",
  severity: "warning",
  description: `A Kubernetes Service's selector matches the pods of no workload in the manifests.`,
  why: `The Service has no endpoints: whatever calls it gets connection refused, though every object applies cleanly.`,
  fix: `Make the selector match the labels of the workload's pod template (or check the workload's manifest with it).`,
  example: {
    bad: `kind: Service
spec: { selector: { app: api-server } }   # the Deployment's pods are labelled app: api`,
    good: `kind: Service
spec: { selector: { app: api } }`,
  },
  check(context) {
    reportImported(context, "service-selects-nothing");
  },
};
