import { hostPortCount, hostPortText } from "../model/published.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const replicasWithFixedHostPort: Rule = {
  id: "replicas-with-fixed-host-port",
  severity: "error",
  description: `A Compose instance runs several replicas but publishes a fixed host port, or a pool of fewer host ports than replicas; or a Kubernetes workload of several replicas, or an autoscaler that allows several, asks for a hostPort.`,
  why: `Only the first replica can bind the port; the others fail to start. In Kubernetes the scheduler puts no two such pods on one node: each replica needs a node with the port free, and those past them stay Pending.`,
  fix: `Publish through a proxy, or run one replica; in Kubernetes, leave hostPort out and reach the pods through a Service.`,
  example: {
    bad: `run: { api: { replicas: 3, publish: { http: 8080 } } }`,
    good: `run: { api: { replicas: 3 }, proxy: { publish: { http: 8080 } } }`,
  },
  check(context) {
    // From manifests, which the model keeps no host ports of (host-ports.ts), where hostPort is written.
    reportImported(context, "replicas-with-fixed-host-port");
    for (const environment of context.model.environments.filter((e) => e.platform === "compose")) {
      for (const instance of environment.instances) {
        // Each replica gets a port of its own where the system picks it, or a free one of a pool.
        const fixed = instance.publish.find((p) => hostPortCount(p) < instance.replicas.max);
        if (instance.replicas.max > 1 && fixed) {
          context.report(
            fixed.at,
            fixed.hostLast === undefined
              ? `'${instance.id}' runs ${instance.replicas.max} replicas on fixed host port ${fixed.host}`
              : `'${instance.id}' runs ${instance.replicas.max} replicas on the ${hostPortCount(fixed)} host ports ${hostPortText(fixed)}`,
            `put a proxy in front, publish no host port, or a pool of as many host ports as replicas (${poolFor(fixed.host, instance.replicas.max, fixed.port.port, context.model.readFrom === "compose")})`,
          );
        }
      }
    }
  },
};

/** A pool of host ports for every replica, from the port written on: as Compose writes it, or as the model does. */
function poolFor(first: number | undefined, replicas: number, container: number, compose: boolean): string {
  const from = first ?? container;
  const last = Math.min(from + replicas - 1, 65535);
  return compose ? `"${from}-${last}:${container}"` : `host: ${from}, host-last: ${last}`;
}
