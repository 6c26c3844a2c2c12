import type { Rule } from "./rule.js";

export const noResourceLimits: Rule = {
  id: "no-resource-limits",
  severity: "warning",
  description: `An instance in a Kubernetes environment states no memory.`,
  why: `Without requests the scheduler packs pods blindly; without limits one leak takes the node down.`,
  fix: `Give the service memory (and CPU): memory: { request: 256Mi, limit: 512Mi }.`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4 }`,
    good: `api: { kind: api, image: shop/api:1.4, memory: { request: 256Mi, limit: 512Mi } }`,
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      for (const instance of environment.instances) {
        // Memory stated but unreadable has its error already.
        if (!instance.memory && !instance.service.memoryUnreadable)
          context.report(
            instance.at,
            `'${instance.id}' in '${environment.id}' states no memory request or limit`,
            "add memory: { request: …, limit: … }",
          );
      }
    }
  },
};
