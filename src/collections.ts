/** Helpers for lists that may be as long as a hostile or generated file makes them. */

/**
 * Appends `items` to `into`, one at a time. `into.push(...items)` passes every item as an argument,
 * and past some hundred thousand (the findings of a huge file) that overflows the call stack.
 */
export function append<T>(into: T[], items: Iterable<T>): void {
  for (const item of items) into.push(item);
}

/** The items by key, each list in the items' order (Map.groupBy, which Node 20 lacks). */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The largest of the values, or `floor` when there are none or all are smaller (Math.max(...values) overflows on long lists). */
export function maximum(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let largest = floor;
  for (const value of values) if (value > largest) largest = value;
  return largest;
}

/**
 * The value at a path of a plain value (parsed YAML or JSON): a list's items by number, a mapping's
 * own keys only (a number names the key written with its digits), so that no path, not even one a
 * file wrote as `__proto__`, reaches a prototype.
 */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (Array.isArray(current)) current = typeof step === "number" ? current[step] : undefined;
    else if (current !== null && typeof current === "object" && Object.hasOwn(current, String(step)))
      current = (current as Record<string, unknown>)[String(step)];
    else return undefined;
  }
  return current;
}

/** Items as a sentence lists them: "a", "a and b", "a, b and c"; with `more` left out, "a, b and 3 more". */
export function inWords(items: readonly string[], more = 0): string {
  if (more > 0) return `${items.join(", ")} and ${more} more`;
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

/** 'web', or 'web' and 3 others: the services a finding at one shared place is about. */
export function named(services: readonly string[]): string {
  const others = services.length - 1;
  return `'${services[0]}'${others > 0 ? ` and ${others} other${others > 1 ? "s" : ""}` : ""}`;
}
