import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModelText } from "../../src/load/index.js";
import { arbitraryModel } from "../helpers/arbitrary-model.js";

describe("the loader, for any input", () => {
  it("returns a model or diagnostics, never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = loadModelText(text, "any.yaml");
        expect(result.model !== undefined || result.diagnostics.length > 0).toBe(true);
        for (const d of result.diagnostics) {
          expect(d.start ?? 0).toBeGreaterThanOrEqual(0);
          expect(d.end ?? 0).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("survives YAML-shaped noise", () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          "a:",
          " b",
          "- ",
          "[",
          "]",
          "{",
          "}",
          "&x ",
          "*x",
          "!!str ",
          "\n",
          "  ",
          "services:",
          "kind: web",
          "'",
          '"',
          "#",
          "---\n",
          "<<: *x",
        ),
        {
          maxLength: 60,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(yamlish, (text) => {
        const result = loadModelText(text, "noise.yaml");
        expect(result.model !== undefined || result.diagnostics.length > 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("loads every generated valid model, the same way twice", () => {
    fc.assert(
      fc.property(arbitraryModel, (text) => {
        const first = loadModelText(text, "model.yaml");
        expect(first.diagnostics).toEqual([]);
        const second = loadModelText(text, "model.yaml");
        expect(JSON.stringify(second.model)).toEqual(JSON.stringify(first.model));
      }),
      { numRuns: 100 },
    );
  });
});
