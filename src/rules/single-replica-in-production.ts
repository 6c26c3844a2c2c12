import { isProduction, type Rule } from "./rule.js";

const servingKinds = new Set(["web", "api", "gateway", "proxy"]);

export const singleReplicaInProduction: Rule = {
  id: "single-replica-in-production",
  severity: "warning",
  description: `A stateless web or API service, or a workload a Kubernetes Service sends traffic to, runs a single replica in a production Kubernetes environment.`,
  why: `One pod means downtime on every deploy, node drain or crash.`,
  fix: `Run at least two replicas, or autoscale.`,
  example: { bad: `run: { api: }`, good: `run: { api: { replicas: 2 } }` },
  check(context) {
    for (const environment of context.model.environments.filter(
      (e) => isProduction(e) && e.platform === "kubernetes" && e.status === "live",
    )) {
      for (const instance of environment.instances) {
        // A DaemonSet runs a pod on every node, whatever its replicas say. An image that names no
        // kind serves requests where a Service sends it traffic; with none, it may be a consumer.
        const serving =
          servingKinds.has(instance.service.kind) ||
          (instance.service.kind === "other" &&
            context.model.frontedServices?.has(instance.service.id) === true);
        if (
          instance.service.stateful ||
          !serving ||
          instance.replicas.max > 1 ||
          instance.workload === "DaemonSet"
        )
          continue;
        context.report(
          instance.replicasAt ?? instance.at,
          instance.replicas.max === 0
            ? `'${instance.id}' runs no replica in production`
            : `'${instance.id}' runs one replica in production`,
          "set replicas: 2 or more, or autoscale",
        );
      }
    }
  },
};
