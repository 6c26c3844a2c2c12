import { inNamedEnvironment, type Rule } from "./rule.js";

export const hostVariableInCluster: Rule = {
  id: "host-variable-in-cluster",
  severity: "warning",
  description:
    "A service takes a variable from where its container is started (written with no value), in a Kubernetes environment, where nothing supplies it.",
  why: "Compose fills such a variable in from the shell or the .env file it runs with. A pod has neither: the manifests leave the variable out, and the container starts without it.",
  fix: "Give the variable a value in this environment (the instance's env), or make it a secret or a plain value of the service.",
  example: {
    bad: `services:
  api: { kind: api, image: "shop/api:1.4", env: { LOG_LEVEL: } }   # and placed in a kubernetes environment`,
    good: `environments:
  prod:
    platform: kubernetes
    nodes: { cluster: { kind: cluster, run: { api: { env: { LOG_LEVEL: info } } } } }`,
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      const seen = new Set<string>();
      for (const instance of environment.instances) {
        for (const variable of instance.env.filter((v) => v.value.kind === "host")) {
          // Instances of one service that inherit the variable share the place it is written.
          const key = `${instance.service.id}/${variable.name}/${variable.at.start}`;
          if (seen.has(key)) continue;
          seen.add(key);
          context.report(
            variable.at,
            `'${instance.id}' takes ${variable.name} from where it is started, and nothing starts a pod${inNamedEnvironment(context.model, environment)} with it: the manifests leave it unset`,
            `give it a value here: run: { ${instance.id}: { env: { ${variable.name}: … } } }`,
          );
        }
      }
    }
  },
};
