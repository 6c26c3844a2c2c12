import type { Rule } from "./rule.js";

export const serviceDeployedNowhere: Rule = {
  id: "service-deployed-nowhere",
  severity: "warning",
  description: `A service is placed in no environment.`,
  why: `It is documented but runs nowhere: either the model is incomplete or the service is dead.`,
  fix: `Place it on a node (run: [...]) or remove it.`,
  example: {
    bad: `services: { legacy: { kind: api } }  # run nowhere`,
    good: `environments: { dev: { nodes: { host: { run: [legacy] } } } }`,
  },
  check(context) {
    const placed = new Set(context.model.environments.flatMap((e) => e.instances.map((i) => i.service.id)));
    for (const service of context.model.services) {
      if (!placed.has(service.id))
        context.report(service.at, `'${service.id}' is not deployed in any environment`);
    }
  },
};
