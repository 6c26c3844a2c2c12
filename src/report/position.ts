/** Offsets are the truth; line and column (1-based) are derived here, only when printing. */
import type { Diagnostic } from "../diagnostics.js";

export interface Position {
  line: number;
  column: number;
}

export interface LocatedRange {
  start: Position;
  end: Position;
}

/** Line starts of a text, computed once per file. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  line(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, "");
  }

  get lineCount(): number {
    return this.starts.length;
  }
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
