import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "write serviceAccountName instead";

export const deprecatedServiceAccountField: Rule = {
  id: "deprecated-service-account-field",
  severity: "warning",
  description: `A Kubernetes workload names its ServiceAccount with serviceAccount, the field's name before Kubernetes 1.8.`,
  why: `The API server still copies it into serviceAccountName, but where both are written and differ the newer one wins, and tools and readers that know only serviceAccountName miss the account the pod runs as.`,
  fix: `Rename the field to serviceAccountName.`,
  example: {
    bad: `spec: { template: { spec: { serviceAccount: payments } } }`,
    good: `spec: { template: { spec: { serviceAccountName: payments } } }`,
  },
  check(context) {
    reportImported(context, "deprecated-service-account-field", HINT);
  },
};
