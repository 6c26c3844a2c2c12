/**
 * Compose's ports and expose, read as the model's ports: the short syntax ("127.0.0.1:8080:80/udp",
 * "80") and the long one ({ target, published, host_ip }), host ranges, and the entries Docker
 * refuses, which are reported and left out. A range of container ports is a port each where it
 * is short, and the project's short ones are few (see spreadsRanges).
 */

import type { KeyPath } from "../../load/yaml-file.js";
import { isPortNumber } from "../../model/port-number.js";
import { withoutBrackets } from "../../model/published.js";
import type { Json } from "../json.js";
import { asText, isObject, textOf } from "../json.js";
import type { Reading } from "./reading.js";
import { exposedPort } from "./value-formats.js";
import type { WrittenAt } from "./written-numbers.js";

export interface Port {
  name: string;
  container: number;
  host?: number;
  /**
   * The last host port of a range mapped onto a range of the container's ("8000-8010:8000-8010"),
   * which takes every port of it, where the range is not spread: the model keeps the first,
   * and conflicts over the rest are found here (port-range-clashes.ts).
   */
  hostEnd?: number;
  /** The last port of a host range onto one container port ("9000-9001:80"): a pool, of which each container takes a free port. */
  hostLast?: number;
  bind?: string;
  protocol: string;
  index: number;
}

/**
 * Short ("127.0.0.1:8080:80/udp", "80") and long ({ target, published, host_ip }) port syntax. A
 * container port open for TCP and UDP both (DNS's 53) is two ports, the second named for its
 * protocol; one published on a second host port ("80:80", "8080:80") is another, named for that
 * host port, so both are documented and a clash on either is found. An entry written twice is one.
 */
function parsePorts(value: unknown, invalid: InvalidPort[], spreading: boolean): Port[] {
  const firstProtocol = new Map<string, string>();
  const names = new Set<string>();
  const publishes = new Set<string>();
  return portEntries(value, invalid)
    .flatMap((entry) => spread(entry, spreading))
    .flatMap((port) => {
      const publish = `${port.name}/${port.protocol}/${port.bind ?? ""}/${port.host ?? ""}`;
      if (publishes.has(publish)) return [];
      publishes.add(publish);
      const first = firstProtocol.get(port.name) ?? port.protocol;
      firstProtocol.set(port.name, first);
      let name = first === port.protocol ? port.name : `${port.name}-${port.protocol}`;
      if (names.has(name)) name = `${name}-${port.host ?? port.index}`;
      if (names.has(name)) name = `${name}-${port.index}`;
      names.add(name);
      return [name === port.name ? port : { ...port, name }];
    });
}

/**
 * The ports `expose` declares that no entry of `ports` already does: the service listens on them,
 * for other containers only. A range is spread as in `ports`; an entry Compose cannot read is
 * reported with the value formats and left out.
 */
export function exposedPorts(value: unknown, published: readonly Port[], spreading: boolean): Port[] {
  if (!Array.isArray(value)) return [];
  const taken = new Set(published.map((p) => `${p.container}/${p.protocol}`));
  const names = new Set(published.map((p) => p.name));
  return value.flatMap((entry, index): Port[] => {
    const read = typeof entry === "object" ? undefined : exposedPort(entry);
    if (!read || !isPortNumber(read.port)) return [];
    const written: Port & { last: number } = {
      name: `p${read.port}`,
      container: read.port,
      index,
      protocol: read.protocol,
      last: read.last ?? read.port,
    };
    return spread(written, spreading).flatMap((port) => {
      const { container, protocol } = port;
      if (taken.has(`${container}/${protocol}`)) return [];
      taken.add(`${container}/${protocol}`);
      let name = `p${container}`;
      if (names.has(name)) name = `${name}-${protocol}`;
      names.add(name);
      return [{ name, container, index, protocol }];
    });
  });
}

/**
 * The longest range spread into a port each. Ranges are short in practice (a few passive FTP or
 * SIP ports); a longer one (1-65535, an RTP range of thousands) would fill the model and every
 * document made from it with ports.
 */
const SPREAD_RANGE = 256;
/** The most ports a project's ranges are spread into: past it, a generated file of thousands of ranges is read whole as fast as before. */
const SPREAD_PORTS = 4096;

const rangeLength = (entry: { container: number; last: number }) => entry.last - entry.container + 1;
const spreadable = (length: number) => length > 1 && length <= SPREAD_RANGE;

/**
 * Whether the ranges of a project's services are spread: those short enough are, unless they add
 * up to more than SPREAD_PORTS. All or none, so that a range is read alike wherever it is written.
 */
