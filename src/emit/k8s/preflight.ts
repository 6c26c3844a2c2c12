/**
 * What would keep the manifests from applying or starting: the checks every runtime shares
 * (platform, volumes, secrets, images) and what only Kubernetes cannot express.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { variablesIn } from "../../import/compose/interpolate.js";
import type { Environment, Model } from "../../model/types.js";
import { containerInstances } from "../runtime/platform.js";
import { preflight } from "../runtime/preflight.js";

export function kubernetesPreflight(model: Model, environment: Environment): Diagnostic[] {
  const found = preflight(model, environment, "kubernetes");
  if (found.some((d) => d.code === "wrong-platform")) return found;
  for (const instance of containerInstances(environment)) {
    // Compose fills an image's variables in from .env; nothing in a cluster does.
    const variables = variablesIn(instance.image ?? "").map((v) => v.name);
    if (variables.length > 0)
      found.push(
        diagnostic(
          "invalid-image-name",
          "error",
          `the image ${instance.image} of '${instance.id}' holds ${variables.length === 1 ? "the variable" : "the variables"} ${variables.join(", ")}, which Kubernetes does not fill in`,
          instance.imageAt ?? instance.at,
          {
            hint: "write the image as it is pushed, or give the instance an image of its own here: image: …",
          },
        ),
      );
    if (instance.workload === "CronJob" && !instance.schedule) {
      found.push(
        diagnostic(
          "workload-not-supported",
          "error",
          `'${instance.id}' is a CronJob, but the model gives no schedule for it`,
          instance.at,
          {
            hint: "give the instance a schedule, e.g. schedule: '0 3 * * *'",
          },
        ),
      );
    }
  }
  // An Ingress aimed at a port its Service does not have sends every request nowhere.
  for (const node of environment.allNodes)
    for (const route of node.routes) {
      const target = environment.instances.find((i) => i.id === route.target)?.service;
      if (route.port && target && !target.ports.includes(route.port))
        found.push(
          diagnostic(
            "route-port-undeclared",
            "error",
            `route ${route.path} goes to port ${route.port.port} of '${route.target}', which it does not declare: its Service would have no such port`,
            route.at,
            {
              hint: `route to a port '${target.id}' declares (${target.ports.map((p) => p.name).join(", ")}), or declare it`,
            },
          ),
        );
    }
  return found;
}
