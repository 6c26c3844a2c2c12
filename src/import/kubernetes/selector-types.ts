/**
 * A label selector's values are text (map[string]string in the API): a list, a mapping, a number or
 * true is refused by the API server, so the object selects nothing because it is never made. That
 * is reported where the value is written, and not again as a selector that matches no pods.
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { checksFields, type FieldProblem, problemDiagnostics } from "./field-problems.js";
import { asObject, isObject, type Json, type ManifestObject } from "./objects.js";

/** Whether a label's value is one the API server refuses; null it reads as unset. */
const refusedValue = (value: unknown): boolean => value !== null && typeof value !== "string";

/** Whether any value of these labels (a selector's matchLabels, a Service's selector) is refused. */
export function hasRefusedLabel(labels: unknown): boolean {
  return isObject(labels) && Object.values(labels).some(refusedValue);
}

/** Where each kind keeps the labels it selects pods by. */
function selectorPath(object: ManifestObject): KeyPath | undefined {
  if (object.kind === "Service") return ["spec", "selector"];
  if (object.kind === "PodDisruptionBudget") return ["spec", "selector", "matchLabels"];
  if (object.kind === "NetworkPolicy") return ["spec", "podSelector", "matchLabels"];
  return undefined;
}

/**
 * The refused values of the selectors of objects whose fields are not checked as a whole
 * (field-problems.ts checks a v1 Service's and a policy/v1 PodDisruptionBudget's already).
 */
export function selectorTypeDiagnostics(objects: readonly ManifestObject[]): Diagnostic[] {
  return objects.flatMap((object) => {
    const path = selectorPath(object);
    if (!path || checksFields(object.apiVersion, object.kind)) return [];
    const labels = path.reduce<Json>((at, field) => asObject(at[field]), object.value);
    const problems: FieldProblem[] = Object.entries(labels)
      .filter(([, value]) => refusedValue(value))
      .map(([name, value]) => ({ kind: "type", path: [...path, name], value, expected: "string" }));
    return problems.length > 0 ? problemDiagnostics(object, problems) : [];
  });
}
