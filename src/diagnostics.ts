import { inWords } from "./collections.js";
import type { DiagnosticCode } from "./diagnostic-codes.js";

export type { DiagnosticCode } from "./diagnostic-codes.js";

export type Severity = "error" | "warning" | "info";

/** Where something came from: a file and a half-open range of character offsets. */
export interface SourceRange {
  file: string;
  start: number;
  end: number;
  /**
   * Where a value written elsewhere is used: the YAML alias that takes it, where the range is its
   * anchor's value. A finding there names it beside the anchor, as a related location.
   */
  via?: RelatedLocation;
}

export interface RelatedLocation extends SourceRange {
  message: string;
}

/**
 * The one diagnostic shape. Positions are offsets; line and column are derived when printed
 * (see `src/report/position.ts`), so no message ever carries position text.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** What to do about it, when we know. */
  hint?: string;
  file?: string;
  start?: number;
  end?: number;
  /** Key path inside the file, e.g. ["services", "api", "ports"]. */
  path?: (string | number)[];
  related?: RelatedLocation[];
  /**
   * The id of the service the finding is about, where its message names it quoted ('api'): the
   * findings several services share at one place (a YAML anchor) are merged by it into one that
   * names them all, where their text alone could quote a port or a value as well.
   */
  about?: string;
}

/** What every user-input path returns instead of throwing. */
export interface Result<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

/**
 * `at` is a place in a file, or the file alone for a finding about it as a whole (too large to read,
 * empty, not there): that names no place in it, as there is no line to point at (a made-up 1:1 would
 * send the reader to look at one).
 */
export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  at?: SourceRange | { file: string },
  extra: Pick<Diagnostic, "hint" | "path" | "related" | "about"> = {},
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  let via: RelatedLocation | undefined;
  if (at) {
    d.file = at.file;
    if ("start" in at) {
      d.start = at.start;
      d.end = at.end;
      via = at.via;
    }
  }
  if (extra.hint) d.hint = extra.hint;
  if (extra.path) d.path = extra.path;
  const related = via ? [...(extra.related ?? []), relatedAt(via)] : extra.related;
  if (related?.length) d.related = related;
  if (extra.about !== undefined) d.about = extra.about;
  return d;
}

/** A related location as a plain value: a range found lazily has its fields as getters. */
function relatedAt({ file, start, end, message }: RelatedLocation): RelatedLocation {
  return { file, start, end, message };
}

/** A file that could not be read. */
export function unreadableFile(message: string, file: string, hint: string): Diagnostic {
  return diagnostic("file-unreadable", "error", message, { file }, { hint });
}

/** What to do about a file that is there but cannot be read. */
export const CANNOT_READ_HINT = "check that the file can be read: its permissions, or what it links to";

/** 'a', 'a' and 'b', or 'a', 'b', 'c' and 9 others: the names a message gives, not a list to read through. */
export function quotedNames(ids: readonly string[]): string {
  const named = ids.slice(0, 3).map((id) => `'${id}'`);
  const rest = ids.length - named.length;
  if (rest > 0) return `${named.join(", ")} and ${rest} other${rest === 1 ? "" : "s"}`;
  return inWords(named);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order: file, then offset, then code. Reporters and tests rely on it. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      byCodeUnits(a.file ?? "", b.file ?? "") ||
      (a.start ?? -1) - (b.start ?? -1) ||
      byCodeUnits(a.code, b.code),
  );
}

/**
 * How many more a finding says it is of besides those it names ('a' and 2 others, 'a' (and 1 other
 * service)) is passed over too: where a variant overrides some of the services a base file's anchor
 * sets up, its run counts fewer of them at the same place.
 */
const OTHERS_COUNTED = / \(?and \d+ other(?: services?|s)?\)?/g;

function withoutOthersCounted(message: string): string {
  return message.includes(" other") ? message.replace(OTHERS_COUNTED, "") : message;
}

/**
 * Each finding once: files that several configurations share (a base compose file, a kustomize
 * base) are checked with each of them, and say the same thing of the same place each time, by
 * the name each gives the object where overlays prefix it ('web', 'prod-web'): the first is kept.
 * `runs` holds the findings of each configuration apart: names are passed over only between runs,
 * as within one run two findings at one place that name different things are two defects
 * ('api' uses 'db', and 'cache'). A finding with no place of its own in the file (the file's
 * start) is told apart by its names.
 */
export function uniqueDiagnostics(runs: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const seen = new Set<string>();
  /** Of each finding without its names, the most any earlier run said. */
  const earlier = new Map<string, number>();
  return runs.flatMap((run) => {
    const thisRun = new Map<string, number>();
    const kept = run.filter((d) => {
      // Not by its hint: a run that knows more of the place (an override's ports) hints more exactly.
      const key = JSON.stringify([d.code, d.severity, d.message, d.file, d.start, d.end]);
      const placed = d.start !== undefined && d.end !== undefined && d.start < d.end;
      let anew = true;
      if (placed) {
        const message = withoutOthersCounted(d.message.replace(/'[^'\s]*'/g, "''"));
        const unnamed = JSON.stringify([d.code, d.severity, message, d.file, d.start, d.end]);
        const count = (thisRun.get(unnamed) ?? 0) + 1;
        thisRun.set(unnamed, count);
        anew = count > (earlier.get(unnamed) ?? 0);
      }
      if (seen.has(key)) return false;
      seen.add(key);
      return anew;
    });
    for (const [unnamed, count] of thisRun) earlier.set(unnamed, Math.max(count, earlier.get(unnamed) ?? 0));
    return kept;
  });
}

// Code-unit order, not a collator: it is the same on every machine whatever its locale, and
// creating a collator loads ICU data, which costs a short run more than all its checks.
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
