/**
 * Everything `deployview check` reports about a loaded model: each node's budget and capacity, and
 * for each environment what would keep its generated configuration from starting.
 */
import { budgetDiagnostics } from "../analyze/budgets.js";
import type { Diagnostic } from "../diagnostics.js";
import { kubernetesPreflight } from "../emit/k8s/preflight.js";
import { preflight } from "../emit/runtime/preflight.js";
import type { Model } from "../model/types.js";

export function checkModel(model: Model): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const environment of model.environments) {
    found.push(...budgetDiagnostics(environment));
    if (environment.platform === "compose") found.push(...preflight(model, environment, "compose"));
    if (environment.platform === "kubernetes") found.push(...kubernetesPreflight(model, environment));
  }
  // One service can fail the same way in several environments; report each place once.
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = `${d.code}|${d.file}|${d.start}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
