import type { Rule } from "./rule.js";

const keepsReplicaCount = new Set(["Deployment", "StatefulSet", "Container"]);

export const replicasWithoutDisruptionBudget: Rule = {
  id: "replicas-without-disruption-budget",
  severity: "warning",
  description: `A Kubernetes instance runs several replicas with its disruption budget switched off.`,
  why: `Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once, so the service goes down although it runs several copies.`,
  fix: `Remove disruption-budget: false (deployview then generates one that keeps all but one replica up), or set { max-unavailable: 1 }.`,
  example: {
    bad: `run: { api: { replicas: 3, disruption-budget: false } }`,
    good: `run: { api: { replicas: 3 } }`,
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      for (const instance of environment.instances) {
        if (
          instance.disruptionBudget !== false ||
          !keepsReplicaCount.has(instance.workload) ||
          instance.replicas.min < 2
        )
          continue;
        const fromManifests = context.model.readFrom === "kubernetes";
        context.report(
          instance.replicasAt ?? instance.at,
          `'${instance.id}' runs ${instance.replicas.min === instance.replicas.max ? instance.replicas.min : `${instance.replicas.min} or more`} replicas with no disruption budget`,
          fromManifests
            ? "add a PodDisruptionBudget that selects its pods, so a drain keeps some replicas up"
            : "drop disruption-budget: false, so that deployview generates a budget that keeps all but one replica up, or set disruption-budget: { max-unavailable: 1 }",
        );
      }
    }
  },
};
