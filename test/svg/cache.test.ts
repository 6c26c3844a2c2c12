import { describe, expect, it } from "vitest";
import { emitSvgDiagrams, layoutKey } from "../../src/emit/diagram/svg/index.js";
import { loadModelFile } from "../../src/load/index.js";
import { examples } from "../helpers/examples.js";

describe("SVG diagrams reuse an unchanged drawing", () => {
  it("keeps the previous file when the layout input is the same, and draws afresh when it is not", async () => {
    const { model } = await loadModelFile(examples().find((e) => e.name === "allucanget")!.model);
    const fresh = await emitSvgDiagrams(model!);
    const first = fresh[0]!;
    // A previous file with the same header and key is taken as it is: no layout runs for it.
    const kept = `${first.content.split("\n").slice(0, 2).join("\n")}\n<svg>kept</svg>\n`;
    const reused = await emitSvgDiagrams(model!, {
      previous: (path) => (path === first.path ? kept : undefined),
    });
    expect(reused[0]!.content).toBe(kept);
    expect(reused.slice(1)).toEqual(fresh.slice(1));
    // A key from another model is not trusted.
    const stale = kept.replace(layoutKey(model!, model!.environments[0]!.id), "0".repeat(20));
    const redrawn = await emitSvgDiagrams(model!, { previous: () => stale });
    expect(redrawn).toEqual(fresh);
  });
});
