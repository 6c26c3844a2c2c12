import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PathMap, type PathStep } from "../../src/import/path-map.js";

const step = fc.oneof(fc.constantFrom("services", "web", "ports", "1"), fc.nat({ max: 2 }));
const path = fc.array(step, { maxLength: 4 });

/** The entries in a PathMap, and in a map keyed by each whole path, for reference. */
function filled(entries: [PathStep[], number][]): { map: PathMap<number>; naive: Map<string, number> } {
  const map = new PathMap<number>();
  const naive = new Map<string, number>();
  for (const [key, value] of entries) {
    map.set(key, value);
    naive.set(JSON.stringify(key), value);
  }
  return { map, naive };
}

describe("PathMap", () => {
  it("finds the value of the longest prefix that has one, as looking up every prefix would", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, fc.nat()), { maxLength: 12 }), path, (entries, asked) => {
        const { map, naive } = filled(entries);
        let expected: number | undefined;
        for (let length = asked.length; length >= 0 && expected === undefined; length--)
          expected = naive.get(JSON.stringify(asked.slice(0, length)));
        expect(map.nearest(asked)).toBe(expected);
      }),
    );
  });

  it("gets the value kept at exactly a path, as a map keyed by the whole path would", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, fc.nat()), { maxLength: 12 }), path, (entries, asked) => {
        const { map, naive } = filled(entries);
        expect(map.get(asked)).toBe(naive.get(JSON.stringify(asked)));
      }),
    );
  });

  it("tells a number step from the same digits as a string", () => {
    const map = new PathMap<string>();
    map.set(["ports", 1] as PathStep[], "number");
    expect(map.nearest(["ports", 1])).toBe("number");
    expect(map.nearest(["ports", "1"])).toBeUndefined();
  });
});
