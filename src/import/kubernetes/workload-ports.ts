/**
 * A container's ports as the model's: each named as the container names it, else as the Service in
 * front of it does, else p<port>; and the ports only a Service names (a targetPort the container
 * does not declare), which the container listens on all the same.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import type { ServiceInputType } from "../../model/schema.js";
import { asArray, isObject, type Json } from "./objects.js";
import type { WorkloadContext } from "./workload.js";

export interface ContainerPorts {
  ports: NonNullable<ServiceInputType["ports"]>;
  /** Container port → model port name. */
  names: Map<number, string>;
}

export function containerPorts(
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  context: WorkloadContext,
): ContainerPorts {
  const names = new Map<number, string>();
  const ports: ContainerPorts["ports"] = {};
  asArray(container.ports).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.containerPort !== "number") return;
    const name =
      (typeof raw.name === "string" ? raw.name : undefined) ??
      context.servicePortNames.get(raw.containerPort) ??
      `p${raw.containerPort}`;
    if (Object.hasOwn(ports, name)) return;
    ports[name] = raw.protocol === "UDP" ? { port: raw.containerPort, protocol: "udp" } : raw.containerPort;
    names.set(raw.containerPort, name);
    context.note([...servicePath, "ports", name], [...containerPath, "ports", index]);
  });
  for (const target of context.serviceTargets) {
    if (names.has(target.port) || Object.hasOwn(ports, target.name)) continue;
    ports[target.name] = target.protocol === "UDP" ? { port: target.port, protocol: "udp" } : target.port;
    names.set(target.port, target.name);
  }
  return { ports, names };
}

/**
 * A port as a probe names it, as the model does: by its model name where it has one, else by number.
 * A name the container does not give is reported where it is written (probe-problems.ts), and left out.
 */
export function portReference({ ports, names }: ContainerPorts, port: unknown): string | number | undefined {
  if (typeof port === "number") return names.get(port) ?? port;
  if (typeof port === "string" && /^\d+$/.test(port)) return names.get(Number(port)) ?? Number(port);
  if (typeof port === "string" && Object.hasOwn(ports, port)) return port;
  return undefined;
}
