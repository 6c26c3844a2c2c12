import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "name the workload as its manifest does, or add the workload's manifest";

export const autoscalerTargetsNothing: Rule = {
  id: "autoscaler-targets-nothing",
  severity: "warning",
  description: `A Kubernetes HorizontalPodAutoscaler scales a Deployment or StatefulSet the manifests do not define, or a workload Kubernetes cannot scale (a DaemonSet, a Job, a CronJob or a Pod).`,
  why: `It applies cleanly and never scales anything: the workload it was meant for runs at its fixed replica count through every peak.`,
  fix: `Point scaleTargetRef at the workload's kind and name as its manifest gives them, in the same namespace; scale a Deployment or StatefulSet, not a DaemonSet, Job or Pod.`,
  example: {
    bad: `scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }   # the Deployment is named frontend`,
    good: `scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: frontend }`,
  },
  check(context) {
    reportImported(context, "autoscaler-targets-nothing", HINT);
  },
};
