import { join, relative } from "node:path";
import type { Diagnostic } from "../../src/diagnostics.js";
import { SourceIndex } from "../../src/report/position.js";
import { runCli } from "./cli.js";

/** "code@line:col" for each diagnostic: what the table-driven tests compare. */
export function located(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string[] {
  const index = new SourceIndex(sources);
  return diagnostics.map((d) => {
    const range = index.range(d);
    return range ? `${d.code}@${range.start.line}:${range.start.column}` : d.code;
  });
}

/**
 * Where `deployview check` of `folder` (under `root`) finds each finding of `code`, as
 * "file:line:column" (or "file:line" without columns), the file relative to `root`, sorted.
 */
export async function checkFindingsAt(
  root: string,
  folder: string,
  code: string,
  { columns = true }: { columns?: boolean } = {},
): Promise<string[]> {
  const result = await runCli(["check", join(root, folder), "--format", "json"]);
  const { diagnostics } = JSON.parse(result.stdout) as {
    diagnostics: { code: string; file: string; range: { start: { line: number; column: number } } }[];
  };
  return diagnostics
    .filter((d) => d.code === code)
    .map(({ file, range: { start } }) =>
      [relative(root, file), start.line, ...(columns ? [start.column] : [])].join(":"),
    )
    .sort();
}
