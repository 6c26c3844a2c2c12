/**
 * The pretty reporter: file:line:col, severity, message and code, a code frame, and the hint. The
 * findings come grouped by file (as they are sorted), a blank line between one file's and the next;
 * each keeps its file:line:col, which terminals and editors open at the place.
 */
import { append } from "../collections.js";
import type { Diagnostic } from "../diagnostics.js";
import { placeOf, SourceIndex, shownPath } from "./position.js";

export interface TextOptions {
  color: boolean;
  /** Paths are shown relative to this folder. */
  cwd: string;
}

const styles = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

/**
 * Control characters (an escape sequence that restyles the terminal or sets its title) and the
 * invisible characters that reorder text: a file's keys and values reach messages and code frames,
 * and a hostile file must not write to the terminal through them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it is safe to print: each unsafe character written as its escape (\u001b). */
export function printable(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A code frame's line: each unsafe character one column wide, so that the underline stays under its place. */
function frameLine(text: string): string {
  return text.replace(UNSAFE, "\ufffd");
}

function paint(enabled: boolean, style: keyof typeof styles, text: string): string {
  return enabled ? `\u001b[${styles[style]}m${text}\u001b[0m` : text;
}

function codeFrame(index: SourceIndex, d: Diagnostic, color: boolean): string[] {
  const range = index.range(d);
  const lines = d.file ? index.index(d.file) : undefined;
  if (!range || !lines || lines.text.length === 0) return [];
  const { line, column } = range.start;
  const text = lines.line(line);
  if (text.length > 300) return [];
  const width = String(line).length;
  const endColumn = range.end.line === line ? range.end.column : text.length + 1;
  const underline = " ".repeat(column - 1) + "^".repeat(Math.max(1, endColumn - column));
  return [
    paint(color, "dim", `  ${String(line).padStart(width)} | `) + frameLine(text),
    paint(color, "dim", `  ${" ".repeat(width)} | `) +
      paint(color, d.severity === "error" ? "red" : "yellow", underline),
  ];
}

export function formatText(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: TextOptions,
): string {
  const index = new SourceIndex(sources);
  const out: string[] = [];
  let previousFile: string | undefined;
  for (const d of diagnostics) {
    const range = index.range(d);
    const file = d.file ? shownPath(options.cwd, d.file) : "";
    if (out.length > 0 && file !== previousFile) out.push("");
    previousFile = file;
    const where = file ? `${file}${range ? `:${range.start.line}:${range.start.column}` : ""}: ` : "";
    const severity = paint(
      options.color,
      d.severity === "error" ? "red" : d.severity === "warning" ? "yellow" : "cyan",
      d.severity,
    );
    out.push(
      `${paint(options.color, "bold", printable(where))}${severity} ${printable(d.message)} ${paint(options.color, "dim", `[${d.code}]`)}`,
    );
    append(out, codeFrame(index, d, options.color));
    for (const related of d.related ?? [])
      out.push(
        `  ${paint(options.color, "dim", `${printable(related.message)}:`)} ${printable(placeOf(index, related, options.cwd))}`,
      );
    if (d.hint) out.push(`  ${paint(options.color, "cyan", "hint:")} ${printable(d.hint)}`);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (diagnostics.length > 0)
    out.push(
      "",
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
    );
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}
