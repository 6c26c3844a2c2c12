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
});
