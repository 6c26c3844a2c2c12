/**
 * Rules whose findings the importer makes while it reads the files (what the model does not keep,
 * such as a compose file's `version:`), reported through a rule so that they are configured and
 * suppressed as every other finding is.
 */
import type { RuleContext } from "./rule.js";

export function reportImported(context: RuleContext, code: string): void {
  for (const d of context.model.importFindings ?? []) {
    if (d.code !== code || d.file === undefined || d.start === undefined) continue;
    context.report({ file: d.file, start: d.start, end: d.end ?? d.start }, d.message, d.hint);
  }
}
