import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { type HostPort, rangeClashes } from "../../src/import/compose/port-range-clashes.js";
import { startTogether } from "../../src/model/profiles.js";
import { bindsOverlap } from "../../src/model/published.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

/** The clashes as comparing each entry with every one published before it finds them. */
function naive(published: readonly HostPort[]): { id: string; index: number; earlier: string }[] {
  if (!published.some(({ port }) => port.hostEnd !== undefined)) return [];
  const end = (p: HostPort["port"]) => p.hostEnd ?? p.host;
  return published.flatMap((later, at) => {
    const earlier = published.find(
      ({ port, profiles }, index) =>
        index < at &&
        startTogether(profiles, later.profiles) &&
        (port.hostEnd !== undefined || later.port.hostEnd !== undefined) &&
        port.host !== later.port.host &&
        port.protocol === later.port.protocol &&
        bindsOverlap(port.bind, later.port.bind) &&
        port.host <= end(later.port) &&
        later.port.host <= end(port),
    );
    return earlier ? [{ id: later.id, index: later.index, earlier: earlier.id }] : [];
  });
}

// Ports about a group boundary (every 4096), ranges short and long.
const entry = fc
  .record({
    host: fc.oneof(fc.integer({ min: 4090, max: 4100 }), fc.integer({ min: 1, max: 20_000 })),
    span: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 9000 })),
    protocol: fc.constantFrom("tcp", "udp"),
    bind: fc.option(fc.constantFrom("127.0.0.1", "0.0.0.0", "10.0.0.1"), { nil: undefined }),
    profiles: fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 }),
  })
  .map(({ host, span, protocol, bind, profiles }) => ({ host, span, protocol, bind, profiles }));

describe("rangeClashes", () => {
  it("finds for each entry the first it clashes with, as comparing it with every earlier one would", () => {
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
        const found = rangeClashes(published).map(({ id, index, text }) => ({
          id,
          index,
          earlier: /that '([^']+)' already publishes/.exec(text)![1],
        }));
        expect(found).toEqual(naive(published));
      }),
      { numRuns: 500 },
    );
  });
});

describe("a range too long to spread", () => {
  it("is reported once where another entry starts on its first port, and where one meets the rest of it", async () => {
    const dir = folderWith({
      "compose.yaml": [
        "services:",
        "  media: { image: 'media:1', ports: ['10000-10999:10000-10999/udp'] }",
        "  first: { image: 'first:1', ports: ['10000:10000/udp'] }",
        "  inside: { image: 'inside:1', ports: ['10500:53/udp'] }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "host-port-conflict",
    );
    expect(located(found, loaded.sources).sort()).toEqual([
      "host-port-conflict@3:38",
      "host-port-conflict@4:40",
    ]);
  });
});
