/**
 * Lines and columns of a text, derived from offsets: for printing diagnostics (report) and for
 * working by lines in a layer below it (drift's line diff).
 */
export interface Position {
  line: number;
  column: number;
}

/** Line starts of a text, computed once per file. */
export class LineIndex {
  // A byte order mark is no column of the first line: editors show none, and count from after it.
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = [text.startsWith("\ufeff") ? 1 : 0];
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) this.starts.push(at + 1);
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
    return { line: low + 1, column: Math.max(1, clamped - this.starts[low]! + 1) };
  }

  /** The text of a 1-based line, without its line break. */
  line(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, "");
  }

  /** Offset where a 1-based line starts; past the last line, the end of the text. */
  offset(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
