/** GitHub Actions workflow commands: each finding becomes an annotation on its file and line. */
import { relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isStandardInput } from "../load/standard-input.js";
import { placeOf, SourceIndex } from "./position.js";
import { printable } from "./text.js";

/**
 * Workflow-command data escapes %, CR and LF; property values also : and ,. Other control
 * characters of a file's names would reach the log as they are: written as escapes, as the text
 * report writes them.
 */
function escapeData(text: string): string {
  return printable(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const commands = { error: "error", warning: "warning", info: "notice" } as const;

export function formatGithub(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  cwd: string,
): string {
  const index = new SourceIndex(sources);
  return diagnostics.map((d) => annotation(d, index, cwd)).join("");
}

function annotation(d: Diagnostic, index: SourceIndex, cwd: string): string {
  // GitHub places an annotation on a file of the checkout, and standard input is none: a finding
  // there is written unplaced, saying where it is in its message.
  const fromInput = d.file !== undefined && isStandardInput(d.file);
  const range = fromInput ? undefined : index.range(d);
  const properties = [
    ...(d.file && !fromInput ? [`file=${escapeProperty(relative(cwd, d.file) || d.file)}`] : []),
    ...(range
      ? [
          `line=${range.start.line}`,
          `col=${range.start.column}`,
          `endLine=${range.end.line}`,
          `endColumn=${range.end.column}`,
        ]
      : []),
    `title=${escapeProperty(`deployview ${d.code}`)}`,
  ];
  const place = fromInput ? `${placeOf(index, d, cwd)}: ` : "";
  const related = (d.related ?? []).map((r) => `; ${r.message} at ${placeOf(index, r, cwd)}`).join("");
  const text = `${place}${d.message}${related}${d.hint ? ` (${d.hint})` : ""}`;
  return `::${commands[d.severity]} ${properties.join(",")}::${escapeData(text)}\n`;
}
