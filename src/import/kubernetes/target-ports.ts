/**
 * A Service's targetPort given by name is looked up among the ports the selected pods' containers
 * name; where none of them names it, the Service has no port to send traffic to. A number needs no
 * declaration (a container may listen where it declares nothing), so only names are checked.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { asArray, asObject, isObject, type ManifestObject, podContainers } from "./objects.js";
import { portNameProblem } from "./port-names.js";

function namedPorts(workload: ManifestObject): string[] {
  return podContainers(workload).flatMap(({ container }) =>
    asArray(container.ports).flatMap((port) => {
      const name = asObject(port).name;
      return typeof name === "string" ? [name] : [];
    }),
  );
}

/** `selected`: the workloads whose pods each Service selects (none for one that selects nothing). */
export function targetPortFindings(
  selected: ReadonlyMap<ManifestObject, readonly ManifestObject[]>,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [service, workloads] of selected) {
    if (workloads.length === 0) continue;
    const names = new Set(workloads.flatMap(namedPorts));
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
