import { describe, expect, it } from "vitest";
import { type Diagnostic, diagnostic } from "../../src/diagnostics.js";
import { loadModelText } from "../../src/load/index.js";
import { mergedByPlace } from "../../src/model/resolve/shared-places.js";

const AT_ANCHOR = { file: "compose.yaml", start: 10, end: 14 };

function about(service: string, message: string): Diagnostic {
  return diagnostic("runtime-refused", "error", message, AT_ANCHOR, { about: service });
}

describe("findings several services share at one place", () => {
  it("merge by the service each is about, however the message names it", () => {
    const merged = mergedByPlace([
      about("a", "the volume 'data' is mounted at data for 'a', which is not an absolute path"),
      about("b", "the volume 'data' is mounted at data for 'b', which is not an absolute path"),
      about("c", "the volume 'data' is mounted at data for 'c', which is not an absolute path"),
    ]);
    expect(merged.map((d) => d.message)).toEqual([
      "the volume 'data' is mounted at data for 'a' and 2 others, which is not an absolute path",
    ]);
    expect(merged[0]?.about).toBeUndefined();
  });

  it("do not merge by a name their text quotes that is not the service they are about", () => {
    const sameText = "the host ports 9000-8000 of 'http' start above where they end";
    const found = [
      diagnostic("invalid-range", "error", sameText, AT_ANCHOR),
      diagnostic("invalid-range", "error", sameText, AT_ANCHOR),
    ];
    expect(mergedByPlace(found).map((d) => d.message)).toEqual([sameText, sameText]);
  });

  it("name the port a publish range shared through an anchor is about, not the port as if it were a service", () => {
    const { diagnostics } = loadModelText(
      [
        "system: { name: S, description: d }",
        "services:",
        "  a: { kind: web, image: 'nginx:1.27', ports: { http: 80 } }",
        "  b: { kind: web, image: 'nginx:1.27', ports: { http: 80 } }",
        "environments:",
        "  dev:",
        "    platform: compose",
        "    nodes:",
        "      laptop:",
        "        kind: host",
        "        run:",
        "          a: { publish: &p { http: { host: 9000, host-last: 8000 } } }",
        "          b: { publish: *p }",
        "",
      ].join("\n"),
      "deployview.yaml",
    );
    const messages = diagnostics.filter((d) => d.code === "invalid-range").map((d) => d.message);
    expect(messages).not.toContainEqual(expect.stringContaining("and 1 other"));
    expect(messages).toContain("the host ports 9000-8000 of 'http' start above where they end");
  });

  it("name every service that takes a capability Linux does not have, or a relative mount path, from one anchor", () => {
    const { diagnostics } = loadModelText(
      [
        "system: { name: S, description: d }",
        "services:",
        "  a:",
        "    kind: worker",
        "    image: 'w:1.0'",
        "    security: &security { capabilities: [NET_ADMN], drop: [CHWON] }",
        "    volumes: &volumes { data: data }",
        "  b: { kind: worker, image: 'w:1.0', security: *security, volumes: *volumes }",
        "environments:",
        "  dev: { platform: compose, nodes: { laptop: { kind: host, run: [a, b] } } }",
        "",
      ].join("\n"),
      "deployview.yaml",
    );
    const refused = diagnostics.filter((d) => d.code === "runtime-refused");
    expect(refused.map((d) => d.message)).toEqual([
      "the volume 'data' is mounted at data for 'a' and 1 other, which is not an absolute path in the container",
      "the capability NET_ADMN added for 'a' and 1 other is not one Linux has: Docker makes no container with it",
      "the capability CHWON dropped for 'a' and 1 other is not one Linux has: Docker makes no container with it",
    ]);
    expect(refused.map((d) => d.about)).toEqual([undefined, undefined, undefined]);
  });

  it("name the one service a capability Linux does not have is about, where no other shares it", () => {
    const { diagnostics } = loadModelText(
      [
        "system: { name: S, description: d }",
        "services:",
        "  a: { kind: worker, image: 'w:1.0', security: { capabilities: [NET_ADMN] } }",
        "environments:",
        "  dev: { platform: compose, nodes: { laptop: { kind: host, run: [a] } } }",
        "",
      ].join("\n"),
      "deployview.yaml",
    );
    const refused = diagnostics.filter((d) => d.code === "runtime-refused");
    expect(refused.map((d) => [d.message, d.about])).toEqual([
      ["the capability NET_ADMN added for 'a' is not one Linux has: Docker makes no container with it", "a"],
    ]);
  });
});
