/**
 * What the comparison by meaning leaves out: a generated compose file or manifest that runs what
 * the model says may still differ in a label, a restart policy or a comment. Each differing hunk
 * that no finding by meaning already points at is reported on its own, so an edited copy reports
 * every edit, and each edit once.
 */
import { LineIndex } from "../diagnostic-lines.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { VERSION_LABEL } from "../emit/k8s/names.js";
import { CONFIG_HASH } from "../emit/k8s/pod.js";
import { type Hunk, lineHunks } from "./line-hunks.js";

const MAX_REPORTED = 20;

interface Span {
  first: number;
  last: number;
}

/** 1-based lines each finding in this file covers. */
function spansOf(path: string, findings: readonly Diagnostic[], index: LineIndex): Span[] {
  return findings
    .filter((d) => d.file === path && d.start !== undefined && !(d.start === 0 && !d.end))
    .map((d) => ({
      first: index.position(d.start!).line,
      last: index.position(d.end ?? d.start!).line,
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
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const DERIVED = new RegExp(`^\\s*(${escaped(VERSION_LABEL)}|${escaped(CONFIG_HASH)}):`);

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
  const index = new LineIndex(committed);
  const spans = spansOf(path, found.diagnostics, index);
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
    const start = index.offset(line);
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
