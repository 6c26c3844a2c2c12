/**
 * The linter: runs every rule over a resolved model, at each rule's severity as configured
 * (the model's `lint.rules`, then options), and honours suppression comments that give a reason:
 *
 *   # deployview-disable-next-line image-latest-tag -- the vendor publishes no versioned tags
 */
import { append } from "../collections.js";
import { LineIndex } from "../diagnostic-lines.js";
import {
  type Diagnostic,
  type DiagnosticCode,
  diagnostic,
  quotedNames,
  type SourceRange,
} from "../diagnostics.js";
import { suggestion } from "../model/suggest.js";
import type { Model } from "../model/types.js";
import { rules } from "./registry.js";
import { offByDefault, type RuleSeverity } from "./rule.js";
import { SECRET_RULES } from "./secret-rules.js";
import { secretFinding } from "./secrets-found.js";

export { rules } from "./registry.js";
export type { Rule } from "./rule.js";

import type { SeveritySetting } from "../model/severity-settings.js";

export { type SeveritySetting, severitySettings } from "../model/severity-settings.js";

export interface LintOptions {
  /** Rule id → severity, over the model's own `lint.rules`. */
  severities?: Record<string, SeveritySetting>;
  /** File → text, to read suppression comments. */
  sources?: ReadonlyMap<string, string>;
  /**
   * Files the model holds all of, so that the rules see all they could find in them: a
   * suppression there that suppresses nothing is reported (see `LoadResult.wholeFiles`).
   */
  wholeFiles?: readonly string[];
}

const SUPPRESSION = /#\s*deployview-disable-next-line\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:--\s*(.*))?$/;

function effective(setting: SeveritySetting | undefined, fallback: RuleSeverity): RuleSeverity | "off" {
  if (setting === undefined) return fallback;
  return setting === "warn" ? "warning" : setting;
}

/** A comment that starts like a suppression, whether or not it is written as one. */
const SUPPRESSION_LIKE = /(?:^|\s)#\s*deployview-disable/;

const SUPPRESSION_FORM = "# deployview-disable-next-line <rule>[, <rule>] -- <reason>";

/** One suppression comment that gives a reason: the rules it names, for the line after it. */
interface Suppression {
  comment: SourceRange;
  /** The text of the line it suppresses findings on. */
  next: string;
  ids: Set<string>;
  /** The ids that suppressed a finding. */
  used: Set<string>;
}

interface Suppressions {
  /** "file:line" → the suppression of that line. */
  lines: Map<string, Suppression>;
  problems: Diagnostic[];
}

function readSuppressions(
  sources: ReadonlyMap<string, string> | undefined,
  known: ReadonlySet<string>,
): Suppressions {
  const found: Suppressions = { lines: new Map(), problems: [] };
  for (const [file, text] of sources ?? []) {
    if (!text.includes("deployview-disable")) continue;
    let offset = 0;
    const lines = text.split("\n");
    lines.forEach((written, index) => {
      // A CRLF file's lines end in \r, which the reason would have to match.
      const line = written.endsWith("\r") ? written.slice(0, -1) : written;
      const match = SUPPRESSION.exec(line);
      if (match) {
        const at = { file, start: offset + (match.index ?? 0), end: offset + line.length };
        if (!match[2]?.trim()) {
          found.problems.push(
            diagnostic(
              "suppression-without-reason",
              "warning",
              "this suppression gives no reason, so it suppresses nothing",
              at,
              {
                hint: "write why after --: # deployview-disable-next-line <rule> -- <reason>",
              },
            ),
          );
        } else {
          const ids = new Set(match[1]!.split(",").map((id) => id.trim()));
          const next = lines[index + 1] ?? "";
          found.lines.set(`${file}:${index + 2}`, { comment: at, next, ids, used: new Set() });
          // A misspelt id suppresses nothing, and without a word the finding below seems to ignore the comment.
          const directive = /deployview-disable-next-line\s+/.exec(match[0])!;
          let from = (match.index ?? 0) + directive.index + directive[0].length;
          for (const id of ids) {
            from = line.indexOf(id, from);
            if (!known.has(id))
              found.problems.push(
                diagnostic(
                  "unknown-rule",
                  "warning",
                  `no lint rule is named '${id}'`,
                  {
                    file,
                    start: offset + from,
                    end: offset + from + id.length,
                  },
                  { hint: suggestion(id, [...known], "rule") },
                ),
              );
            from += id.length;
          }
        }
      } else {
        const like = SUPPRESSION_LIKE.exec(line);
        // Read as nothing, it would leave the finding below as if the comment were not there.
        if (like)
          found.problems.push(
            malformedSuppression(file, offset + like.index + like[0].indexOf("#"), offset + line.length),
          );
      }
      offset += written.length + 1;
    });
  }
  return found;
}

function malformedSuppression(file: string, start: number, end: number): Diagnostic {
  return diagnostic(
    "suppression-malformed",
    "warning",
    "this suppression comment is not written as one, so it suppresses nothing",
    { file, start, end },
    { hint: `write it as ${SUPPRESSION_FORM}, rule ids in lower case` },
  );
}

