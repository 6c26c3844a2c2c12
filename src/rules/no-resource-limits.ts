import type { Rule } from "./rule.js";

export const noResourceLimits: Rule = {
  id: "no-resource-limits",
  severity: "warning",
  description: `An instance in a Kubernetes environment states no memory, or no CPU.`,
  why: `Without requests the scheduler packs pods blindly: a pod that requests no CPU is placed as if it used none, and starves beside busy neighbours or is starved by them. Without a memory limit one leak takes the node down.`,
  fix: `Give the service memory and a CPU request: memory: { request: 256Mi, limit: 512Mi }, cpu: { request: 250m }. A CPU limit is optional: it throttles a pod that could use idle cores.`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4 }`,
    good: `api: { kind: api, image: shop/api:1.4, memory: { request: 256Mi, limit: 512Mi }, cpu: { request: 250m } }`,
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      for (const instance of environment.instances) {
        // A value stated but unreadable has its error already.
        const memory = instance.memory !== undefined || instance.service.memoryUnreadable === true;
        const cpu = instance.cpu !== undefined || instance.service.cpuUnreadable === true;
        if (memory && cpu) continue;
        const missing = memory ? "no CPU request" : cpu ? "no memory request or limit" : "no memory or CPU";
        const hint = memory
          ? "add cpu: { request: … }"
          : cpu
            ? "add memory: { request: …, limit: … }"
            : "add memory: { request: …, limit: … } and cpu: { request: … }";
        context.report(instance.at, `'${instance.id}' in '${environment.id}' states ${missing}`, hint);
      }
    }
  },
};
