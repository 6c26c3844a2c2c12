import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT =
  "match the labels of the workload's pod template, add the workload's manifest, or select every pod of the namespace with podSelector: {}";

export const networkPolicySelectsNothing: Rule = {
  id: "network-policy-selects-nothing",
  severity: "warning",
  description: `A Kubernetes NetworkPolicy's podSelector matches the pods of no workload in its namespace in the manifests.`,
  why: `The policy applies cleanly and isolates nothing: the pods it was meant for take traffic from anywhere (or send it anywhere) as if it were not there, and nothing says so. An empty podSelector ({}) selects every pod of the namespace and is not reported.`,
  fix: `Make spec.podSelector match the labels of the workload's pod template, in the policy's namespace.`,
  example: {
    bad: `kind: NetworkPolicy
spec: { podSelector: { matchLabels: { app: api-server } }, policyTypes: [Ingress] }   # the pods are labelled app: api`,
    good: `kind: NetworkPolicy
spec: { podSelector: { matchLabels: { app: api } }, policyTypes: [Ingress] }`,
  },
  check(context) {
    reportImported(context, "network-policy-selects-nothing", HINT);
  },
};
