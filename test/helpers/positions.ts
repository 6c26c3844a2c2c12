import type { Diagnostic } from "../../src/diagnostics.js";
import { SourceIndex } from "../../src/report/position.js";

/** "code@line:col" for each diagnostic: what the table-driven tests compare. */
export function located(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string[] {
  const index = new SourceIndex(sources);
  return diagnostics.map((d) => {
    const range = index.range(d);
    return range ? `${d.code}@${range.start.line}:${range.start.column}` : d.code;
  });
}
