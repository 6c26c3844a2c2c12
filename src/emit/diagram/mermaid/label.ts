/**
 * Mermaid breaks on quotes, brackets and angle brackets inside labels; its entity codes
 * (#quot; #lt; …) show them safely. Ids are restricted to word characters and made unique.
 */

const entities: Record<string, string> = {
  '"': "#quot;",
  "<": "#lt;",
  ">": "#gt;",
  "&": "#amp;",
  "#": "#35;",
  "[": "#91;",
  "]": "#93;",
  "{": "#123;",
  "}": "#125;",
  "|": "#124;",
  "`": "#96;",
};

/** Text for inside a quoted label: entities for specials, <br/> for line breaks between parts. */
export function label(parts: readonly string[]): string {
  return `"${parts.map((part) => part.replace(/\r?\n/g, " ").replace(/["<>&#[\]{}|`]/g, (c) => entities[c]!)).join("<br/>")}"`;
}

/** Allocates stable, unique, Mermaid-safe ids. */
export class IdAllocator {
  private readonly used = new Map<string, string>();
  private readonly taken = new Set<string>();

  id(prefix: string, key: string): string {
    const full = `${prefix}:${key}`;
    const existing = this.used.get(full);
    if (existing) return existing;
    const base = `${prefix}_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}_${n}`;
    this.taken.add(candidate);
    this.used.set(full, candidate);
    return candidate;
  }
}
