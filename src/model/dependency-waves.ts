/** Things in the order they can start, given what each waits for: services, instances, containers. */
import { groupBy } from "../collections.js";

/**
 * `items` in waves, each item needing only items of earlier waves, in the items' order within a
 * wave; those in a cycle, or waiting on one, apart. An item that depends on itself is in a cycle;
 * one that is not among the items is passed over.
 * Kahn's algorithm, a wave at a time: each item counts the dependencies it still waits for, so the
 * order costs the items and their dependencies once, however long the chains (a file of thousands
 * of services must not take minutes).
 */
export function inWaves<T>(
  items: readonly T[],
  dependenciesOf: (item: T) => readonly T[],
): { waves: T[][]; blocked: T[] } {
  const position = new Map(items.map((item, index) => [item, index]));
  const waiting = new Map<T, number>();
  const edges: { from: T; to: T }[] = [];
  for (const item of items) {
    // What is not among the items is not waited for here: counting it would leave the item waiting.
    const deps = dependenciesOf(item).filter((dep) => position.has(dep));
    waiting.set(item, deps.length);
    for (const dep of deps) edges.push({ from: dep, to: item });
  }
  const dependents = groupBy(edges, (edge) => edge.from);
  const waves: T[][] = [];
  let wave = items.filter((item) => waiting.get(item) === 0);
  while (wave.length > 0) {
    waves.push(wave);
    const next: T[] = [];
    for (const done of wave)
      for (const { to } of dependents.get(done) ?? []) {
        const left = waiting.get(to)! - 1;
        waiting.set(to, left);
        if (left === 0) next.push(to);
      }
    wave = next.sort((a, b) => position.get(a)! - position.get(b)!);
  }
  return { waves, blocked: items.filter((item) => waiting.get(item)! > 0) };
}
