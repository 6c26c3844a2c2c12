import type { Rule } from "./rule.js";

export const replicasWithFixedHostPort: Rule = {
  id: "replicas-with-fixed-host-port",
  severity: "error",
  description: `A Compose instance runs several replicas but publishes a fixed host port.`,
  why: `Only the first replica can bind the port; the others fail to start.`,
  fix: `Publish through a proxy, or run one replica.`,
  example: {
    bad: `run: { api: { replicas: 3, publish: { http: 8080 } } }`,
    good: `run: { api: { replicas: 3 }, proxy: { publish: { http: 8080 } } }`,
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "compose")) {
      for (const instance of environment.instances) {
        // Each replica gets a port of its own where the system picks it.
        const fixed = instance.publish.find((p) => p.host !== undefined);
        if (instance.replicas.max > 1 && fixed) {
          context.report(
            fixed.at,
            `'${instance.id}' runs ${instance.replicas.max} replicas on fixed host port ${fixed.host}`,
            "put a proxy in front, or publish no host port",
          );
        }
      }
    }
  },
};
