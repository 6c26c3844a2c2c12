/** SARIF 2.1.0, for code-scanning dashboards: one run, the rule catalogue as the tool's rules. */
import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { coreDiagnosticCodes, ruleIds } from "../diagnostic-codes.js";
import type { Diagnostic } from "../diagnostics.js";
import { isStandardInput } from "../load/standard-input.js";
import { type LocatedRange, SourceIndex, shownPath } from "./position.js";

export interface RuleDescription {
  id: string;
  description: string;
  why?: string;
  fix?: string;
  severity?: string;
}

const levels = { error: "error", warning: "warning", info: "note" } as const;

/** The project's home, as the tool's informationUri and the schema's $id give it: its pages are under it as in the repository. */
const HOME = "https://deployview.dev";

const RULE_IDS: ReadonlySet<string> = new Set(ruleIds);

/** A code's page: each rule has its own, the other codes share one list. */
function helpUri(id: string): string {
  return RULE_IDS.has(id) ? `${HOME}/docs/rules/${id}.md` : `${HOME}/docs/diagnostics.md`;
}

/**
 * A file as SARIF names it: a URI reference, so each path segment percent-encoded (a space, #, %
 * or a letter outside ASCII is not a URI's); relative to where the command ran, as code-scanning
 * resolves it against the checkout, and a file URI for one outside that folder.
 */
function artifactUri(cwd: string, file: string): string {
  const shown = shownPath(cwd, file);
  if (isAbsolute(shown)) return pathToFileURL(shown).href;
  return shown.split(sep).map(encodeURIComponent).join("/");
}

/**
 * Where an artifact is: its URI, or, for standard input, which is no file a viewer could open, no
 * URI (SARIF leaves it out where there is none) and a description that says what it is.
 */
function artifactLocation(cwd: string, file: string): Record<string, unknown> {
  if (isStandardInput(file)) return { description: { text: "standard input" } };
  return { uri: artifactUri(cwd, file) };
}

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
      helpUri: helpUri(id),
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
  const artifact = (file: string) => artifactLocation(options.cwd, file);
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
            artifactLocation: artifact(d.file),
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
          physicalLocation: { artifactLocation: artifact(r.file), ...(at ? { region: region(at) } : {}) },
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
            informationUri: HOME,
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
