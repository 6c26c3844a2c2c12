/** Block-level Markdown built from already-escaped inline strings. */

/** A GitHub table; every cell must already be escaped (see `cell`). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export function heading(level: number, title: string): string {
  return `${"#".repeat(level)} ${title}`;
}

export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join("\n");
}

export function numbered(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join("\n");
}

/** A fenced block whose fence is longer than any run of backticks inside it. */
export function fenced(language: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${body.replace(/\n$/, "")}\n${fence}`;
}

export function quote(textLine: string): string {
  return `> ${textLine}`;
}
