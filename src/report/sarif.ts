/** SARIF 2.1.0, for code-scanning dashboards: one run, the rule catalogue as the tool's rules. */
import { relative } from "node:path";
import { coreDiagnosticCodes } from "../diagnostic-codes.js";
import type { Diagnostic } from "../diagnostics.js";
import { type LocatedRange, SourceIndex } from "./position.js";

export interface RuleDescription {
  id: string;
  description: string;
  why?: string;
  fix?: string;
  severity?: string;
}

const levels = { error: "error", warning: "warning", info: "note" } as const;

export function formatSarif(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: { cwd: string; version: string; rules: readonly RuleDescription[] },
): string {
  const index = new SourceIndex(sources);
  const catalogue = new Map(options.rules.map((r) => [r.id, r]));
  const ids = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules = ids.map((id) => {
    const rule = catalogue.get(id);
    const text = rule?.description ?? coreDiagnosticCodes[id as keyof typeof coreDiagnosticCodes] ?? id;
    return {
      id,
      shortDescription: { text },
      ...(rule?.why ? { fullDescription: { text: rule.why } } : {}),
      ...(rule?.fix ? { help: { text: rule.fix } } : {}),
    };
  });
  const region = (range: LocatedRange) => ({
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    endColumn: Math.max(range.end.column, range.start.line === range.end.line ? range.start.column + 1 : 1),
  });
  const uri = (file: string) => relative(options.cwd, file).split("\\").join("/") || file;
  const results = diagnostics.map((d) => {
    const range = index.range(d);
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: ids.indexOf(d.code),
      level: levels[d.severity],
      message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
    };
    if (d.file) {
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(d.file) },
            ...(range ? { region: region(range) } : {}),
          },
        },
      ];
    }
    if (d.related?.length)
      result.relatedLocations = d.related.map((r, id) => {
        const at = index.range(r);
        return {
          id,
          physicalLocation: { artifactLocation: { uri: uri(r.file) }, ...(at ? { region: region(at) } : {}) },
          message: { text: r.message },
        };
      });
    return result;
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "deployview",
            version: options.version,
            informationUri: "https://deployview.dev",
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
