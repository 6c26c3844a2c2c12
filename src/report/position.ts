/** Offsets are the truth; line and column (1-based) are derived here, only when printing. */
import { relative, resolve, sep } from "node:path";
import { LineIndex, type Position } from "../diagnostic-lines.js";

import type { Diagnostic } from "../diagnostics.js";

export { LineIndex, type Position };

export interface LocatedRange {
  start: Position;
  end: Position;
}

/** Line indexes per file, built lazily. */
export class SourceIndex {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  index(file: string): LineIndex | undefined {
    let index = this.indexes.get(file);
    if (!index) {
      const text = this.sources.get(file);
      if (text === undefined) return undefined;
      index = new LineIndex(text);
      this.indexes.set(file, index);
    }
    return index;
  }

  range(diagnostic: Pick<Diagnostic, "file" | "start" | "end">): LocatedRange | undefined {
    if (diagnostic.file === undefined || diagnostic.start === undefined) return undefined;
    const index = this.index(diagnostic.file);
    if (!index) return undefined;
    return {
      start: index.position(diagnostic.start),
      end: index.position(diagnostic.end ?? diagnostic.start),
    };
  }
}

/** Where a range is, as `file:line:column` relative to `cwd` (the file alone when its text is not at hand). */
export function placeOf(
  index: SourceIndex,
  at: Pick<Diagnostic, "file" | "start" | "end">,
  cwd: string,
): string {
  if (at.file === undefined) return "";
  const file = shownPath(cwd, at.file);
  const range = index.range(at);
  return range ? `${file}:${range.start.line}:${range.start.column}` : file;
}

/**
 * A file as a report names it: relative to where the command ran, so that output is the same on
 * every machine; a file outside that folder by its whole path, which says where it is (../../x
 * leaves the reader to count).
 */
export function shownPath(cwd: string, file: string): string {
  const shown = relative(cwd, file);
  if (shown === "") return file;
  return shown === ".." || shown.startsWith(`..${sep}`) ? resolve(cwd, file) : shown;
}

/** shownPath from one `cwd`, worked out once a file: a report names one file for many findings. */
export function shownPaths(cwd: string): (file: string) => string {
  const shown = new Map<string, string>();
  return (file) => {
    let path = shown.get(file);
    if (path === undefined) {
      path = shownPath(cwd, file);
      shown.set(file, path);
    }
    return path;
  };
}
