import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AsciiBox, MIN_WIDTH, renderBox } from "../../src/emit/diagram/ascii/box.js";
import { charWidth, displayWidth } from "../../src/emit/diagram/ascii/width.js";
import { wrap } from "../../src/emit/diagram/ascii/wrap.js";

const label = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "LiFePO₄ battery",
    "1.5–2 GB",
    "数据库服务器",
    "emoji 🚀 here",
    "a-very-long-identifier-without-any-spaces-at-all-in-it",
    "tab\there",
  ),
);

const box: fc.Arbitrary<AsciiBox> = fc.letrec<{ box: AsciiBox }>((tie) => ({
  box: fc.record({
    title: fc.option(label, { nil: undefined }),
    lines: fc.array(label, { maxLength: 3 }),
    children: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant<AsciiBox[]>([]),
      fc.array(tie("box") as fc.Arbitrary<AsciiBox>, { maxLength: 4 }),
    ),
    footer: fc.array(label, { maxLength: 2 }),
  }),
})).box;

function depth(b: AsciiBox): number {
  return 1 + Math.max(0, ...b.children.map(depth));
}

/** Each box in the rendering is closed: its corners line up and its sides are as tall as its text. */
function expectClosed(lines: string[]): void {
  expect(lines[0]!.startsWith("┌")).toBe(true);
  expect(lines[0]!.endsWith("┐")).toBe(true);
  expect(lines.at(-1)!.startsWith("└")).toBe(true);
  expect(lines.at(-1)!.endsWith("┘")).toBe(true);
  for (const line of lines.slice(1, -1)) {
    expect(line.startsWith("│")).toBe(true);
    expect(line.endsWith("│")).toBe(true);
  }
}

describe("ASCII boxes", () => {
  it("every line has the same width, within the limit, and the box is closed", () => {
    fc.assert(
      fc.property(box, fc.integer({ min: 0, max: 80 }), (b, extra) => {
        const width = 4 * depth(b) + MIN_WIDTH + extra;
        const lines = renderBox(b, width);
        const widths = new Set(lines.map(displayWidth));
        expect(widths.size).toBe(1);
        expect([...widths][0]).toBeLessThanOrEqual(width);
        expectClosed(lines);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(box, (b) => {
        expect(renderBox(b, 80)).toEqual(renderBox(b, 80));
      }),
      { numRuns: 50 },
    );
  });

  it("wraps long words instead of overflowing", () => {
    expect(wrap("abcdefghij klm", 4)).toEqual(["abcd", "efgh", "ij", "klm"]);
    expect(wrap("数据库服务器", 5).every((line) => displayWidth(line) <= 5)).toBe(true);
  });

  it("counts wide characters as two columns and subscripts as one", () => {
    expect(displayWidth("数据")).toBe(4);
    expect(displayWidth("LiFePO₄")).toBe(7);
    expect(displayWidth("1.5–2 GB")).toBe(8);
  });

  it("draws nested boxes inside their parent", () => {
    const lines = renderBox(
      {
        title: "host",
        lines: [],
        footer: ["note"],
        children: [{ lines: ["api", ":8080"], children: [], footer: [] }],
      },
      40,
    );
    expect(lines).toEqual([
      "┌─ host ────┐",
      "│ ┌───────┐ │",
      "│ │ api   │ │",
      "│ │ :8080 │ │",
      "│ └───────┘ │",
      "│           │",
      "│ note      │",
      "└───────────┘",
    ]);
  });
});

describe("display width", () => {
  it("counts every string as its characters' widths add up", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 30 }),
        fc.string({ unit: "binary", maxLength: 30 }),
        (a, b) => {
          for (const text of [a, b]) {
            let expected = 0;
            for (const char of text) expected += charWidth(char);
            expect(displayWidth(text)).toBe(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
