import { describe, expect, it } from "vitest";
import { layoutEnvironment } from "../../src/emit/diagram/layout/index.js";
import { textWidth } from "../../src/emit/diagram/layout/text-width.js";
import { emitSvgDiagrams, renderSvg, svgFileName } from "../../src/emit/diagram/svg/index.js";
import { isGenerated } from "../../src/emit/generated-file.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import { examples } from "../helpers/examples.js";

const hostile = "<img src=x onerror=alert(1)>";
const hostileModel = [
  "system: { name: 'S' }",
  "services:",
  `  web: { kind: web, name: "${hostile}", technology: "a & b \\"quoted\\" 'single'", ports: { http: 80 }, uses: { db: "</text><script>alert(2)</script>" } }`,
  `  db: { kind: database, name: "db ]]> <!-- x -->", ports: { pg: 5432 } }`,
  "environments:",
  "  dev:",
  "    platform: compose",
  `    nodes: { host: { kind: host, name: "<b>host</b>", technology: "&amp;", run: [web, db] } }`,
].join("\n");

/** The text content of every element, unescaped, as an XML parser would report it. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/>([^<]+)</g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

describe("SVG rendering", () => {
  it("escapes every string that came from the model", async () => {
    const { model, diagnostics } = loadModelText(hostileModel, "hostile.yaml");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const svg = renderSvg(await layoutEnvironment(model!, "dev"));
    expect(svg).not.toContain("<img");
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("<!-- x");
    // Every tag in the output is one the renderer writes.
    const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(
      ["circle", "defs", "ellipse", "g", "marker", "path", "rect", "svg", "text", "title"].filter((t) =>
        tags.has(t),
      ),
    );
    const shown = texts(svg);
    expect(shown).toContain(hostile);
    expect(shown).toContain("<b>host</b>");
    expect(shown.some((t) => t.includes("a & b \"quoted\" 'single'"))).toBe(true);
    expect(shown.some((t) => t.includes("</text><script>alert(2)</script>"))).toBe(true);
    // Attribute values never contain a raw quote or angle bracket.
    for (const match of svg.matchAll(/="([^"]*)"/g)) expect(match[1]).not.toMatch(/[<>]/);
  });

  it("is deterministic", async () => {
    const { model } = await loadModelFile(examples().find((e) => e.name === "yam-agri")!.model);
    const first = await emitSvgDiagrams(model!);
    const second = await emitSvgDiagrams(model!);
    expect(first.map((f) => f.content)).toEqual(second.map((f) => f.content));
  });

  it("writes one marked file per environment, with the parts a reader needs", async () => {
    const { model } = await loadModelFile(examples().find((e) => e.name === "freshpoc")!.model);
    const files = await emitSvgDiagrams(model!, { dir: "diagrams" });
    expect(files.map((f) => f.path)).toEqual(["diagrams/development.svg", "diagrams/production.svg"]);
    const production = files[1]!.content;
    expect(isGenerated(production)).toBe(true);
    expect(production).toContain('data-element="instance:writer"');
    expect(production).toContain('data-element="node:load-balancer"');
    expect(production).toContain('class="dv-replica"');
    expect(production).toContain("Writer Service ×3");
    expect(production).toContain('class="dv-legend"');
    expect(production).toMatch(/<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });

  it("file names are safe", () => {
    expect(svgFileName("Production K8s")).toBe("production-k8s.svg");
    expect(svgFileName("../../etc")).toBe("etc.svg");
    expect(svgFileName("…")).toBe("environment.svg");
  });

  it("measures text with the fixed width table", () => {
    expect(textWidth("", 12)).toBe(0);
    expect(textWidth("iiii", 12)).toBeLessThan(textWidth("MMMM", 12));
    expect(textWidth("abc", 12, "bold")).toBeGreaterThan(textWidth("abc", 12));
    expect(textWidth("漢字", 10)).toBeGreaterThanOrEqual(20);
  });
});
