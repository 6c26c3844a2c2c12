/**
 * A Service's targetPort given by name is looked up among the ports the selected pods' containers
 * name; where none of them names it, the Service has no port to send traffic to. A number needs no
 * declaration (a container may listen where it declares nothing), so only names are checked.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { asArray, asObject, isObject, type ManifestObject, podSpecOf } from "./objects.js";
import { portNameProblem } from "./port-names.js";

function namedPorts(workload: ManifestObject): Set<string> {
  const { spec } = podSpecOf(workload);
  const names = new Set<string>();
  for (const container of [...asArray(spec.containers), ...asArray(spec.initContainers)].filter(isObject))
    for (const port of asArray(container.ports).filter(isObject))
      if (typeof port.name === "string") names.add(port.name);
  return names;
}

/** `selected`: the workloads whose pods each Service selects (none for one that selects nothing). */
export function targetPortFindings(
  selected: ReadonlyMap<ManifestObject, readonly ManifestObject[]>,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [service, workloads] of selected) {
    if (workloads.length === 0) continue;
    const names = new Set(workloads.flatMap((w) => [...namedPorts(w)]));
    asArray(asObject(service.value.spec).ports).forEach((port, index) => {
      if (!isObject(port) || typeof port.targetPort !== "string" || names.has(port.targetPort)) return;
      // A name Kubernetes refuses is invalid-port-name's to report.
      if (portNameProblem(port.targetPort)) return;
      const pods = workloads.map((w) => `'${w.name}'`).join(", ");
      found.push(
        diagnostic(
          "service-target-port-unknown",
          "error",
          `Service '${service.name}' sends traffic to the port named '${port.targetPort}', which no container of ${pods} names`,
          locate(service.yaml, [...service.base, "spec", "ports", index, "targetPort"], "value"),
        ),
      );
    });
  }
  return found;
}
