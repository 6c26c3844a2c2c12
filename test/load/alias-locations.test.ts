import { describe, expect, it } from "vitest";
import type { SourceRange } from "../../src/diagnostics.js";
import { locate, parseYaml } from "../../src/load/yaml-file.js";
import { SourceIndex } from "../../src/report/position.js";
import { runCli } from "../helpers/cli.js";
import { folderWith } from "../helpers/files.js";

const COMPOSE = [
  "x-image: &image nginx:latest",
  "x-env: &env { DEBUG: 'true' }",
  "services:",
  "  web:",
  "    image: *image",
  "    environment: *env",
  "",
].join("\n");

describe("a value taken through a YAML alias", () => {
  // Both readers: the quick one reads this file, the package one a file the quick one leaves to it.
  it.each([
    ["the quick reader", COMPOSE],
    ["the yaml package", `${COMPOSE}x-odd: !!str odd\n`],
  ])("is found at the anchor that writes it, with the alias that takes it beside (%s)", (_, text) => {
    const yaml = parseYaml(text, "compose.yaml", { merge: true }).documents[0]!;
    const index = new SourceIndex(new Map([["compose.yaml", text]]));
    const at = (range: SourceRange | undefined) => {
      const found = range && index.range(range);
      return found ? `${found.start.line}:${found.start.column}-${found.end.line}:${found.end.column}` : "";
    };
    const where = (path: (string | number)[]) => {
      const range = locate(yaml, path, "value");
      return [at(range), at(range.via), range.via?.message];
    };
    expect(where(["services", "web", "image"])).toEqual([
      "1:17-1:29",
      "5:12-5:18",
      "used here through the alias *image",
    ]);
    expect(where(["services", "web", "environment", "DEBUG"])).toEqual([
      "2:22-2:28",
      "6:18-6:22",
      "used here through the alias *env",
    ]);
    // A value written where it is used has no alias to name.
    expect(where(["x-image"])).toEqual(["1:17-1:29", "", undefined]);
  });

  it("is reported at the anchor, and the alias is a related location in SARIF", async () => {
    const folder = folderWith({ "compose.yaml": COMPOSE });
    const result = await runCli(["check", "compose.yaml", "--format", "sarif"], folder);
    const found = JSON.parse(result.stdout).runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === "image-latest-tag",
    );
    expect(found.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 17 });
    expect(found.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: "compose.yaml" },
          region: { startLine: 5, startColumn: 12, endLine: 5, endColumn: 18 },
        },
        message: { text: "used here through the alias *image" },
      },
    ]);
  });

  it("is suppressed by a comment over the anchor or over the alias that takes it", async () => {
    const suppressed = async (text: string) => {
      const folder = folderWith({ "compose.yaml": text });
      const result = await runCli(["check", "compose.yaml", "--format", "json"], folder);
      return (JSON.parse(result.stdout).diagnostics as { code: string }[]).map((d) => d.code);
    };
    const comment = "# deployview-disable-next-line image-latest-tag -- the vendor tags nothing else";
    const overAlias = COMPOSE.replace("    image: *image", `    ${comment}\n    image: *image`);
    const overAnchor = `${comment}\n${COMPOSE}`;
    expect(await suppressed(COMPOSE)).toContain("image-latest-tag");
    for (const text of [overAlias, overAnchor]) {
      const codes = await suppressed(text);
      expect(codes).not.toContain("image-latest-tag");
      expect(codes).not.toContain("unused-suppression");
    }
  });
});

describe("a wrong value several services take through one anchor", () => {
  it("is one finding at the anchor that names them, not one each at the same line", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "x-lim: &lim 512x",
        "services:",
        "  a: { image: 'nginx:1.27', mem_limit: *lim }",
        "  b: { image: 'nginx:1.27', mem_limit: *lim }",
        "  c: { image: 'nginx:1.27', mem_limit: *lim }",
        "  d: { image: 'nginx:1.27', mem_limit: 2x }",
        "",
      ].join("\n"),
    });
    const result = await runCli(["check", "compose.yaml", "--format", "json"], folder);
    const found = (
      JSON.parse(result.stdout).diagnostics as {
        code: string;
        message: string;
        range: { start: { line: number; column: number } };
      }[]
    )
      .filter((d) => d.code === "invalid-quantity")
      .map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`);
    expect(found).toEqual([
      "1:13 cannot read the memory quantity '512x' of 'a' and 2 others",
      "6:40 cannot read the memory quantity '2x' of 'd'",
    ]);
  });
});
