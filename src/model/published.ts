import type { PublishedPort } from "./types.js";

/** The host port as text: its number, a pool of them (`8090-8093`), or "any" where the system picks a free one. */
export function hostPortText(port: Pick<PublishedPort, "host" | "hostLast">): string {
  if (port.host === undefined) return "any";
  return port.hostLast === undefined ? String(port.host) : `${port.host}-${port.hostLast}`;
}

/** How many containers can publish the port at once: one on a fixed host port, one each on a pool's. */
export function hostPortCount(port: Pick<PublishedPort, "host" | "hostLast">): number {
  if (port.host === undefined) return Number.POSITIVE_INFINITY;
  return port.hostLast === undefined ? 1 : port.hostLast - port.host + 1;
}

/** An address that binds every interface: no bind at all, or the wildcard of IPv4 or IPv6. */
const everyInterface = (bind: string | undefined) =>
  bind === undefined || bind === "0.0.0.0" || bind === "::";

/** Whether two binds of one port take the same address: the same one, or every interface on either side. */
export function bindsOverlap(a: string | undefined, b: string | undefined): boolean {
  return everyInterface(a) || everyInterface(b) || a === b;
}
