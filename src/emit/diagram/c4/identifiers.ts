/** Identifiers for diagram languages that allow only letters, digits and underscores, made unique. */

export class IdentifierSet {
  private readonly used = new Set<string>();
  private readonly given = new Map<string, string>();

  constructor(private readonly pattern: "word" | "word-dash" = "word") {}

  /** The identifier for `key` (stable: the same key gives the same identifier). */
  id(prefix: string, key: string): string {
    const known = this.given.get(`${prefix}\u0000${key}`);
    if (known) return known;
    const allowed = this.pattern === "word" ? /[^A-Za-z0-9_]+/g : /[^A-Za-z0-9_-]+/g;
    const base = `${prefix}_${key}`.replace(allowed, "_").replace(/_+$/g, "") || prefix;
    let id = /^[A-Za-z_]/.test(base) ? base : `_${base}`;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.given.set(`${prefix}\u0000${key}`, id);
    return id;
  }
}

/** One line of text for a quoted argument: no line breaks, no double quotes (these languages cannot escape them). */
export function plainText(text: string | undefined): string {
  return (text ?? "")
    .replace(/[\r\n\t\u2028\u2029]+/g, " ")
    .replace(/"/g, "'")
    .trim();
}
