/**
 * The pretty reporter: file:line:col, severity, message and code, a code frame, and the hint. The
 * findings come grouped by file (as they are sorted), a blank line between one file's and the next;
 * each keeps its file:line:col, which terminals and editors open at the place.
 */
import { append } from "../collections.js";
import type { Diagnostic } from "../diagnostics.js";
import { charWidth } from "../emit/diagram/ascii/width.js";
import { placeOf, SourceIndex, shownPaths } from "./position.js";
import { SecretMask } from "./secret-mask.js";

export interface TextOptions {
  color: boolean;
  /** Paths are shown relative to this folder. */
  cwd: string;
  /**
   * The secret rules' findings, reported or not (see Linted.secrets): a code frame hides what they
   * flag, as it hides what the reported ones do.
   */
  secrets?: readonly Diagnostic[];
}

const styles = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

/**
 * Control characters (an escape sequence that restyles the terminal or sets its title) and the
 * invisible characters that reorder text: a file's keys and values reach messages and code frames,
 * and a hostile file must not write to the terminal through them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The unsafe characters, and the line breaks and tabs that would break a line of the report in two or shift it. */
const UNSAFE_IN_LINE = new RegExp(`${UNSAFE.source}|[\t\n]`, "g");

const ESCAPES: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * Text as it is safe to print on one line of a report: each unsafe character written as its
 * escape (\u001b), and a line break or tab as YAML would write it in quotes (\n, \t).
 */
export function printable(text: string): string {
  return text.replace(
    UNSAFE_IN_LINE,
    (char) => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A code frame's line: each unsafe character one column wide, so that the underline stays under its place. */
function frameLine(text: string): string {
  return text.replace(UNSAFE, "\ufffd");
}

function paint(enabled: boolean, style: keyof typeof styles, text: string): string {
  return enabled ? `\u001b[${styles[style]}m${text}\u001b[0m` : text;
}

/** Columns a tab takes the frame to the next multiple of: written as spaces, so the underline lines up on any terminal. */
const TAB_STOP = 4;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A line this long is shown whole, as a terminal wraps it; a longer one (minified JSON, a long command) is cut. */
const WHOLE_LINE = 300;

/** Of a line that is cut, this many characters are shown, the finding this far into them where it can be. */
const FRAME_LENGTH = 160;
const FRAME_LEAD = 60;

/** The part of a line a frame shows, in code units: all of a short line, around the finding in a long one. */
function frameWindow(text: string, start: number): { from: number; to: number } {
  if (text.length <= WHOLE_LINE) return { from: 0, to: text.length };
  let from = Math.max(0, Math.min(start - FRAME_LEAD, text.length - FRAME_LENGTH));
  let to = from + FRAME_LENGTH;
  // Never half a surrogate pair at either edge.
  if (isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return { from, to };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A line as the frame shows it, with the display column each code unit starts at: tabs become
 * spaces, and a wide character (CJK, emoji) takes two columns, so the underline is measured as
 * the terminal draws the line.
 */
function displayed(text: string): { shown: string; columns: number[] } {
  // Most lines are printable ASCII, a column a code unit: answered without walking the characters.
  if (PRINTABLE_ASCII.test(text))
    return { shown: text, columns: Array.from({ length: text.length + 1 }, (_, i) => i) };
  let shown = "";
  const columns: number[] = [];
  let column = 0;
  for (const char of text) {
    for (let unit = 0; unit < char.length; unit++) columns.push(column);
    if (char === "\t") {
      const spaces = TAB_STOP - (column % TAB_STOP);
      shown += " ".repeat(spaces);
      column += spaces;
    } else {
      shown += char;
      column += charWidth(char);
    }
  }
  columns.push(column);
  return { shown, columns };
}

function codeFrame(index: SourceIndex, mask: SecretMask, d: Diagnostic, color: boolean): string[] {
  const range = index.range(d);
  const lines = d.file ? index.index(d.file) : undefined;
  if (!range || !lines || lines.text.length === 0) return [];
  const { line, column } = range.start;
  const text = frameLine(mask.line(d.file!, lines.offset(line), lines.line(line)));
  const start = column - 1;
  const end = range.end.line === line ? range.end.column - 1 : text.length;
  const { from, to } = frameWindow(text, start);
  const { shown, columns } = displayed(text.slice(from, to));
  const lead = from > 0 ? "…" : "";
  const at = (offset: number) => lead.length + columns[Math.max(0, Math.min(offset - from, to - from))]!;
  const underline = " ".repeat(at(start)) + "^".repeat(Math.max(1, at(end) - at(start)));
  const width = String(line).length;
  return [
    paint(color, "dim", `  ${String(line).padStart(width)} | `) +
      lead +
      shown +
      (to < text.length ? "…" : ""),
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
  const mask = new SecretMask([...diagnostics, ...(options.secrets ?? [])], sources);
  const shownPath = shownPaths(options.cwd);
  const out: string[] = [];
  let previousFile: string | undefined;
  for (const d of diagnostics) {
    const range = index.range(d);
    const file = d.file ? shownPath(d.file) : "";
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
    append(out, codeFrame(index, mask, d, options.color));
    for (const related of d.related ?? [])
      out.push(
        `  ${paint(options.color, "dim", `${printable(related.message)}:`)} ${printable(placeOf(index, related, options.cwd))}`,
      );
    if (d.hint) out.push(`  ${paint(options.color, "cyan", "hint:")} ${printable(d.hint)}`);
  }
  if (diagnostics.length > 0) out.push("", summary(diagnostics));
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

/** "1 error, 2 warnings", and the infos where there are any: a run of notes alone must not read as clean. */
function summary(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic["severity"], noun: string) => {
    const n = diagnostics.filter((d) => d.severity === severity).length;
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
  };
  const infos = diagnostics.some((d) => d.severity === "info") ? [count("info", "info")] : [];
  return [count("error", "error"), count("warning", "warning"), ...infos].join(", ");
}
