/**
 * Rules whose findings are made elsewhere and reported through the rule, so that their severity is
 * configured and they are suppressed as every other finding is: analyses that other commands also
 * run (budgets, the preflight of generated configuration), so `check` and `compose`/`k8s` can never
 * disagree; and what the importers found while reading the files (a compose file's `version:`, a
 * sidecar's privileges), which the model does not keep.
 */
import { budgetDiagnostics } from "../analyze/budgets.js";
import type { Diagnostic } from "../diagnostics.js";
import { kubernetesPreflight } from "../emit/k8s/preflight.js";
import { preflight } from "../emit/runtime/preflight.js";
import type { Model } from "../model/types.js";
import type { RuleContext, RuleSeverity } from "./rule.js";

const RANK: Record<string, number> = { error: 2, warning: 1, info: 0 };

const cache = new WeakMap<Model, Diagnostic[]>();

function analyses(model: Model): Diagnostic[] {
  let found = cache.get(model);
  if (!found) {
    found = model.environments.flatMap((environment) => [
      ...budgetDiagnostics(environment),
      ...(environment.platform === "compose" ? preflight(model, environment, "compose") : []),
      ...(environment.platform === "kubernetes" ? kubernetesPreflight(model, environment) : []),
    ]);
    cache.set(model, found);
  }
  return found;
}

/** Reports every finding with this code, once per place; one made below `ruleSeverity`, a step below the rule's. */
function reportFound(
  context: RuleContext,
  found: readonly Diagnostic[],
  code: string,
  hint?: string,
  ruleSeverity?: RuleSeverity,
): void {
  const seen = new Set<string>();
  for (const d of found) {
    if (d.code !== code || d.file === undefined || d.start === undefined) continue;
    const key = `${d.file}|${d.start}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    context.report({ file: d.file, start: d.start, end: d.end ?? d.start }, d.message, d.hint ?? hint, {
      ...(d.related ? { related: d.related } : {}),
      ...(ruleSeverity && RANK[d.severity]! < RANK[ruleSeverity]! ? { lower: true } : {}),
    });
  }
}

/** A hint said the same of every finding, or one made for each from what it is about. */
type AnalysisHint = string | ((found: Diagnostic) => string);

/**
 * `hints`: what to say instead of the analysis's own hint, which speaks the model's language, where
 * the model was read from compose files or manifests.
 */
export function reportAnalysis(
  context: RuleContext,
  code: string,
  hints?: { compose: AnalysisHint; kubernetes: AnalysisHint },
): void {
  const readFrom = context.model.readFrom;
  const found = analyses(context.model);
  const hintFor = hints && readFrom ? hints[readFrom] : undefined;
  // A finding the analysis made below the rule's severity (memory that may exceed a budget, a
  // warning of an error rule) stays a step below it.
  reportFound(
    context,
    hintFor
      ? found.map((d) =>
          d.code === code ? { ...d, hint: typeof hintFor === "string" ? hintFor : hintFor(d) } : d,
        )
      : found,
    code,
    undefined,
    context.ruleSeverity,
  );
}

/**
 * `hint` is the rule's own, for a finding that has none of its own to give. What the importer found
 * less certain (a warning of an error rule) stays a step below the rule's severity.
 */
export function reportImported(context: RuleContext, code: string, hint?: string): void {
  // What the importer found below the rule's severity (a manifest's probe of an undeclared port,
  // which the kubelet probes all the same) stays a step below it, as an analysis's does.
  reportFound(context, context.model.importFindings ?? [], code, hint, context.ruleSeverity);
}
