import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const removedApiVersion: Rule = {
  id: "removed-api-version",
  severity: "error",
  description: `A Kubernetes manifest uses an API version that Kubernetes no longer serves (extensions/v1beta1, policy/v1beta1, …).`,
  why: `Every current cluster refuses the object ("no matches for kind … in version …"), so nothing of it is applied, although the manifest reads as it always did.`,
  fix: `Move the object to the version that replaced it (apps/v1, networking.k8s.io/v1, batch/v1, autoscaling/v2, policy/v1, …), adapting the fields that changed with it.`,
  example: {
    bad: `apiVersion: extensions/v1beta1
kind: Deployment`,
    good: `apiVersion: apps/v1
kind: Deployment`,
  },
  check(context) {
    reportImported(context, "removed-api-version");
  },
};
