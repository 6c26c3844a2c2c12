import { reportImported } from "./from-analyses.js";
import { inNamedEnvironment, type Rule } from "./rule.js";

const MODEL_HINTS = {
  cpu: "add cpu: { request: … }",
  memory: "add memory: { request: …, limit: … }",
  both: "add memory: { request: …, limit: … } and cpu: { request: … }",
};

const MANIFEST_HINTS = {
  cpu: "set resources.requests.cpu on its containers (250m, say)",
  memory:
    "set resources.requests.memory and resources.limits.memory on its containers (256Mi and 512Mi, say)",
  both: "set resources.requests (memory and cpu) and resources.limits.memory on its containers",
};

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
    // The containers beside a workload's first, which the model does not keep (sidecar-resources.ts).
    reportImported(context, "no-resource-limits");
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      for (const instance of environment.instances) {
        // A value stated but unreadable has its error already.
        const memory = instance.memory !== undefined || instance.service.memoryUnreadable === true;
        const cpu = instance.cpu !== undefined || instance.service.cpuUnreadable === true;
        if (memory && cpu) continue;
        const missing = memory ? "no CPU request" : cpu ? "no memory request or limit" : "no memory or CPU";
        const hints = context.model.readFrom === "kubernetes" ? MANIFEST_HINTS : MODEL_HINTS;
        const hint = memory ? hints.cpu : cpu ? hints.memory : hints.both;
        context.report(
          instance.at,
          `'${instance.id}'${inNamedEnvironment(context.model, environment)} states ${missing}`,
          hint,
        );
      }
    }
  },
};
