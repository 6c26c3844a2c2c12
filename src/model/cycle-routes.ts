/**
 * How each item that no order can start waits: the dependencies it follows, from itself into a
 * cycle and round it to where it entered. Each such item waits on at least one other such item
 * (else it could start), so following the first of them always ends in a cycle: the items and the
 * one dependency followed from each make a graph where every path leads into exactly one cycle.
 * Found in one pass over the items, however long the cycles: a file of thousands of services that
 * wait on each other in a ring must not cost the square of them.
 */

export interface CycleRoute<T> {
  /** The items from the blocked one on, as far as `shown` allows; the last is where the route ends when it is all there. */
  steps: T[];
  /** The item the route returns to, which closes the cycle. */
  closing: T;
  /** Dependencies followed from the item until the route is back at `closing`. */
  hops: number;
  /** How many items the cycle itself holds. */
  cycleLength: number;
  /** One item of the cycle the route ends in, the same for every route into that cycle: which cycle it is. */
  cycle: T;
}

interface Place<T> {
  /** Dependencies followed to reach the cycle (0 on it). */
  distance: number;
  /** Where the route meets the cycle. */
  entry: T;
  cycleLength: number;
  cycle: T;
}

/**
 * Routes of the `blocked` items (as inWaves leaves them), each route's steps cut at `shown` items.
 * `dependenciesOf` is the one inWaves was given.
 */
export function cycleRoutes<T>(
  blocked: readonly T[],
  dependenciesOf: (item: T) => readonly T[],
  shown = 8,
): Map<T, CycleRoute<T>> {
  const stuck = new Set(blocked);
  const next = new Map<T, T>();
  for (const item of blocked) {
    const followed = dependenciesOf(item).find((dep) => stuck.has(dep));
    if (followed !== undefined) next.set(item, followed);
  }
  const places = new Map<T, Place<T>>();
  for (const start of blocked) {
    if (places.has(start)) continue;
    // Walk until the route meets an item placed already, or one of this walk's own: a new cycle.
    const walk: T[] = [];
    const onWalk = new Map<T, number>();
    let at: T | undefined = start;
    while (at !== undefined && !places.has(at) && !onWalk.has(at)) {
      onWalk.set(at, walk.length);
      walk.push(at);
      at = next.get(at);
    }
    let tail = walk.length;
    if (at !== undefined && onWalk.has(at)) {
      tail = onWalk.get(at)!;
      const cycleLength = walk.length - tail;
      const cycle = walk[tail]!;
      for (const item of walk.slice(tail)) places.set(item, { distance: 0, entry: item, cycleLength, cycle });
    }
    for (let index = tail - 1; index >= 0; index--) {
      const ahead = places.get(walk[index + 1] ?? (at as T));
      // Only an item whose dependencies are not among `blocked` ends a walk unplaced; it has no route.
      if (!ahead) continue;
      places.set(walk[index]!, {
        distance: ahead.distance + 1,
        entry: ahead.entry,
        cycleLength: ahead.cycleLength,
        cycle: ahead.cycle,
      });
    }
  }
  const routes = new Map<T, CycleRoute<T>>();
  for (const item of blocked) {
    const place = places.get(item);
    if (!place) continue;
    const hops = place.distance + place.cycleLength;
    const steps: T[] = [];
    let at: T | undefined = item;
    for (let i = 0; i <= hops && i < shown && at !== undefined; i++) {
      steps.push(at);
      at = next.get(at);
    }
    routes.set(item, {
      steps,
      closing: place.entry,
      hops,
      cycleLength: place.cycleLength,
      cycle: place.cycle,
    });
  }
  return routes;
}

/** Items a message names along a route before it leaves the rest out. */
export const SHOWN_STEPS = 8;

/**
 * `a → b → c → a`; a long route as its first steps, then where it closes and how long the cycle is.
 * The route must have been found with SHOWN_STEPS shown.
 */
export function routeText<T>(route: CycleRoute<T>, name: (item: T) => string): string {
  const names = route.steps.map(name);
  if (route.hops < SHOWN_STEPS) return names.join(" → ");
  return `${names.slice(0, SHOWN_STEPS - 2).join(" → ")} → … → ${name(route.closing)} (a cycle of ${route.cycleLength})`;
}
