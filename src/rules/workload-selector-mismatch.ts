import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "make spec.selector match the labels of spec.template.metadata.labels";

export const workloadSelectorMismatch: Rule = {
  id: "workload-selector-mismatch",
  severity: "error",
  description: `A Deployment, StatefulSet or DaemonSet whose selector does not match the labels of its own pods, or that has none.`,
  why: `The API server refuses the object ("selector does not match template labels"), so nothing of it is applied; were it accepted, the workload would manage pods other than its own.`,
  fix: `Give spec.selector.matchLabels labels that the pod template (spec.template.metadata.labels) carries.`,
  example: {
    bad: `kind: Deployment
spec:
  selector: { matchLabels: { app: api-server } }
  template: { metadata: { labels: { app: api } } }`,
    good: `kind: Deployment
spec:
  selector: { matchLabels: { app: api } }
  template: { metadata: { labels: { app: api } } }`,
  },
  check(context) {
    reportImported(context, "workload-selector-mismatch", HINT);
  },
};
