/**
 * What the secret rules find in a model, at no severity a run sets: for a report to hide in its
 * code frames, where a command reports findings without linting (compose, k8s).
 */
import {
  type Diagnostic,
  type DiagnosticCode,
  diagnostic,
  type RelatedLocation,
  type SourceRange,
} from "../diagnostics.js";
import type { Model } from "../model/types.js";
import { rules } from "./registry.js";
import type { Rule } from "./rule.js";
import { SECRET_RULES } from "./secret-rules.js";

/** A secret rule's finding as a report hides it: its place and the further values it names. */
export function secretFinding(
  rule: Rule,
  at: SourceRange,
  message: string,
  related: RelatedLocation[] | undefined,
): Diagnostic {
  return diagnostic(rule.id as DiagnosticCode, rule.severity, message, at, related ? { related } : {});
}

export function secretsFound(model: Model, sources?: ReadonlyMap<string, string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    if (!SECRET_RULES.has(rule.id)) continue;
    rule.check({
      model,
      ruleSeverity: rule.severity,
      ...(sources ? { sources } : {}),
      report(at, message, _hint, options) {
        found.push(secretFinding(rule, at, message, options?.related));
      },
    });
  }
  return found;
}
