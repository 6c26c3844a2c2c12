/** Clashes of the host port ranges compose files publish, which the model does not keep whole. */
import { quotedNames } from "../../diagnostics.js";
import { startTogether } from "../../model/profiles.js";
import { dockerBindsOverlap, hostPortsText } from "../../model/published.js";
import type { Port } from "./ports.js";

/** A fixed host port a service publishes, with where, and the profiles it starts in. */
export interface HostPort {
  id: string;
  index: number;
  port: Port & { host: number };
  profiles: string[];
}

/**
 * Host ports published where others published before them on the same ports: found at the later,
 * naming each earlier one. Those that publish the very same ports are named together, so that
 * thousands of alternatives on one range, each clashing with one in no profile, make one finding.
 */
export interface RangeClash {
  /** The ports of one entry that clash: a range's own, or those of a spread range that meet the earlier ones. */
  later: HostPort[];
  /**
   * In the order published, by the ports they publish: those that publish the same ones together,
   * and those of the same services (the ports of a spread range) in one clash.
   */
  earlier: HostPort[];
}

const end = (port: Port & { host: number }) => port.hostEnd ?? port.host;
const isRange = (entry: HostPort) => entry.port.hostEnd !== undefined;

/**
 * Under this key, every entry, whatever its profiles; under "", those in no profile (no profile is
 * named either: Compose's names start with a letter or digit).
 */
const EVERY = "*";
/** Under this key, those in more profiles than are worth a list each (a file's own is not bounded). */
const MANY = "+";
const FEW = 4;

/**
 * The entries whose ports reach the port a sweep in the order of first ports has come to, by
 * protocol and profile, so that each is compared with those it may clash with, not with every
 * other: a generated file of thousands of services, each in a profile of its own and all on one
 * range, took seconds per thousand. An entry the sweep has passed is dropped from a list when the
 * list is next looked at.
 */
class Open {
  private readonly lists = new Map<string, number[]>();

  constructor(private readonly published: readonly HostPort[]) {}

  add(index: number): void {
    const entry = this.published[index]!;
    const own = [...new Set(entry.profiles)];
    const profiles = own.length === 0 ? [""] : own.length > FEW ? [MANY] : own;
    for (const profile of [EVERY, ...profiles]) {
      const key = `${entry.port.protocol}\u0000${profile}`;
      const list = this.lists.get(key);
      if (list) list.push(index);
      else this.lists.set(key, [index]);
    }
  }

  /**
   * Those still open at `entry`'s first port that it may clash with: one in no profile starts with
   * every other; one in profiles, with those in none and those that share one of its profiles (see
   * startTogether).
   */
  candidates(entry: HostPort): Set<number> {
    const profiles = entry.profiles.length === 0 ? [EVERY] : ["", MANY, ...new Set(entry.profiles)];
    const found = new Set<number>();
    for (const profile of profiles) {
      const list = this.lists.get(`${entry.port.protocol}\u0000${profile}`);
      if (!list) continue;
      let kept = 0;
      for (const index of list)
        if (end(this.published[index]!.port) >= entry.port.host) {
          list[kept++] = index;
          found.add(index);
        }
      list.length = kept;
    }
    return found;
  }
}

/**
 * Host port ranges that meet another published port on the host, each pair once. The model keeps
 * the first port of a range it does not spread (ports.ts), so two entries that start on one port
 * are the preflight's to find, as two single ports are; such a range meeting anything else is found
 * here. A sweep in the order of first ports compares each with those whose ports it reaches.
 */
export function rangeClashes(published: readonly HostPort[]): RangeClash[] {
  // Most files publish no range: nothing to compare.
  if (!published.some(isRange)) return [];
  const clash = (a: HostPort, b: HostPort) =>
    a.port.host !== b.port.host &&
    startTogether(a.profiles, b.profiles) &&
    dockerBindsOverlap(a.port.bind, b.port.bind);
  // Single ports apart, so that many on one port are not compared with one another.
  const ranges = new Open(published);
  const singles = new Open(published);
  /** By the later's place: the earlier ones, by the ports they publish. */
  const found = new Map<number, Map<string, number[]>>();
  const order = published
    .map((_, index) => index)
    .sort((a, b) => published[a]!.port.host - published[b]!.port.host);
  for (const index of order) {
    const entry = published[index]!;
    const open = isRange(entry)
      ? [...ranges.candidates(entry), ...singles.candidates(entry)]
      : ranges.candidates(entry);
    for (const other of open) {
      if (!clash(published[other]!, entry)) continue;
      const [earlier, later] = other < index ? [other, index] : [index, other];
      const port = published[earlier]!.port;
      const byPorts = found.get(later) ?? new Map<string, number[]>();
      found.set(later, byPorts);
      const key = `${port.host}-${end(port)}`;
      const same = byPorts.get(key);
      if (same) same.push(earlier);
      else byPorts.set(key, [earlier]);
    }
    (isRange(entry) ? ranges : singles).add(index);
  }
  const clashes = [...found.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([later, byPorts]) =>
      [...byPorts.values()]
        .map((earlier) => earlier.sort((a, b) => a - b))
        .sort((a, b) => a[0]! - b[0]!)
        .map((earlier) => ({ later: [published[later]!], earlier: earlier.map((i) => published[i]!) })),
    );
  return byEntry(clashes);
}

/**
 * Clashes of one entry with the same services put together: the ports of a spread range inside a
 * long one, and a long range over each port of another's spread range (1-65535 over 5000-5001),
 * are one finding naming those ports, not one a port.
 */
function byEntry(clashes: readonly RangeClash[]): RangeClash[] {
  const joined = new Map<string, { later: Set<HostPort>; earlier: Set<HostPort> }>();
  for (const { later, earlier } of clashes) {
    const { id, index, port } = later[0]!;
    const key = [id, index, port.protocol, ...new Set(earlier.map((e) => e.id))].join("\u0000");
    const same = joined.get(key) ?? { later: new Set<HostPort>(), earlier: new Set<HostPort>() };
    joined.set(key, same);
    for (const entry of later) same.later.add(entry);
    for (const entry of earlier) same.earlier.add(entry);
  }
  return [...joined.values()].map(({ later, earlier }) => ({ later: [...later], earlier: [...earlier] }));
}

/** The host ports entries publish, as runs: a spread range's ports read as the range. */
const portsOf = (entries: readonly HostPort[]) =>
  hostPortsText(entries.map((e) => [e.port.host, end(e.port)] as const));

/** What a clash says: the ports of both, who published them, and where both are ranges, which ports both take. */
export function rangeClashText({ later, earlier }: RangeClash): string {
  const port = earlier[0]!.port;
  const own = later[0]!.port;
  const ids = [...new Set(earlier.map((e) => e.id))];
  const first = Math.max(own.host, port.host);
  const last = Math.min(end(own), end(port));
  const shared =
    later.length === 1 &&
    own.hostEnd !== undefined &&
    port.hostEnd !== undefined &&
    earlier.every((e) => e.port.host === port.host && e.port.hostEnd === port.hostEnd)
      ? ` (both take ${first === last ? first : `${first}-${last}`})`
      : "";
  const one = later.length === 1 && own.hostEnd === undefined;
  return `'${later[0]!.id}' publishes ${portsOf(later)}, which overlap${one ? "s" : ""} ${portsOf(earlier)} that ${quotedNames(ids)} already publish${ids.length === 1 ? "es" : ""} on this host${shared}`;
}
