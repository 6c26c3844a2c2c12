/**
 * A container's ports as the model's: each named as the container names it, else as the Service in
 * front of it does, else p<port>; and the ports only a Service names (a targetPort the container
 * does not declare), which the container listens on all the same.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import { isPortNumber } from "../../model/port-number.js";
import type { ServiceInputType } from "../../model/schema.js";
import { isPrototypeName, prototypePortRenamed } from "../prototype-names.js";
import { asArray, isObject, type Json, type ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import type { WorkloadContext } from "./workload.js";

export interface ContainerPorts {
  ports: NonNullable<ServiceInputType["ports"]>;
  /** Container port → model port name. */
  names: Map<number, string>;
}

export function containerPorts(
  object: ManifestObject,
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  context: WorkloadContext,
): ContainerPorts {
  const names = new Map<number, string>();
  const ports: ContainerPorts["ports"] = {};
  asArray(container.ports).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.containerPort !== "number") return;
    // A name no model may hold as a key (prototype-names.ts) goes by the Service's name or the
    // port's number, and is reported as renamed where Kubernetes takes it: invalid-port-name
    // reports __proto__, which it refuses.
    const refused = typeof raw.name === "string" && isPrototypeName(raw.name);
    const name =
      (typeof raw.name === "string" && !refused ? raw.name : undefined) ??
      context.servicePortNames.get(raw.containerPort) ??
      `p${raw.containerPort}`;
    if (refused && raw.name !== "__proto__")
      context.diagnostics.push(
        prototypePortRenamed(
          String(raw.name),
          `the port '${String(raw.name)}' of container '${String(container.name)}' of ${object.kind} '${object.name}'`,
          name,
          locateIn(object, [...containerPath, "ports", index, "name"], "value"),
        ),
      );
    if (Object.hasOwn(ports, name)) return;
    ports[name] = raw.protocol === "UDP" ? { port: raw.containerPort, protocol: "udp" } : raw.containerPort;
    names.set(raw.containerPort, name);
    context.note([...servicePath, "ports", name], [...containerPath, "ports", index]);
  });
  for (const target of context.serviceTargets) {
    if (names.has(target.port) || Object.hasOwn(ports, target.name)) continue;
    ports[target.name] = target.protocol === "UDP" ? { port: target.port, protocol: "udp" } : target.port;
    names.set(target.port, target.name);
    // Found where the Service sends traffic to it: the container says nothing of it.
    context.noteFor(target.service)([...servicePath, "ports", target.name], target.at, "value");
  }
  return { ports, names };
}

/**
 * A port as a probe names it, as the model does: by its model name where it has one, else by number.
 * The kubelet looks a name up among the container's own ports only, not among the names a Service
 * gives them. A name the container does not give, and a number that is no port, are reported where
 * they are written (probe-problems.ts), and left out.
 */
export function portReference(
  { names }: ContainerPorts,
  container: Json,
  port: unknown,
): string | number | undefined {
  const number = typeof port === "string" && /^\d+$/.test(port) ? Number(port) : port;
  if (isPortNumber(number)) return names.get(number) ?? number;
  if (typeof port !== "string") return undefined;
  const named = asArray(container.ports).find((p) => isObject(p) && p.name === port);
  const containerPort = isObject(named) ? named.containerPort : undefined;
  return isPortNumber(containerPort) ? (names.get(containerPort) ?? containerPort) : undefined;
}
