import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleRoutes } from "../../src/model/cycle-routes.js";
import { inWaves } from "../../src/model/dependency-waves.js";

/** The route walked step by step, remembering every item met: what cycleRoutes finds in one pass. */
function walked(item: number, next: (item: number) => number | undefined) {
  const seen: number[] = [];
  let at: number | undefined = item;
  while (at !== undefined && !seen.includes(at)) {
    seen.push(at);
    at = next(at);
  }
  if (at === undefined) return undefined;
  return {
    steps: [...seen, at],
    closing: at,
    hops: seen.length,
    cycleLength: seen.length - seen.indexOf(at),
  };
}

describe("the routes of items caught in a dependency cycle", () => {
  it("follows each blocked item into its cycle and round it, and gives none to an item that starts", () => {
    // 0 → 1 → 2 → 1, 3 → 0, 4 waits on nothing, 5 → 4.
    const deps: Record<number, number[]> = { 0: [1], 1: [2], 2: [1], 3: [4, 0], 4: [], 5: [4] };
    const items = [0, 1, 2, 3, 4, 5];
    const { blocked } = inWaves(items, (i) => deps[i]!);
    const routes = cycleRoutes(blocked, (i) => deps[i]!);
    expect(blocked).toEqual([0, 1, 2, 3]);
    expect(routes.get(1)).toEqual({ steps: [1, 2, 1], closing: 1, hops: 2, cycleLength: 2, cycle: 1 });
    // 3 waits on 4 too, which starts: the route follows the dependency that is stuck.
    expect(routes.get(3)).toEqual({ steps: [3, 0, 1, 2, 1], closing: 1, hops: 4, cycleLength: 2, cycle: 1 });
    expect(routes.has(4)).toBe(false);
  });

  it("cuts a long route at the items asked for, and still counts the whole cycle", () => {
    const count = 50_000;
    const items = Array.from({ length: count }, (_, i) => i);
    const started = performance.now();
    const routes = cycleRoutes(items, (i) => [(i + 1) % count], 4);
    // One pass, not a walk round the ring for each of its items.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(routes.get(7)).toEqual({
      steps: [7, 8, 9, 10],
      closing: 7,
      hops: count,
      cycleLength: count,
      cycle: 0,
    });
  });

  it("finds the same route as a walk that remembers every item it meets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((size) =>
          fc.array(fc.array(fc.integer({ min: 0, max: size - 1 }), { maxLength: 3 }), {
            minLength: size,
            maxLength: size,
          }),
        ),
        (deps) => {
          const items = deps.map((_, i) => i);
          const { blocked } = inWaves(items, (i) => deps[i]!);
          const routes = cycleRoutes(blocked, (i) => deps[i]!, 100);
          const stuck = new Set(blocked);
          const next = (i: number) => deps[i]!.find((d) => stuck.has(d));
          expect([...routes.keys()].sort()).toEqual([...blocked].sort());
          for (const item of blocked) {
            const { cycle, ...route } = routes.get(item)!;
            expect(route).toEqual(walked(item, next));
            // One item names the cycle, for every route into it: an item of it, whose own route names it too.
            expect(routes.get(cycle)!.closing).toBe(cycle);
            expect(routes.get(route.closing)!.cycle).toBe(cycle);
          }
        },
      ),
    );
  });
});
