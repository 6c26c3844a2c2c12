import type { Rule } from "./rule.js";

export const hpaWithoutCpuRequest: Rule = {
  id: "hpa-without-cpu-request",
  severity: "error",
  description: `An autoscaled instance has no CPU request.`,
  why: `A HorizontalPodAutoscaler on CPU utilisation divides by the request; without one it never scales.`,
  fix: `Give the service cpu: { request: 250m }.`,
  example: {
    bad: `run: { api: { replicas: { min: 2, max: 10 } } }`,
    good: `api: { cpu: { request: 250m, limit: 1 } }`,
  },
  check(context) {
    for (const environment of context.model.environments) {
      for (const instance of environment.instances) {
        if (instance.replicas.autoscale && !instance.cpu) {
          context.report(
            instance.at,
            `'${instance.id}' autoscales on CPU but requests none`,
            "add cpu: { request: 250m } to the service or the instance",
          );
        }
      }
    }
  },
};