export function spreadsRanges(services: Json): boolean {
  let ports = 0;
  for (const service of Object.values(services)) {
    if (!isObject(service)) continue;
    // Only an entry with a dash can be a range: the rest, nearly all, are not read twice.
    const ranged = (entries: unknown) => (Array.isArray(entries) ? entries.filter(mayBeRange) : []);
    const lengths = [
      ...portEntries(ranged(service.ports), []).map(rangeLength),
      ...ranged(service.expose).map((entry) => {
        const read = typeof entry === "object" ? undefined : exposedPort(entry);
        return read ? rangeLength({ container: read.port, last: read.last ?? read.port }) : 1;
      }),
    ];
    for (const length of lengths) if (spreadable(length)) ports += length;
    if (ports > SPREAD_PORTS) return false;
  }
  return true;
}

/** Whether a port entry may hold a range: a dash in it, or in its long syntax's ports. */
function mayBeRange(entry: unknown): boolean {
  if (!isObject(entry)) return asText(entry).includes("-");
  return [entry.target, entry.published].some((value) => value !== undefined && asText(value).includes("-"));
}

/**
 * Each port of a container range ("8000-8010:8000-8010", "9000-9002") on the host port at the same
 * place of the host range, so that every one is known: to the checks of the ports a service
 * declares, and to the clashes of host ports. A range not spread stays one port, its first, the
 * clashes of its host range found by its hostEnd (port-range-clashes.ts).
 */
function spread(entry: Port & { last: number }, spreading: boolean): Port[] {
  const { last, ...port } = entry;
  const count = rangeLength(entry);
  if (!spreading || !spreadable(count)) return [port];
  const { hostEnd: _, ...one } = port;
  return Array.from({ length: count }, (_, offset) => ({
    ...one,
    name: `p${port.container + offset}`,
    container: port.container + offset,
    ...(port.host === undefined ? {} : { host: port.host + offset }),
  }));
}

/** A port entry as written, for a message: of the long syntax, the fields it writes of those that say which port. */
function portText(value: unknown, at: KeyPath, written: WrittenAt): string {
  const item = Array.isArray(value) ? value[Number(at.at(-1))] : undefined;
  if (!isObject(item)) return written(at, item);
  const fields = (["target", "published", "host_ip", "protocol"] as const)
    .filter((field) => item[field] !== undefined && item[field] !== null)
    .map((field) => `${field} ${written([...at, field], item[field])}`);
  return fields.join(", ") || "{}";
}

/** The last port of a host range that a container range maps onto one to one; none for one port. */
function rangeEnd(host: string | undefined, container: string): number | undefined {
  const hostRange = /^(\d+)-(\d+)$/.exec(host ?? "");
  if (!hostRange || !/^\d+-\d+$/.test(container)) return undefined;
  const end = Number(hostRange[2]);
  return isPortNumber(end) && end > Number(hostRange[1]) ? end : undefined;
}

/** An entry Docker refuses, and why where it is more than a port no system has. */
interface InvalidPort {
  index: number;
  why?: string;
  hint?: string;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Whether an address is one Docker binds to: IPv4, or IPv6 with or without its brackets. */
function isIpAddress(address: string): boolean {
  const bare = withoutBrackets(address);
  if (IPV4.test(bare)) return true;
  return isIpv6(bare);
}

/**
 * IPv6 as Docker parses it: eight groups of one to four hexadecimal digits, the last two of which
 * may be an IPv4 address (::ffff:10.0.0.1), or fewer around one "::" that stands for at least one
 * group of zeros. Colons alone (":" of "::8080:80") or too few groups ("1:2") are none.
 */
function isIpv6(address: string): boolean {
  const halves = address.split("::");
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === "" ? [] : half.split(":")));
  const all = groups.flat();
  const last = all.at(-1);
  // An IPv4 address ends the address, if there is one: "10.0.0.1::" is none.
  const tail = last !== undefined && address.endsWith(last) && IPV4.test(last) ? 2 : 0;
  const hex = tail ? all.slice(0, -1) : all;
  if (!hex.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  const count = hex.length + tail;
  return halves.length === 2 ? count < 8 : count === 8;
}

const PORT_OR_RANGE = /^\d+(?:-\d+)?$/;

/** Why Docker refuses a port's ranges: one that ends before it starts, or two of different lengths. */
function rangeProblem(host: string | undefined, container: string): string | undefined {
  const span = (range: string) => {
    const [start, end = start] = range.split("-").map(Number);
    return end! - start!;
  };
  if ([host ?? "", container].some((range) => span(range) < 0)) return "a range that ends before it starts";
  // A host range for one container port is a pool to pick from; a container range needs one as long.
  if (host && span(container) > 0 && span(host) !== span(container))
    return "the host and container ranges differ in length";
  return undefined;
}

