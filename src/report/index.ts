import type { Diagnostic } from "../diagnostics.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif, type RuleDescription } from "./sarif.js";
import { formatText, type TextOptions } from "./text.js";

export type ReportFormat = "text" | "json" | "sarif" | "github";
export type { RuleDescription } from "./sarif.js";

export interface ReportOptions extends TextOptions {
  /** Rule metadata for SARIF's rule descriptions. */
  rules?: readonly RuleDescription[];
  version?: string;
}

/** The one entry point commands use to print diagnostics. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  format: ReportFormat,
  options: ReportOptions = { color: false, cwd: process.cwd() },
): string {
  switch (format) {
    case "text":
      return formatText(diagnostics, sources, options);
    case "json":
      return formatJson(diagnostics, sources, options.cwd);
    case "sarif":
      return formatSarif(diagnostics, sources, {
        cwd: options.cwd,
        version: options.version ?? "0.0.0",
        rules: options.rules ?? [],
      });
    case "github":
      return formatGithub(diagnostics, sources, options.cwd);
    default: {
      const unreachable: never = format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}
