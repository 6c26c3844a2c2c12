import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { type HostPort, rangeClashes, rangeClashText } from "../../src/import/compose/port-range-clashes.js";
import { startTogether } from "../../src/model/profiles.js";
import { bindsOverlap } from "../../src/model/published.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

/** host-port-conflict's findings on a compose file of these lines. */
async function hostPortClashes(lines: string[]) {
  const dir = folderWith({ "compose.yaml": [...lines, ""].join("\n") });
  const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
  const found = checkModel(loaded.model!, { sources: loaded.sources }).filter(
    (d) => d.code === "host-port-conflict",
  );
  return { found, loaded };
}

/** The clashes as comparing each entry with every one published before it finds them. */
function naive(published: readonly HostPort[]): { later: string; earlier: string[] }[] {
  if (!published.some(({ port }) => port.hostEnd !== undefined)) return [];
  const end = (p: HostPort["port"]) => p.hostEnd ?? p.host;
  return published.flatMap((later, at) => {
    const byPorts = new Map<string, string[]>();
    published.forEach(({ id, port, profiles }, index) => {
      if (
        index < at &&
        startTogether(profiles, later.profiles) &&
        (port.hostEnd !== undefined || later.port.hostEnd !== undefined) &&
        port.host !== later.port.host &&
        port.protocol === later.port.protocol &&
        bindsOverlap(port.bind, later.port.bind) &&
        port.host <= end(later.port) &&
        later.port.host <= end(port)
      ) {
        const key = `${port.host}-${end(port)}`;
        byPorts.set(key, [...(byPorts.get(key) ?? []), id]);
      }
    });
    // Groups of the same services are one clash, whatever ports each publishes.
    const byServices = new Map<string, string[]>();
    for (const earlier of byPorts.values()) {
      const key = [...new Set(earlier)].join(",");
      byServices.set(key, [...(byServices.get(key) ?? []), ...earlier]);
    }
    return [...byServices.values()].map((earlier) => ({ later: later.id, earlier }));
  });
}

// Ports close together and far apart, ranges short and long, many on the same first port.
const entry = fc.record({
  host: fc.oneof(fc.integer({ min: 4090, max: 4100 }), fc.integer({ min: 1, max: 20_000 })),
  span: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 9000 })),
  protocol: fc.constantFrom("tcp", "udp"),
  bind: fc.option(fc.constantFrom("127.0.0.1", "0.0.0.0", "10.0.0.1"), { nil: undefined }),
  profiles: fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 }),
});

describe("rangeClashes", () => {
  it("finds every earlier entry each one clashes with, as comparing it with every earlier one would", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 14 }), (entries) => {
        const published: HostPort[] = entries.map((e, index) => ({
          id: `s${index}`,
          index: 0,
          profiles: e.profiles,
          port: {
            name: "p",
            container: 80,
            index: 0,
            host: e.host,
            protocol: e.protocol,
            ...(e.span > 0 ? { hostEnd: e.host + e.span } : {}),
            ...(e.bind ? { bind: e.bind } : {}),
          },
        }));
        const found = rangeClashes(published).map(({ later, earlier }) => ({
          later: later[0]!.id,
          earlier: earlier.map((e) => e.id),
        }));
        expect(found).toEqual(naive(published));
      }),
      { numRuns: 500 },
    );
  });

  it("names the ports two ranges both take, once for those that publish the same ones", () => {
    const range = (id: string, host: number, hostEnd: number, profiles: string[] = []): HostPort => ({
      id,
      index: 0,
      profiles,
      port: { name: "p", container: 80, index: 0, host, hostEnd, protocol: "tcp" },
    });
    const found = rangeClashes([
      range("blue", 8000, 8999, ["blue"]),
      range("green", 8000, 8999, ["green"]),
      range("edge", 8990, 9100),
      range("last", 9100, 9200),
    ]).map(rangeClashText);
    expect(found).toEqual([
      "'edge' publishes host ports 8990-9100, which overlap host ports 8000-8999 that 'blue' and 'green' already publish on this host (both take 8990-8999)",
      "'last' publishes host ports 9100-9200, which overlap host ports 8990-9100 that 'edge' already publishes on this host (both take 9100)",
    ]);
  });
});

