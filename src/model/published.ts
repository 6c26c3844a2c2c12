import { inWords } from "../collections.js";
import type { PublishedPort } from "./types.js";

/** The host port as text: its number, a pool of them (`8090-8093`), or "any" where the system picks a free one. */
export function hostPortText(port: Pick<PublishedPort, "host" | "hostLast">): string {
  if (port.host === undefined) return "any";
  return port.hostLast === undefined ? String(port.host) : `${port.host}-${port.hostLast}`;
}

/**
 * Where a port is published, as a finding says it: "port 8080", "host ports 8000-8005" (a pool,
 * named whole: the container takes any free port of it) or "a host port the system picks (for 5432)".
 */
export function publishedOnText(port: Pick<PublishedPort, "host" | "hostLast" | "port">): string {
  if (port.host === undefined) return `a host port the system picks (for ${port.port.port})`;
  return `${port.hostLast === undefined ? "port" : "host ports"} ${hostPortText(port)}`;
}

/**
 * Host ports as runs of neighbours: "host port 8080", "host ports 10090-10100", "host ports 80 and
 * 443", so that the ports of a range read as the range, and a long list is cut short.
 */
export function hostPortsText(spans: readonly (readonly [first: number, last: number])[]): string {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const runs: [number, number][] = [];
  for (const [first, last] of sorted) {
    const run = runs.at(-1);
    if (run && first <= run[1] + 1) run[1] = Math.max(run[1], last);
    else runs.push([first, last]);
  }
  const texts = runs.map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`));
  const named = texts.slice(0, 4);
  const list = inWords(named, texts.length - named.length);
  const one = runs.length === 1 && runs[0]![0] === runs[0]![1];
  return `host port${one ? "" : "s"} ${list}`;
}

/** How many containers can publish the port at once: one on a fixed host port, one each on a pool's. */
export function hostPortCount(port: Pick<PublishedPort, "host" | "hostLast">): number {
  if (port.host === undefined) return Number.POSITIVE_INFINITY;
  return port.hostLast === undefined ? 1 : port.hostLast - port.host + 1;
}

/**
 * The transport a port's protocol travels on, which a host port is taken for: udp and sctp as
 * themselves, any other (http, postgres, tcp) on tcp. One port taken for each is no clash.
 */
export function transportOf(protocol: string): "tcp" | "udp" | "sctp" {
  const lower = protocol.toLowerCase();
  return lower === "udp" || lower === "sctp" ? lower : "tcp";
}

/**
 * Whether a service in this network mode publishes ports of its own: on a bridge (the default, or
 * one it names) it does; on the host's network Docker discards them, in another container's network
 * stack (service: or container:) it refuses them, and with none there is no network to publish on.
 */
export function publishesInNetworkMode(mode: string | undefined): boolean {
  return mode === undefined || !/^(?:host|none|service:.*|container:.*)$/.test(mode);
}

/** An address that binds every interface: no bind at all, or the wildcard of IPv4 or IPv6. */
const everyInterface = (bind: string | undefined) =>
  bind === undefined || bind === "0.0.0.0" || bind === "::";

/** Whether two binds of one port take the same address: the same one, or every interface on either side. */
export function bindsOverlap(a: string | undefined, b: string | undefined): boolean {
  return everyInterface(a) || everyInterface(b) || a === b;
}

/** An address without the brackets Compose may write around IPv6 ([::1]). */
export const withoutBrackets = (bind: string): string => bind.replace(/^\[(.*)\]$/, "$1");

/**
 * Whether two binds of one port take the same address on a Docker host, which publishes a port with
 * no address on 0.0.0.0 and :: both, but on 0.0.0.0 alone the IPv4 addresses and on :: alone the
 * IPv6 ones: 0.0.0.0:8080 and [::1]:8080 do not meet.
 */
export function dockerBindsOverlap(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const [x, y] = [withoutBrackets(a), withoutBrackets(b)];
  if (x.includes(":") !== y.includes(":")) return false;
  return x === y || [x, y].some((address) => address === "0.0.0.0" || address === "::");
}
