/**
 * Markdown escaping for model text. Written here rather than taken from a library because what we
 * need is narrow and exact: inline text that can never open a tag, a table cell that can never add a
 * column, and code spans that survive backticks.
 */

const inlineSpecials = /[\\`*[\]<>|]/g;

/**
 * Inline text: Markdown and HTML have no effect; line breaks become spaces. Characters that only
 * matter in some positions are escaped only there, so ordinary text stays readable in the raw file:
 * `_` at a word's edge (intraword underscores are literal), `~~`, and `#` or `>` or a list marker at the start.
 */
export function text(value: string): string {
  return value
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(inlineSpecials, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`))
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace("_", "\\_"))
    .replace(/~~/g, "\\~\\~")
    .replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, "$1\\$2");
}

/** A table cell: like text, and never empty (an empty cell reads as a broken table). */
export function cell(value: string | number | undefined): string {
  if (value === undefined || value === "") return "—";
  return text(String(value));
}

/** A code span that holds any text, backticks included. */
export function code(value: string): string {
  const flat = value.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  // A pipe inside a code span still splits a GitHub table row, so it is escaped there too.
  return `${fence}${pad}${flat.replace(/\|/g, "\\|")}${pad}${fence}`;
}

export function bold(value: string): string {
  return `**${text(value)}**`;
}
