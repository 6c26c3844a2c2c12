import type { Diagnostic } from "../diagnostics.js";
import { formatJson } from "./json.js";
import { formatText, type TextOptions } from "./text.js";

export type ReportFormat = "text" | "json";

/** The one entry point commands use to print diagnostics. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  format: ReportFormat,
  options: TextOptions = { color: false, cwd: process.cwd() },
): string {
  switch (format) {
    case "text":
      return formatText(diagnostics, sources, options);
    case "json":
      return formatJson(diagnostics, sources, options.cwd);
    default: {
      const unreachable: never = format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}
