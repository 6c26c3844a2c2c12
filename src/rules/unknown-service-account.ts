import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "add the ServiceAccount's manifest, correct the name, or leave it out to run as default";

export const unknownServiceAccount: Rule = {
  id: "unknown-service-account",
  severity: "warning",
  description: `A Kubernetes workload runs as a ServiceAccount that the manifests do not define in its namespace.`,
  why: `The API server makes no pod for a missing account ("serviceaccount … not found"): the workload applies, and never runs. An account made elsewhere (by a chart, by hand) is not seen here.`,
  fix: `Add the ServiceAccount to the manifests, correct the name, or leave serviceAccountName out.`,
  example: {
    bad: `spec: { template: { spec: { serviceAccountName: paymentservice } } }   # no ServiceAccount of that name`,
    good: `kind: ServiceAccount
metadata: { name: paymentservice }`,
  },
  check(context) {
    reportImported(context, "unknown-service-account", HINT);
  },
};
