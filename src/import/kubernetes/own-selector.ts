/**
 * A Deployment, StatefulSet or DaemonSet manages the pods its selector matches, and the API server
 * refuses one whose selector does not match the labels of its own pod template, or (apps/v1) that
 * has none. Found here, where the selector is written, and reported by its rule.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { asArray, asObject, isObject, type Json, type ManifestObject, podLabelsOf } from "./objects.js";

// Jobs and CronJobs have their selectors made for them.
const SELECTING_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet"]);

type Labels = Record<string, string>;

/** Whether a label selector's requirement holds for the labels; an operator it does not know, it cannot judge. */
function holds(expression: Json, labels: Labels): boolean {
  const key = asText(expression.key ?? "");
  const has = Object.hasOwn(labels, key);
  const values = asArray(expression.values).map(asText);
  switch (expression.operator) {
    case "In":
      return has && values.includes(labels[key]!);
    case "NotIn":
      return !has || !values.includes(labels[key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return true;
  }
}

function describe(selector: Json): string {
  const equal = Object.entries(asObject(selector.matchLabels)).map(([k, v]) => `${k}=${asText(v)}`);
  const expressions = asArray(selector.matchExpressions)
    .filter(isObject)
    .map((e) => {
      const values = asArray(e.values).map(asText);
      return `${asText(e.key ?? "")} ${asText(e.operator ?? "")}${values.length > 0 ? ` (${values.join(", ")})` : ""}`;
    });
  return [...equal, ...expressions].join(", ");
}

export function ownSelectorFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const workload of workloads) {
    if (!SELECTING_KINDS.has(workload.kind)) continue;
    const spec = asObject(workload.value.spec);
    const selector = asObject(spec.selector);
    const matchLabels = asObject(selector.matchLabels);
    const expressions = asArray(selector.matchExpressions).filter(isObject);
    const labels = podLabelsOf(workload);
    const who = `${workload.kind} '${workload.name}'`;
    if (Object.keys(matchLabels).length === 0 && expressions.length === 0) {
      // Before apps/v1 the selector was taken from the template's labels.
      if (workload.apiVersion !== "apps/v1") continue;
      found.push(
        diagnostic(
          "workload-selector-mismatch",
          "error",
          `${who} has no selector, which apps/v1 requires`,
          locate(
            workload.yaml,
            [...workload.base, "spec", ...(spec.selector === undefined ? [] : ["selector"])],
            spec.selector === undefined ? "key" : "value",
          ),
          { hint: "add spec.selector.matchLabels with labels of the pod template" },
        ),
      );
      continue;
    }
    const matches =
      Object.entries(matchLabels).every(([k, v]) => labels[k] === asText(v)) &&
      expressions.every((e) => holds(e, labels));
    if (matches) continue;
    const own = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
    found.push(
      diagnostic(
        "workload-selector-mismatch",
        "error",
        `${who} selects ${describe(selector)}, which its own pods (${own.length > 0 ? `labelled ${own.join(", ")}` : "with no labels"}) do not match`,
        locate(workload.yaml, [...workload.base, "spec", "selector"], "value"),
      ),
    );
  }
  return found;
}
