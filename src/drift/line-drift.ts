/**
 * What the comparison by meaning leaves out: a generated compose file or manifest that runs what
 * the model says may still differ in a label, a restart policy or a comment. Each differing hunk
 * that no finding by meaning already points at is reported on its own, so an edited copy reports
 * every edit, and each edit once.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { type Hunk, lineHunks } from "./line-hunks.js";

const MAX_REPORTED = 20;

/** Where each line of a text starts; line n (1-based) starts at `starts[n - 1]`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The 1-based line of an offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

interface Span {
  first: number;
  last: number;
}

/** 1-based lines each finding in this file covers. */
function spansOf(path: string, findings: readonly Diagnostic[], starts: readonly number[]): Span[] {
  return findings
    .filter((d) => d.file === path && d.start !== undefined && !(d.start === 0 && !d.end))
    .map((d) => ({
      first: lineOf(starts, d.start!),
      last: lineOf(starts, d.end ?? d.start!),
    }));
}

/** A service the file lacks explains the hunk where its lines were. */
function removesMissing(hunk: Hunk, generated: readonly string[], missing: readonly string[]): boolean {
  for (let line = hunk.afterStart; line < hunk.afterEnd; line++) {
    const text = generated[line]!.trim();
    if (missing.some((id) => text === `${id}:` || text === `name: ${id}`)) return true;
  }
  return false;
}

/**
 * Lines the generator derives from others: the version label from the image, the configuration
 * hash from the ConfigMap. They change with what they derive from, so alone they are an edit and
 * beside another difference they are its echo.
 */
const DERIVED = /^\s*(app\.kubernetes\.io\/version|deployview\.dev\/config-hash):/;

function derivedOnly(hunk: Hunk, committed: readonly string[], generated: readonly string[]): boolean {
  const lines = [
    ...committed.slice(hunk.beforeStart, hunk.beforeEnd),
    ...generated.slice(hunk.afterStart, hunk.afterEnd),
  ];
  return lines.every((line) => DERIVED.test(line));
}

function explained(hunk: Hunk, spans: readonly Span[]): boolean {
  const first = hunk.beforeStart + 1;
  if (hunk.beforeEnd === hunk.beforeStart)
    return spans.some((span) => span.first < first && first <= span.last);
  return spans.some((span) => span.first <= hunk.beforeEnd && first <= span.last);
}

function describe(hunk: Hunk, generated: readonly string[]): string {
  const expected = `'${(generated[hunk.afterStart] ?? "").trim().slice(0, 80)}'`;
  if (hunk.afterEnd === hunk.afterStart) {
    const count = hunk.beforeEnd - hunk.beforeStart;
    return count === 1
      ? "the model does not generate this line"
      : `the model does not generate these ${count} lines`;
  }
  if (hunk.beforeEnd === hunk.beforeStart)
    return `the model generates ${expected} here, which this file lacks`;
  return `this differs from what the model generates here: ${expected}`;
}

export function unexplainedLines(
  path: string,
  committed: string,
  generated: string,
  found: { diagnostics: readonly Diagnostic[]; missing: readonly string[] },
): Diagnostic[] {
  const starts = lineStarts(committed);
  const spans = spansOf(path, found.diagnostics, starts);
  const before = committed.split("\n");
  const after = generated.split("\n");
  const hunks = lineHunks(before, after);
  const echoes = hunks.filter((hunk) => derivedOnly(hunk, before, after));
  const elsewhere = hunks.length > echoes.length || spans.length > 0;
  const left = hunks.filter(
    (hunk) =>
      !explained(hunk, spans) &&
      !removesMissing(hunk, after, found.missing) &&
      !(elsewhere && echoes.includes(hunk)),
  );
  const at = (hunk: Hunk) => {
    const line = hunk.beforeStart + 1;
    const text = before[line - 1] ?? "";
    const start = starts[line - 1] ?? committed.length;
    return { file: path, start: start + text.length - text.trimStart().length, end: start + text.length };
  };
  const reported = left.slice(0, MAX_REPORTED).map((hunk) =>
    diagnostic("stale-generated-file", "error", describe(hunk, after), at(hunk), {
      hint: "run deployview build, or move the change into the model",
    }),
  );
  const rest = left.length - MAX_REPORTED;
  if (rest > 0)
    reported.push(
      diagnostic(
        "stale-generated-file",
        "error",
        `and ${rest} more places differ from what the model generates`,
        at(left[MAX_REPORTED]!),
        { hint: "run deployview build, or move the change into the model" },
      ),
    );
  return reported;
}
