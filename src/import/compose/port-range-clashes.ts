/** Clashes of the host port ranges compose files publish, which the model does not keep whole. */
import { startTogether } from "../../model/profiles.js";
import { bindsOverlap } from "../../model/published.js";
import type { Port } from "./ports.js";

/** A fixed host port a service publishes, with where, and the profiles it starts in. */
export interface HostPort {
  id: string;
  index: number;
  port: Port & { host: number };
  profiles: string[];
}

const portsText = (port: Port & { host: number }) =>
  port.hostEnd === undefined ? `host port ${port.host}` : `host ports ${port.host}-${port.hostEnd}`;

/**
 * Host port ranges that meet another published port on the host. The model keeps a range's first
 * port, so two single ports are the preflight's to find; a range against anything is found here.
 */
export function rangeClashes(published: readonly HostPort[]): { id: string; index: number; text: string }[] {
  const clashes: { id: string; index: number; text: string }[] = [];
  // Most files publish no range: nothing to compare.
  if (!published.some(({ port }) => port.hostEnd !== undefined)) return clashes;
  const end = (p: Port & { host: number }) => p.hostEnd ?? p.host;
  published.forEach((later, at) => {
    const earlier = published.find(
      ({ port, profiles }, index) =>
        index < at &&
        startTogether(profiles, later.profiles) &&
        (port.hostEnd !== undefined || later.port.hostEnd !== undefined) &&
        port.protocol === later.port.protocol &&
        bindsOverlap(port.bind, later.port.bind) &&
        port.host <= end(later.port) &&
        later.port.host <= end(port),
    );
    if (earlier)
      clashes.push({
        id: later.id,
        index: later.index,
        text: `${portsText(later.port)} overlap${later.port.hostEnd === undefined ? "s" : ""} ${portsText(earlier.port)}, which '${earlier.id}' already publishes on this host`,
      });
  });
  return clashes;
}
