/**
 * What the Services in front of a workload say of its ports: the names they give its container
 * ports, and which ports a LoadBalancer or NodePort Service publishes outside the cluster.
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { isPrototypeName, prototypePortRenamed } from "../prototype-names.js";
import { asArray, asObject, isObject, type ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export interface ServicePorts {
  /** Container port → the name the first Service to name it gives it. */
  names: Map<number, string>;
  /** Every container port a Service sends traffic to, with its name (targetPort without containerPort too). */
  targets: ServiceTarget[];
  /** A port the model names otherwise than the Service does, as it may not hold the Service's name. */
  renamed: Diagnostic[];
}

/** A container port a Service sends traffic to, and where the Service writes it (from its root). */
export interface ServiceTarget {
  port: number;
  name: string;
  protocol?: string;
  service: ManifestObject;
  at: KeyPath;
}

export function servicePorts(fronting: readonly ManifestObject[]): ServicePorts {
  const names = new Map<number, string>();
  const targets: ServicePorts["targets"] = [];
  const renamed: Diagnostic[] = [];
  for (const service of fronting) {
    asArray(asObject(service.value.spec).ports).forEach((port, index) => {
      if (!isObject(port)) return;
      // A targetPort by name is a container's port, which the container declares or nothing does.
      if (typeof port.targetPort === "string") return;
      const target =
        typeof port.targetPort === "number"
          ? port.targetPort
          : typeof port.port === "number"
            ? port.port
            : undefined;
      if (target === undefined) return;
      // A name no model may hold as a key (prototype-names.ts) goes by the port's number, and is
      // reported as renamed where Kubernetes takes it: invalid-port-name reports __proto__, which
      // it refuses.
      const refused = typeof port.name === "string" && isPrototypeName(port.name);
      const name = typeof port.name === "string" && !refused ? port.name : `p${target}`;
      if (refused && port.name !== "__proto__")
        renamed.push(
          prototypePortRenamed(
            String(port.name),
            `the port '${String(port.name)}' of Service '${service.name}'`,
            name,
            locateIn(service, [...service.base, "spec", "ports", index, "name"], "value"),
          ),
        );
      if (!names.has(target)) names.set(target, name);
      targets.push({
        port: target,
        name,
        ...(typeof port.protocol === "string" ? { protocol: port.protocol } : {}),
        service,
        at: ["spec", "ports", index, typeof port.targetPort === "number" ? "targetPort" : "port"],
      });
    });
  }
  return { names, targets, renamed };
}

/**
 * The workload's ports a LoadBalancer or NodePort Service publishes: model port name → host port,
 * or {} where a NodePort Service names no nodePort and the cluster picks one, each noted at the
 * Service's port with `noteAt`.
 */
export function publishedPorts(
  fronting: readonly ManifestObject[],
  portNames: ReadonlyMap<number, string>,
  noteAt: (service: ManifestObject, portName: string, manifestPath: KeyPath) => void,
): Record<string, number | Record<string, never>> {
  const publish: Record<string, number | Record<string, never>> = {};
  for (const service of fronting) {
    const spec = asObject(service.value.spec);
    if (spec.type !== "LoadBalancer" && spec.type !== "NodePort") continue;
    asArray(spec.ports).forEach((raw, portIndex) => {
      const port = asObject(raw);
      const target = typeof port.targetPort === "number" ? port.targetPort : port.port;
      // A name no container gives is service-target-port-unknown's to report, not a port to publish.
      const portName =
        typeof port.targetPort === "string"
          ? [...portNames.values()].find((name) => name === port.targetPort)
          : portNames.get(Number(target));
      // A NodePort Service opens its nodePort on every node: one the cluster picks where it names none.
      const picked = spec.type === "NodePort" && (port.nodePort === undefined || port.nodePort === null);
      const host = spec.type === "NodePort" ? port.nodePort : port.port;
      if (!portName || (!picked && typeof host !== "number") || Object.hasOwn(publish, portName)) return;
      publish[portName] = typeof host === "number" ? host : {};
      noteAt(service, portName, ["spec", "ports", portIndex]);
    });
  }
  return publish;
}
