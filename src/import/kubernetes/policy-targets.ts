/**
 * Objects that act on a workload and name it: a HorizontalPodAutoscaler by its scaleTargetRef, a
 * PodDisruptionBudget by the labels of its pods. One whose workload is not here applies cleanly and
 * does nothing: the autoscaler never scales, the budget never guards a drain.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { asObject, isObject, type ManifestObject, podLabelsOf, selects, workloadKinds } from "./objects.js";

export function policyTargetFindings(
  objects: readonly ManifestObject[],
  workloads: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const object of objects) {
    const spec = asObject(object.value.spec);
    const namespace = namespaceOf(object);
    if (object.kind === "HorizontalPodAutoscaler") {
      const target = asObject(spec.scaleTargetRef);
      // Another kind (an Argo Rollout, a custom resource) is not read here: nothing to compare.
      if (typeof target.kind !== "string" || !workloadKinds.has(target.kind)) continue;
      if (typeof target.name !== "string") continue;
      const named = workloads.some(
        (w) => w.kind === target.kind && w.name === target.name && namespaceOf(w) === namespace,
      );
      if (named) continue;
      found.push(
        diagnostic(
          "autoscaler-targets-nothing",
          "warning",
          `HorizontalPodAutoscaler '${object.name}' scales ${target.kind} '${target.name}', which the manifests here do not define in namespace '${namespace}'`,
          locate(object.yaml, [...object.base, "spec", "scaleTargetRef", "name"], "value"),
        ),
      );
    } else if (object.kind === "PodDisruptionBudget") {
      const selector = asObject(spec.selector);
      // Expressions are not evaluated here, and an empty selector takes every pod of the namespace.
      if (selector.matchExpressions !== undefined || !isObject(selector.matchLabels)) continue;
      const labels = selector.matchLabels;
      if (Object.keys(labels).length === 0) continue;
      const guarded = workloads.some((w) => namespaceOf(w) === namespace && selects(labels, podLabelsOf(w)));
      if (guarded) continue;
      const written = Object.entries(labels)
        .map(([name, value]) => `${name}=${asText(value)}`)
        .join(", ");
      found.push(
        diagnostic(
          "disruption-budget-selects-nothing",
          "warning",
          `PodDisruptionBudget '${object.name}' guards no pods: no workload here is labelled ${written}`,
          locate(object.yaml, [...object.base, "spec", "selector", "matchLabels"], "value"),
        ),
      );
    }
  }
  return found;
}
