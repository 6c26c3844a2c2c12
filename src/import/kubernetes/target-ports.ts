/**
 * A Service's targetPort given by name is looked up among the ports the selected pods' containers
 * name for the Service port's protocol; where none of them names it so (a UDP port named where the
 * container names it for TCP only), the Service has no port to send traffic to. A number needs no
 * declaration (a container may listen where it declares nothing), so a number (or the Service's own
 * port, where targetPort is left out) that no container declares is a warning, and only where the
 * containers declare ports: then it is most likely the port they were meant to listen on.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asText } from "../json.js";
import {
  asArray,
  asObject,
  isObject,
  type ManifestObject,
  type PodContainer,
  podContainers,
} from "./objects.js";
import { locateIn, writtenIn } from "./patch-origin.js";
import { portNameProblem } from "./port-names.js";

/** 'a', 'b', 'c' and 12 others: a Service may select thousands of workloads. */
function listed(workloads: readonly ManifestObject[], shown = 3): string {
  const names = workloads.slice(0, shown).map((w) => `'${w.name}'`);
  const others = workloads.length - names.length;
  return others > 0 ? `${names.join(", ")} and ${others} other${others > 1 ? "s" : ""}` : names.join(", ");
}

/** What the containers of the selected pods name and declare, once for each selection. */
interface SelectedPorts {
  /** Each name a container gives a port, with the protocols of the ports so named. */
  names: ReadonlyMap<string, ReadonlySet<string>>;
  /** Empty where a workload declares no port: it may listen on any. */
  numbers: ReadonlySet<number>;
  /** The first eight of them as they are written, for a message: a pod may declare thousands. */
  declared: () => string;
}

function selectedPorts(workloads: readonly ManifestObject[]): SelectedPorts {
  const names = new Map<string, Set<string>>();
  for (const [name, protocol] of workloads.flatMap(namedPorts))
    names.set(name, (names.get(name) ?? new Set()).add(protocol));
  const declared = workloads.map(declaredNumbers);
  const numbers = new Set(declared.every((ports) => ports.length > 0) ? declared.flat() : []);
  let said: string | undefined;
  const quoted = () => {
    said ??= declaredAsWritten(workloads, numbers);
    return said;
  };
  return { names, numbers, declared: quoted };
}

/**
 * The containers a Service sends to: the pod's containers and native sidecars, not an init container
 * that is done before the pod is ready (Kubernetes looks no name up in it).
 */
function servingContainers(workload: ManifestObject): PodContainer[] {
  return podContainers(workload).filter(({ init, sidecar }) => !init || sidecar);
}

function declaredNumbers(workload: ManifestObject): number[] {
  return servingContainers(workload).flatMap(({ container }) =>
    asArray(container.ports).flatMap((port) => {
      const number = asObject(port).containerPort;
      return typeof number === "number" ? [number] : [];
    }),
  );
}

/**
 * The first eight of `numbers` as the first container to declare each writes it (0x1F90, not
 * 8080): looked for again only for a finding's message.
 */
function declaredAsWritten(workloads: readonly ManifestObject[], numbers: ReadonlySet<number>): string {
  const first = new Map<number, string>();
  for (const workload of workloads)
    for (const { container, path } of servingContainers(workload))
      asArray(container.ports).forEach((port, index) => {
        const number = asObject(port).containerPort;
        if (typeof number !== "number" || first.has(number) || first.size === 8) return;
        first.set(number, writtenIn(workload, [...path, "ports", index, "containerPort"], number));
      });
  return `${[...first.values()].join(", ")}${numbers.size > first.size ? ", …" : ""}`;
}

/** Each port a container names, and its protocol (TCP where it gives none). */
function namedPorts(workload: ManifestObject): [string, string][] {
  return servingContainers(workload).flatMap(({ container }) =>
    asArray(container.ports).flatMap((port): [string, string][] => {
      const { name, protocol } = asObject(port);
      return typeof name === "string" ? [[name, asText(protocol ?? "TCP")]] : [];
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
            `Service '${service.name}' sends traffic to port ${writtenIn(service, path, target)}, which no container of ${pods} declares (they declare ${declared()})`,
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
      if (typeof port.targetPort !== "string") return;
      const protocol = asText(port.protocol ?? "TCP");
      const protocols = names.get(port.targetPort);
      if (protocols?.has(protocol)) return;
      if (protocols) {
        const named = [...protocols].join(" and ");
        found.push(
          diagnostic(
            "service-target-port-unknown",
            "error",
            `Service '${service.name}' sends ${protocol} traffic to the port named '${port.targetPort}', which the containers of ${pods} name only for ${named}`,
            locateIn(service, [...service.base, "spec", "ports", index, "targetPort"], "value"),
            {
              hint: `give the Service's port protocol: ${[...protocols][0]}, or name a container port of protocol ${protocol} (ports: [{ name: …, containerPort: …, protocol: ${protocol} }])`,
            },
          ),
        );
        return;
      }
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