describe("a range too long to spread", () => {
  it("is reported once where another entry starts on its first port, and where one meets the rest of it", async () => {
    const { found, loaded } = await hostPortClashes([
      "services:",
      "  media: { image: 'media:1', ports: ['10000-10999:10000-10999/udp'] }",
      "  first: { image: 'first:1', ports: ['10000:10000/udp'] }",
      "  inside: { image: 'inside:1', ports: ['10500:53/udp'] }",
    ]);
    expect(located(found, loaded.sources).sort()).toEqual([
      "host-port-conflict@3:38",
      "host-port-conflict@4:40",
    ]);
  });
});

describe("ranges spread a port each", () => {
  it("are named as ranges, once for each set of services that publish them", async () => {
    const { found } = await hostPortClashes([
      "services:",
      "  media: { image: 'media:1', ports: ['10000-10100:10000-10100/udp'] }",
      "  turn: { image: 'turn:1', ports: ['10090-10200:10090-10200/udp'] }",
      "  wide: { image: 'wide:1', ports: ['1-65535:1-65535/udp'] }",
    ]);
    expect(found.map((d) => d.message).sort()).toEqual([
      "'turn' publishes host ports 10090-10100, which 'media' already publishes on this host",
      "'wide' publishes host ports 1-65535, which overlap host ports 10000-10089 that 'media' already publishes on this host",
      "'wide' publishes host ports 1-65535, which overlap host ports 10090-10100 that 'media' and 'turn' already publish on this host",
      "'wide' publishes host ports 1-65535, which overlap host ports 10101-10200 that 'turn' already publishes on this host",
    ]);
  });

  it("meeting a range too long to spread are one finding naming the ports that meet it", async () => {
    const { found } = await hostPortClashes([
      "services:",
      "  wide: { image: 'wide:1', ports: ['8000-8300:8000-8300'] }",
      "  small: { image: 'small:1', ports: ['8000-8002:8000-8002', '8299-8301:8299-8301'] }",
    ]);
    // The port both start on is the model's, and found by the check of its ports.
    expect(found.map((d) => d.message).sort()).toEqual([
      "'small' publishes host port 8000, which 'wide' already publishes on this host",
      "'small' publishes host ports 8001-8002, which overlap host ports 8000-8300 that 'wide' already publishes on this host",
      "'small' publishes host ports 8299-8300, which overlap host ports 8000-8300 that 'wide' already publishes on this host",
    ]);
  });
});

describe("a pool of host ports", () => {
  it("says who takes its ports in a sentence that agrees with them", async () => {
    const { found } = await hostPortClashes([
      "services:",
      "  pool: { image: 'pool:1', ports: ['8090-8091:80'], deploy: { replicas: 2 } }",
      "  fixed: { image: 'fixed:1', ports: ['8090:80', '8091:81'] }",
    ]);
    expect(found.map((d) => d.message)).toEqual([
      "'pool' runs 2 replicas on the host ports 8090-8091, of which 'fixed' already publishes 8090, 8091 on this host: none is left",
    ]);
  });
});

describe("ports on other transports", () => {
  it("are no clash on one host port: tcp, udp and sctp each take it apart", async () => {
    const { found } = await hostPortClashes([
      "services:",
      "  sctp: { image: 'sctp:1', ports: ['8080:80/sctp'] }",
      "  udp: { image: 'udp:1', ports: ['8080:80/udp'] }",
      "  tcp: { image: 'tcp:1', ports: ['8080:80/tcp'] }",
      "  again: { image: 'again:1', ports: ['8080:81/sctp'] }",
    ]);
    expect(found.map((d) => d.message)).toEqual([
      "'again' publishes host port 8080, which 'sctp' already publishes on this host",
    ]);
  });
});

describe("a host port a service publishes twice", () => {
  it("is said to be published twice, not to be taken by the service from itself", async () => {
    const { found } = await hostPortClashes([
      "services:",
      "  web: { image: 'web:1', ports: ['9191:80', '9191:81', '7000-7010:7000-7010', '7005-7020:8005-8020'] }",
      "  api: { image: 'api:1', ports: ['6000:80'] }",
      "  edge: { image: 'edge:1', ports: ['6000:80'] }",
    ]);
    expect(found.map((d) => d.message)).toEqual([
      "'web' publishes host port 9191 twice on this host",
      "'web' publishes host ports 7005-7010 twice on this host",
      "'edge' publishes host port 6000, which 'api' already publishes on this host",
    ]);
  });
});
