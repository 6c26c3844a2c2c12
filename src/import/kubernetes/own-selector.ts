/**
 * A Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController manages the pods its selector matches, and the API server
 * refuses one whose selector does not match the labels of its own pod template, or (apps/v1) that
 * has none. Found here, where the selector is written, and reported by its rule.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import {
  asArray,
  asObject,
  describeSelector,
  isObject,
  labelSelectorMatches,
  type ManifestObject,
  podLabelsOf,
} from "./objects.js";
import { locateIn } from "./patch-origin.js";

// Jobs and CronJobs have their selectors made for them.
const SELECTING_KINDS = new Set([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
]);

export function ownSelectorFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const workload of workloads) {
    if (!SELECTING_KINDS.has(workload.kind)) continue;
    const spec = asObject(workload.value.spec);
    // A ReplicationController's selector is the labels themselves, not a label selector.
    const selector =
      workload.kind === "ReplicationController"
        ? { matchLabels: asObject(spec.selector) }
        : asObject(spec.selector);
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
          locateIn(
            workload,
            [...workload.base, "spec", ...(spec.selector === undefined ? [] : ["selector"])],
            spec.selector === undefined ? "key" : "value",
          ),
          { hint: "add spec.selector.matchLabels with labels of the pod template" },
        ),
      );
      continue;
    }
    if (labelSelectorMatches(selector, labels)) continue;
    const own = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
    found.push(
      diagnostic(
        "workload-selector-mismatch",
        "error",
        `${who} selects ${describeSelector(selector)}, which its own pods (${own.length > 0 ? `labelled ${own.join(", ")}` : "with no labels"}) do not match`,
        locateIn(workload, [...workload.base, "spec", "selector"], "value"),
      ),
    );
  }
  return found;
}
