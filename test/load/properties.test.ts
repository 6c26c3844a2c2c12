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

  it("says what is wrong with a mapping keyed toString or valueOf wherever a value belongs, and never throws", () => {
    // String() on such a mapping calls the file's "toString", which is no function: a crash the
    // check reported as a file it could not read.
    const keys = ["kind", "image", "restart", "pull", "container-name", "stateful", "memory", "command"];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.constantFrom("{ toString: 1 }", "{ valueOf: x }", "[{ toString: [] }]"),
        (key, hostile) => {
          const text = `system: { name: X }\nservices:\n  a: { kind: api, image: "a:1", ${key}: ${hostile} }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`;
          const result = loadModelText(text, "hostile.yaml");
          expect(result.diagnostics.length).toBeGreaterThan(0);
          expect(result.diagnostics.map((d) => d.code)).not.toContain("file-unreadable");
        },
      ),
      { numRuns: 60 },
    );
  });
});
