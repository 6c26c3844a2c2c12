import type { Rule } from "./rule.js";

const keepsReplicaCount = new Set(["Deployment", "StatefulSet", "Container"]);

export const replicasWithoutSpreading: Rule = {
  id: "replicas-without-spreading",
  severity: "warning",
  description: `A Kubernetes instance runs several replicas with nothing keeping them on different nodes.`,
  why: `The scheduler may put every replica on one node; when that node fails or is drained, all of them go at once, and running several bought no availability.`,
  fix: `Remove spread: false (deployview then generates a topology spread constraint across nodes), or set spread: zone; in manifests, add topologySpreadConstraints or pod anti-affinity.`,
  example: {
    bad: `run: { api: { replicas: 3, spread: false } }`,
    good: `run: { api: { replicas: 3 } }`,
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      for (const instance of environment.instances) {
        if (
          instance.spread !== false ||
          !keepsReplicaCount.has(instance.workload) ||
          instance.replicas.max < 2
        )
          continue;
        const fromManifests = context.model.readFrom === "kubernetes";
        context.report(
          instance.replicasAt ?? instance.at,
          `'${instance.id}' runs up to ${instance.replicas.max} replicas that may all land on one node`,
          fromManifests
            ? "spread them across nodes (topologySpreadConstraints or pod anti-affinity)"
            : "drop spread: false, so that deployview spreads them across nodes, or set spread: zone",
        );
      }
    }
  },
};