/**
 * The suppressions in files the run saw whole whose rules all ran and found nothing on the line
 * after them. Elsewhere a rule may find there what this run could not: a file a kustomize overlay
 * or a later compose file changes, or a rule turned off here.
 */
function unusedSuppressions(
  suppressions: Suppressions,
  wholeFiles: ReadonlySet<string>,
  ran: ReadonlySet<string>,
  model: Model,
): Diagnostic[] {
  const unused: Diagnostic[] = [];
  for (const suppression of suppressions.lines.values()) {
    if (!wholeFiles.has(suppression.comment.file)) continue;
    // A compose file's variables are filled in from where it runs: elsewhere the line may hold what
    // the rule finds.
    if (model.readFrom === "compose" && suppression.next.includes("$")) continue;
    const ids = [...suppression.ids];
    if (!ids.every((id) => ran.has(id))) continue;
    const idle = ids.filter((id) => !suppression.used.has(id));
    if (idle.length === 0) continue;
    unused.push(
      diagnostic(
        "unused-suppression",
        "warning",
        `this suppression of ${quotedNames(idle)} suppresses nothing on the next line`,
        suppression.comment,
        {
          hint:
            idle.length === ids.length
              ? "remove the comment: left in place, it would hide a new finding there unseen"
              : `take ${quotedNames(idle)} out of the comment: left in, it would hide a new finding there unseen`,
        },
      ),
    );
  }
  return unused;
}

/** What the rules find, and every secret among what they look at. */
export interface Linted {
  findings: Diagnostic[];
  /**
   * What the secret rules find (SECRET_RULES), reported or not: turned off, suppressed or below the
   * severity a run shows, the secret is still on its line, for a report to hide.
   */
  secrets: Diagnostic[];
}

export function lint(model: Model, options: LintOptions = {}): Diagnostic[] {
  return lintWithSecrets(model, options).findings;
}

export function lintWithSecrets(model: Model, options: LintOptions = {}): Linted {
  const settings: Record<string, SeveritySetting> = { ...model.lint.rules, ...options.severities };
  const known = new Set(rules.map((r) => r.id));
  const findings: Diagnostic[] = [];
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) {
      findings.push(
        diagnostic(
          "unknown-rule",
          "warning",
          `no lint rule is named '${id}'`,
          (Object.hasOwn(model.lint.at, id) ? model.lint.at[id] : undefined) ?? model.system.at,
          {
            hint: suggestion(id, [...known], "rule"),
          },
        ),
      );
    }
  }
  const suppressions = readSuppressions(options.sources, known);
  append(findings, suppressions.problems);
  // Each file's lines are found once: counting them from the start for every finding took a large
  // file with one suppression in it minutes.
  const lineIndexes = new Map<string, LineIndex>();
  const lineOf = (at: SourceRange) => {
    const text = options.sources?.get(at.file);
    if (text === undefined || suppressions.lines.size === 0) return undefined;
    let index = lineIndexes.get(at.file);
    if (!index) {
      index = new LineIndex(text);
      lineIndexes.set(at.file, index);
    }
    return index.position(at.start).line;
  };
  const suppressedAt = (at: SourceRange, id: string) => {
    const line = lineOf(at);
    const suppression = line === undefined ? undefined : suppressions.lines.get(`${at.file}:${line}`);
    if (!suppression?.ids.has(id)) return false;
    suppression.used.add(id);
    return true;
  };
  const ran = new Set<string>();
  const secrets: Diagnostic[] = [];
  for (const rule of rules) {
    const configured = settings[rule.id];
    const severity =
      configured === undefined && offByDefault(rule, model.readFrom)
        ? "off"
        : effective(configured, rule.severity);
    const flagsSecrets = SECRET_RULES.has(rule.id);
    // A secret rule runs turned off too, for the secrets it finds, and reports nothing.
    if (severity === "off" && !flagsSecrets) continue;
    const reported = severity !== "off";
    if (reported) ran.add(rule.id);
    rule.check({
      model,
      ruleSeverity: rule.severity,
      ...(options.sources ? { sources: options.sources } : {}),
      report(at, message, hint, reportOptions) {
        if (flagsSecrets) secrets.push(secretFinding(rule, at, message, reportOptions?.related));
        if (!reported) return;
        // A value taken through a YAML alias is reported at its anchor; a comment over the alias,
        // beside the service it configures, suppresses it as well.
        if (suppressedAt(at, rule.id) || (at.via && suppressedAt(at.via, rule.id))) return;
        const chosen =
          reportOptions?.lower && settings[rule.id] === undefined
            ? severity === "error"
              ? "warning"
              : "info"
            : severity;
        findings.push(
          diagnostic(rule.id as DiagnosticCode, chosen, message, at, {
            ...(hint ? { hint } : {}),
            ...(reportOptions?.related ? { related: reportOptions.related } : {}),
          }),
        );
      },
    });
  }
  if (options.wholeFiles)
    append(findings, unusedSuppressions(suppressions, new Set(options.wholeFiles), ran, model));
  return { findings, secrets };
}
