import type { Diagnostic } from "../diagnostics.js";
import { type LocatedRange, SourceIndex, shownPath } from "./position.js";

export interface JsonDiagnostic extends Diagnostic {
  range?: LocatedRange;
}

/** Diagnostics with line/column added: what `--format json` prints and what the viewer reads. */
export function toJsonDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  cwd?: string,
): JsonDiagnostic[] {
  const index = new SourceIndex(sources);
  // Paths relative to where the command ran, so output is the same on every machine.
  const file = (path: string) => (cwd ? shownPath(cwd, path) : path);
  return diagnostics.map((d) => {
    const range = index.range(d);
    const shown: JsonDiagnostic = range ? { ...d, range } : { ...d };
    if (d.file) shown.file = file(d.file);
    if (d.related)
      shown.related = d.related.map((r) => {
        const at = index.range(r);
        return { ...r, file: file(r.file), ...(at ? { range: at } : {}) };
      });
    return shown;
  });
}

export function formatJson(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  cwd?: string,
): string {
  const list = toJsonDiagnostics(diagnostics, sources, cwd);
  const count = (severity: Diagnostic["severity"]) =>
    diagnostics.filter((d) => d.severity === severity).length;
  return `${JSON.stringify({ diagnostics: list, summary: { errors: count("error"), warnings: count("warning"), infos: count("info") } }, null, 2)}\n`;
}
