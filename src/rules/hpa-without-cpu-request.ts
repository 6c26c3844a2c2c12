import { scalesOnCpu } from "../model/scaling.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINTS = {
  cpu: {
    model: "add cpu: { request: 250m } to the service or the instance",
    compose: "add cpu: { request: 250m } to the service or the instance",
    kubernetes: "set resources.requests.cpu (250m, say) on every container of its pods",
  },
  memory: {
    model: "add memory: { request: 256Mi } to the service or the instance",
    compose: "add memory: { request: 256Mi } to the service or the instance",
    kubernetes: "set resources.requests.memory (256Mi, say) on every container of its pods",
  },
};

export const hpaWithoutCpuRequest: Rule = {
  id: "hpa-without-cpu-request",
  severity: "error",
  description: `An instance autoscaled on CPU has no CPU request (or, autoscaled on memory, no memory request).`,
  why: `A HorizontalPodAutoscaler on CPU (or memory) utilisation divides by the request; without one it never scales.`,
  fix: `Give the service cpu: { request: 250m } (memory: { request: … } where it scales on memory).`,
  example: {
    bad: `run: { api: { replicas: { min: 2, max: 10 } } }`,
    good: `api: { cpu: { request: 250m, limit: 1 } }`,
  },
  check(context) {
    // Every container of an autoscaled pod needs one (sidecar-resources.ts).
    reportImported(context, "hpa-without-cpu-request");
    const language = context.model.readFrom ?? "model";
    for (const environment of context.model.environments) {
      for (const instance of environment.instances) {
        if (scalesOnCpu(instance.replicas) && !instance.cpu) {
          context.report(
            instance.at,
            `'${instance.id}' autoscales on CPU but requests none`,
            HINTS.cpu[language],
          );
        } else if (instance.replicas.memoryTarget !== undefined && !instance.memory) {
          context.report(
            instance.at,
            `'${instance.id}' autoscales on memory but requests none`,
            HINTS.memory[language],
          );
        }
      }
    }
  },
};
