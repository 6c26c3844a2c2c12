/**
 * The resources of the containers beside a workload's first (sidecars), which the model does not
 * keep: one that states no memory or CPU is packed as blindly as a service that states none, and an
 * autoscaler on CPU utilisation needs a CPU request from every container of the pod, or it cannot
 * compute the pods' use at all ("missing request for cpu in container …").
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { asArray, asObject, type ManifestObject, podContainers } from "./objects.js";

/** Whether an autoscaler scales on CPU utilisation: it names no metric (CPU is the default), or names that one. */
function scalesOnCpuUtilization(autoscaler: ManifestObject): boolean {
  const spec = asObject(autoscaler.value.spec);
  if (spec.targetCPUUtilizationPercentage !== undefined) return true;
  const metrics = asArray(spec.metrics).map(asObject);
  if (metrics.length === 0) return true;
  return metrics.some((metric) => {
    const resource = asObject(
      metric.type === "ContainerResource" ? metric.containerResource : metric.resource,
    );
    return resource.name === "cpu" && asObject(resource.target).type === "Utilization";
  });
}

export function sidecarResourceFindings(
  workload: ManifestObject,
  service: string,
  autoscaler: ManifestObject | undefined,
): Diagnostic[] {
  const onCpu = autoscaler !== undefined && scalesOnCpuUtilization(autoscaler);
  return podContainers(workload, service).flatMap(({ container, first, init, path, who }) => {
    if (first || init) return [];
    const resources = asObject(container.resources);
    const stated = (resource: string) =>
      asObject(resources.requests)[resource] !== undefined ||
      asObject(resources.limits)[resource] !== undefined;
    const memory = stated("memory");
    const cpu = stated("cpu");
    const at = locate(workload.yaml, [...path, "name"], "value");
    const found: Diagnostic[] = [];
    if (!memory || !cpu)
      found.push(
        diagnostic(
          "no-resource-limits",
          "warning",
          `${who} states ${memory ? "no CPU request" : cpu ? "no memory request or limit" : "no memory or CPU"}`,
          at,
          { hint: "set resources.requests (and resources.limits.memory) on this container too" },
        ),
      );
    if (onCpu && !cpu)
      found.push(
        diagnostic(
          "hpa-without-cpu-request",
          "error",
          `${who} requests no CPU, and the autoscaler of '${service}' scales on CPU utilisation: it cannot compute the pods' use`,
          at,
          { hint: "set resources.requests.cpu on every container of the pod (250m, say)" },
        ),
      );
    return found;
  });
}