/**
 * One entry from its parts as either syntax writes them: host and container ports or ranges
 * ("8000-8010"), protocol and bind address. `invalid` gets the entry where it names a port no
 * system has (0, beyond 65535, not a number) or ranges Docker refuses; it is left out.
 */
function portEntry(
  index: number,
  written: { host: string | undefined; container: string; protocol: string; bind: string | undefined },
  invalid: InvalidPort[],
): (Port & { last: number })[] {
  const { host, container: target, protocol, bind } = written;
  // A port or a range of them, digits only: "-1" and "80-" are no ports Docker reads, though their
  // first part, read as a number, would pass (as 0, "any host port", and as 80).
  if (!PORT_OR_RANGE.test(target) || (host !== undefined && host !== "" && !PORT_OR_RANGE.test(host))) {
    invalid.push({ index });
    return [];
  }
  const [container, last = container] = target.split("-").map(Number) as [number, number?];
  const [hostPort, hostRangeLast] = host ? host.split("-").map(Number) : [];
  // Both ends of a range are ports Docker checks: 65530-65540 is refused, not its first port taken.
  const ends = [last, ...(hostRangeLast === undefined ? [] : [hostRangeLast])];
  if (
    !isPortNumber(container) ||
    !ends.every(isPortNumber) ||
    (hostPort !== undefined && hostPort !== 0 && !isPortNumber(hostPort))
  ) {
    invalid.push({ index });
    return [];
  }
  const why = rangeProblem(host, target);
  if (why) {
    invalid.push({ index, why });
    return [];
  }
  if (bind && !isIpAddress(bind)) {
    invalid.push({
      index,
      why: `'${bind}' is no IP address, and Compose binds to addresses, not host names`,
      hint: "write the address: 127.0.0.1 for localhost, 0.0.0.0 (or nothing) for every interface",
    });
    return [];
  }
  const hostEnd = rangeEnd(host, target);
  return [
    {
      name: `p${container}`,
      container,
      last,
      index,
      protocol,
      ...(hostPort ? { host: hostPort } : {}),
      ...(hostPort && hostEnd ? { hostEnd } : {}),
      ...(hostPort && hostRangeLast !== undefined && !hostEnd ? { hostLast: hostRangeLast } : {}),
      ...(bind ? { bind } : {}),
    },
  ];
}

function portEntries(value: unknown, invalid: InvalidPort[]): (Port & { last: number })[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): (Port & { last: number })[] => {
    if (isObject(item) && (item.target === undefined || item.target === null)) {
      invalid.push({
        index,
        why: "it names no target, the port in the container",
        hint: "add target, the container's port: { target: 80, published: 8080 }",
      });
      return [];
    }
    if (isObject(item))
      return portEntry(
        index,
        {
          host: item.published === undefined ? undefined : asText(item.published),
          container: asText(item.target ?? ""),
          protocol: textOf(item.protocol) ?? "tcp",
          bind: item.host_ip ? asText(item.host_ip) : undefined,
        },
        invalid,
      );
    const [spec = "", protocol = "tcp"] = asText(item).split("/");
    // The parts are [ip:][host:]container; an IPv6 address may come bracketed or not (::1:5432:5432).
    const ipv6 = /^\[([^\]]+)\]:(.*)$/.exec(spec);
    const parts = (ipv6 ? ipv6[2]! : spec).split(":");
    return portEntry(
      index,
      {
        host: parts.length >= 2 ? parts[parts.length - 2] : undefined,
        container: parts.at(-1) ?? "",
        protocol,
        bind: ipv6 ? ipv6[1] : parts.length >= 3 ? parts.slice(0, -2).join(":") : undefined,
      },
      invalid,
    );
  });
}

/** The ports a service publishes, each entry Docker refuses reported where it is written. */
export function publishedPorts(id: string, raw: Json, reading: Reading, spreading: boolean): Port[] {
  const invalid: InvalidPort[] = [];
  const ports = parsePorts(raw.ports, invalid, spreading);
  for (const { index, why, hint } of invalid)
    reading.report(
      "schema-invalid-value",
      (written) =>
        `the port '${portText(raw.ports, ["services", id, "ports", index], written)}' of '${id}' is not one Docker accepts${why ? `: ${why}` : ""}`,
      hint ??
        (why
          ? "write a range low to high, as long on the host as in the container (8000-8010:8000-8010), or one host range for one container port"
          : "ports are numbers from 1 to 65535: [host:]container, e.g. 8080:80"),
      ["services", id, "ports", index],
    );
  return ports;
}
