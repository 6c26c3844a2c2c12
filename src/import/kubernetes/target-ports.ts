/**
 * A Service's targetPort given by name is looked up among the ports the selected pods' containers
 * name; where none of them names it, the Service has no port to send traffic to. A number needs no
 * declaration (a container may listen where it declares nothing), so a number (or the Service's own
 * port, where targetPort is left out) that no container declares is a warning, and only where the
 * containers declare ports: then it is most likely the port they were meant to listen on.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asArray, asObject, isObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import { portNameProblem } from "./port-names.js";

/** 'a', 'b', 'c' and 12 others: a Service may select thousands of workloads. */
function listed(workloads: readonly ManifestObject[], shown = 3): string {
  const names = workloads.slice(0, shown).map((w) => `'${w.name}'`);
  const others = workloads.length - names.length;
  return others > 0 ? `${names.join(", ")} and ${others} other${others > 1 ? "s" : ""}` : names.join(", ");
}

/** What the containers of the selected pods name and declare, once for each selection. */
interface SelectedPorts {
  names: ReadonlySet<string>;
  /** Empty where a workload declares no port: it may listen on any. */
  numbers: ReadonlySet<number>;
  /** The first eight of them, for a message: a pod may declare thousands. */
  declared: string;
}

function selectedPorts(workloads: readonly ManifestObject[]): SelectedPorts {
  const names = new Set(workloads.flatMap(namedPorts));
  const declared = workloads.map(declaredNumbers);
  const numbers = new Set(declared.every((ports) => ports.length > 0) ? declared.flat() : []);
  const first = [...numbers].slice(0, 8);
  return { names, numbers, declared: `${first.join(", ")}${numbers.size > first.length ? ", …" : ""}` };
}

function declaredNumbers(workload: ManifestObject): number[] {
  return podContainers(workload).flatMap(({ container }) =>
    asArray(container.ports).flatMap((port) => {
      const number = asObject(port).containerPort;
      return typeof number === "number" ? [number] : [];
    }),
  );
}

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
  // Services with one selector share the list of what it selects (service-selection.ts).
  const ports = new Map<readonly ManifestObject[], SelectedPorts>();
  for (const [service, workloads] of selected) {
    if (workloads.length === 0) continue;
    const known = ports.get(workloads) ?? selectedPorts(workloads);
    ports.set(workloads, known);
    const { names, numbers, declared } = known;
    const pods = listed(workloads);
    const headless = asObject(service.value.spec).clusterIP === "None";
    asArray(asObject(service.value.spec).ports).forEach((port, index) => {
      if (!isObject(port)) return;
      const target = port.targetPort ?? port.port;
      // A headless Service only names the pods: clients reach them at whatever port they dial.
      if (typeof target === "number" && numbers.size > 0 && !numbers.has(target) && !headless) {
        const path = [
          ...service.base,
          "spec",
          "ports",
          index,
          port.targetPort === undefined ? "port" : "targetPort",
        ];
        found.push(
          diagnostic(
            "service-target-port-unknown",
            "warning",
            `Service '${service.name}' sends traffic to port ${target}, which no container of ${pods} declares (they declare ${declared})`,
            locateIn(service, path, "value"),
            {
              hint:
                port.targetPort === undefined
                  ? "without targetPort the Service sends to its own port: set targetPort to the container's"
                  : "aim targetPort at the port the container listens on, or declare that port",
            },
          ),
        );
      }
      if (typeof port.targetPort !== "string" || names.has(port.targetPort)) return;
      // A name Kubernetes refuses is invalid-port-name's to report.
      if (portNameProblem(port.targetPort)) return;
      found.push(
        diagnostic(
          "service-target-port-unknown",
          "error",
          `Service '${service.name}' sends traffic to the port named '${port.targetPort}', which no container of ${pods} names`,
          locateIn(service, [...service.base, "spec", "ports", index, "targetPort"], "value"),
        ),
      );
    });
  }
  return found;
}
