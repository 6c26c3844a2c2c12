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

/** Ports in groups of this many: an entry is compared with those published in the groups it spans. */
const GROUP = 4096;
/**
 * Under this key, every entry of a group, whatever its profiles; under "", those in no profile (no
 * profile is named either: Compose's names start with a letter or digit).
 */
const EVERY = "*";
/** Under this key, those in more profiles than are worth a list each (a file's own is not bounded). */
const MANY = "+";
const FEW = 4;

const end = (port: Port & { host: number }) => port.hostEnd ?? port.host;

/**
 * The entries published so far, by protocol, group of ports and profile, so that each is compared
 * with those it may clash with, not with every other: a generated file of thousands of services,
 * each in a profile of its own and all on one range, took seconds per thousand.
 */
class Published {
  private readonly lists = new Map<string, number[]>();

  private *keys(entry: HostPort, profiles: readonly string[]): Generator<string> {
    const last = Math.floor(end(entry.port) / GROUP);
    for (let group = Math.floor(entry.port.host / GROUP); group <= last; group++)
      for (const profile of profiles) yield `${entry.port.protocol}\u0000${group}\u0000${profile}`;
  }

  add(entry: HostPort, index: number): void {
    const own = [...new Set(entry.profiles)];
    const profiles = own.length === 0 ? [""] : own.length > FEW ? [MANY] : own;
    for (const key of this.keys(entry, [EVERY, ...profiles])) {
      const list = this.lists.get(key);
      if (list) list.push(index);
      else this.lists.set(key, [index]);
    }
  }

  /**
   * Where to look for what `entry` may clash with: one in no profile starts with every other; one
   * in profiles, with those in none and those that share one of its profiles (see startTogether).
   */
  *candidates(entry: HostPort): Generator<readonly number[]> {
    const profiles = entry.profiles.length === 0 ? [EVERY] : ["", MANY, ...new Set(entry.profiles)];
    for (const key of this.keys(entry, profiles)) {
      const list = this.lists.get(key);
      if (list) yield list;
    }
  }
}

/**
 * Host port ranges that meet another published port on the host. The model keeps the first port of
 * a range it does not spread (ports.ts), so two entries that start on one port are the preflight's
 * to find, as two single ports are; such a range meeting anything else is found here.
 */
export function rangeClashes(published: readonly HostPort[]): { id: string; index: number; text: string }[] {
  const clashes: { id: string; index: number; text: string }[] = [];
  // Most files publish no range: nothing to compare.
  if (!published.some(({ port }) => port.hostEnd !== undefined)) return clashes;
  const clash = (earlier: HostPort, later: HostPort) =>
    startTogether(earlier.profiles, later.profiles) &&
    (earlier.port.hostEnd !== undefined || later.port.hostEnd !== undefined) &&
    earlier.port.host !== later.port.host &&
    earlier.port.protocol === later.port.protocol &&
    bindsOverlap(earlier.port.bind, later.port.bind) &&
    earlier.port.host <= end(later.port) &&
    later.port.host <= end(earlier.port);
  const index = new Published();
  published.forEach((later, at) => {
    // The first it clashes with, in the order they are published.
    let first: number | undefined;
    for (const list of index.candidates(later))
      for (const earlier of list) {
        if (first !== undefined && earlier >= first) break;
        if (clash(published[earlier]!, later)) first = earlier;
      }
    index.add(later, at);
    if (first === undefined) return;
    const earlier = published[first]!;
    clashes.push({
      id: later.id,
      index: later.index,
      text: `'${later.id}' publishes ${portsText(later.port)}, which overlap${later.port.hostEnd === undefined ? "s" : ""} ${portsText(earlier.port)} that '${earlier.id}' already publishes on this host`,
    });
  });
  return clashes;
}
