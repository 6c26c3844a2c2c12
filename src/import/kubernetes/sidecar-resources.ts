/**
 * The resources of the containers beside a workload's first (sidecars and init containers, native
 * sidecars among them), which the model does not keep: one that states no memory or CPU is packed
 * as blindly as a service that states none (the scheduler reserves for a pod the most any of its
 * init containers requests, and a leak in one that runs to completion takes the node down as well),
 * and an autoscaler on CPU (or memory) utilisation needs that request from every container of the
 * running pod, native sidecars included, or from the one a ContainerResource metric names, or it
 * cannot compute the pods' use at all ("missing request for cpu in container …").
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asArray, asObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn } from "./patch-origin.js";

type Resource = "cpu" | "memory";

/** What to set on a container that states no CPU, no memory, or neither: what it lacks. */
const HINTS = {
  cpu: "set resources.requests.cpu on this container too (250m, say)",
  memory:
    "set resources.requests.memory and resources.limits.memory on this container too (256Mi and 512Mi, say)",
  both: "set resources.requests (memory and cpu) and resources.limits.memory on this container too",
};

/**
 * What an autoscaler divides by a request: CPU where it names no metric (the default) or a CPU
 * utilisation, memory where it names a memory utilisation; from every container for a Resource
 * metric, from the one named for a ContainerResource metric.
 */
function requestsNeeded(autoscaler: ManifestObject | undefined): (container: string) => Resource[] {
  if (!autoscaler) return () => [];
  const spec = asObject(autoscaler.value.spec);
  const metrics = asArray(spec.metrics).map(asObject);
  const all = new Set<Resource>();
  const byContainer = new Map<string, Set<Resource>>();
  if (spec.targetCPUUtilizationPercentage !== undefined || metrics.length === 0) all.add("cpu");
  for (const metric of metrics) {
    const own = metric.type === "ContainerResource";
    const resource = asObject(own ? metric.containerResource : metric.resource);
    const name = resource.name;
    if ((name !== "cpu" && name !== "memory") || asObject(resource.target).type !== "Utilization") continue;
    if (!own) all.add(name);
    else if (typeof resource.container === "string")
      byContainer.set(resource.container, (byContainer.get(resource.container) ?? new Set()).add(name));
  }
  return (container) => [...new Set([...all, ...(byContainer.get(container) ?? [])])];
}

export function sidecarResourceFindings(
  workload: ManifestObject,
  service: string,
  autoscaler: ManifestObject | undefined,
): Diagnostic[] {
  const needed = requestsNeeded(autoscaler);
  return podContainers(workload, service).flatMap(({ container, first, init, sidecar, path, who }) => {
    if (first) return [];
    const resources = asObject(container.resources);
    const stated = (resource: string) =>
      asObject(resources.requests)[resource] !== undefined ||
      asObject(resources.limits)[resource] !== undefined;
    const memory = stated("memory");
    const cpu = stated("cpu");
    const at = locateIn(workload, [...path, "name"], "value");
    const found: Diagnostic[] = [];
    if (!memory || !cpu)
      found.push(
        diagnostic(
          "no-resource-limits",
          "warning",
          `${who} states ${memory ? "no CPU request" : cpu ? "no memory request or limit" : "no memory or CPU"}`,
          at,
          { hint: memory ? HINTS.cpu : cpu ? HINTS.memory : HINTS.both },
        ),
      );
    // An init container that runs to completion before the others is not measured beside them.
    if (init && !sidecar) return found;
    for (const resource of needed(typeof container.name === "string" ? container.name : ""))
      if (!stated(resource))
        found.push(
          diagnostic(
            "hpa-without-cpu-request",
            "error",
            `${who} requests no ${resource === "cpu" ? "CPU" : "memory"}, and the autoscaler of '${service}' scales on ${resource === "cpu" ? "CPU" : "memory"} utilisation: it cannot compute the pods' use`,
            at,
            {
              hint: `set resources.requests.${resource} on ${resource === "cpu" ? "every container of the pod (250m, say)" : "every container of the pod (256Mi, say)"}`,
            },
          ),
        );
    return found;
  });
}
