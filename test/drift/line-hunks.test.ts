import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineHunks } from "../../src/drift/line-hunks.js";

/** Rebuilds `after` from `before` and the hunks: proves they describe every difference and only those. */
function apply(before: string[], after: string[], hunks: ReturnType<typeof lineHunks>): string[] {
  const out: string[] = [];
  let at = 0;
  for (const hunk of hunks) {
    out.push(...before.slice(at, hunk.beforeStart));
    out.push(...after.slice(hunk.afterStart, hunk.afterEnd));
    at = hunk.beforeEnd;
  }
  return [...out, ...before.slice(at)];
}

describe("lineHunks", () => {
  it("finds no hunk in equal texts and one per separate edit", () => {
    expect(lineHunks(["a", "b"], ["a", "b"])).toEqual([]);
    expect(lineHunks(["a", "b", "c", "d", "e"], ["a", "B", "c", "d", "e", "f"])).toEqual([
      { beforeStart: 1, beforeEnd: 2, afterStart: 1, afterEnd: 2 },
      { beforeStart: 5, beforeEnd: 5, afterStart: 5, afterEnd: 6 },
    ]);
    expect(lineHunks(["a", "x", "b"], ["a", "b"])).toEqual([
      { beforeStart: 1, beforeEnd: 2, afterStart: 1, afterEnd: 1 },
    ]);
  });

  it("describes exactly the differences, and keeps every line of a common subsequence", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const hunks = lineHunks(before, after);
        expect(apply(before, after, hunks)).toEqual(after);
        for (const hunk of hunks)
          expect(hunk.beforeEnd - hunk.beforeStart + hunk.afterEnd - hunk.afterStart).toBeGreaterThan(0);
        const kept = before.length - hunks.reduce((n, h) => n + h.beforeEnd - h.beforeStart, 0);
        expect(kept).toBe(longestCommon(before, after));
      }),
    );
  });
});

function longestCommon(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}
