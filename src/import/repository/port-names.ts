/**
 * One port, one name: when a later file set names a port the service already has under another
 * name (compose's p80 and a Kubernetes Service's http, both 80), the later set's instances and
 * routes are made to use the first name, so the service does not declare the port twice.
 */
import type { ServiceInputType } from "../../model/schema.js";
import { inputNodes } from "../input-nodes.js";
import { isObject } from "../json.js";

type Ports = NonNullable<ServiceInputType["ports"]>;

const numberOf = (port: Ports[string]) => (typeof port === "number" ? port : port.port);
const protocolOf = (port: Ports[string]) => (typeof port === "number" ? "tcp" : (port.protocol ?? "tcp"));

/** Names the other definition gives to ports the first already names: other name → first name. */
export function portRenames(first: ServiceInputType, other: ServiceInputType): Map<string, string> {
  const renames = new Map<string, string>();
  const firstPorts = Object.entries(first.ports ?? {});
  // A name the other set uses itself, or gives another of its ports already, is taken: one
  // container port published on two host ports ("8080:80" and "443:80") stays two ports.
  const taken = new Set(Object.keys(other.ports ?? {}));
  for (const [name, port] of Object.entries(other.ports ?? {})) {
    if (Object.hasOwn(first.ports ?? {}, name)) continue;
    const same = firstPorts.find(
      ([firstName, p]) =>
        !taken.has(firstName) && numberOf(p) === numberOf(port) && protocolOf(p) === protocolOf(port),
    );
    if (!same) continue;
    renames.set(name, same[0]);
    taken.add(same[0]);
  }
  return renames;
}

/** The other definition's ports without those the first names already. */
export function withoutRenamed(other: ServiceInputType, renames: Map<string, string>): ServiceInputType {
  if (renames.size === 0 || !other.ports) return other;
  return {
    ...other,
    ports: Object.fromEntries(Object.entries(other.ports).filter(([name]) => !renames.has(name))),
  };
}

/** Rewrites the environment's instances of `id` and the routes to it to use the first names. */
export function renamePortsIn(environment: unknown, id: string, renames: Map<string, string>): void {
  if (renames.size === 0) return;
  const rename = (name: unknown) => (typeof name === "string" ? (renames.get(name) ?? name) : name);
  for (const { node } of inputNodes(environment)) {
    const instance = isObject(node.run) ? node.run[id] : undefined;
    if (isObject(instance)) {
      if (Array.isArray(instance.publish)) instance.publish = instance.publish.map(rename);
      else if (isObject(instance.publish))
        instance.publish = Object.fromEntries(
          Object.entries(instance.publish).map(([name, host]) => [rename(name), host]),
        );
    }
    for (const route of Object.values(isObject(node.routes) ? node.routes : {}))
      if (isObject(route) && route.to === id) route.port = rename(route.port);
  }
}
