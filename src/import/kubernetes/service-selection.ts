/**
 * Which workloads' pods each Service and each disruption budget selects. The model has a Service
 * send its traffic to the first workload it selects, and a workload guarded by the first budget,
 * in their order, that selects its pods.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asText } from "../json.js";
import { asObject, budgetGuards, type Json, type ManifestObject, selects } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import type { PodLabelIndex } from "./pod-label-index.js";
import { hasRefusedLabel } from "./selector-types.js";

export interface ServiceSelection {
  /** Every workload each Service selects the pods of. */
  selected: Map<ManifestObject, ManifestObject[]>;
  /** The workload each Service sends its traffic to: the first it selects. */
  target: Map<ManifestObject, ManifestObject>;
}

const selectorOf = (object: ManifestObject) => asObject(asObject(object.value.spec).selector);

/** A namespace and a Service's selector (label → value), the same whatever the order of its labels. */
const selectorKey = (namespace: string, selector: Json): string =>
  JSON.stringify([
    namespace,
    Object.entries(selector)
      .map(([label, value]) => [label, asText(value)])
      .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
  ]);

export function serviceSelection(
  services: readonly ManifestObject[],
  pods: PodLabelIndex,
  namespaceOf: (object: ManifestObject) => string,
): ServiceSelection {
  const selected = new Map<ManifestObject, ManifestObject[]>();
  const target = new Map<ManifestObject, ManifestObject>();
  // Services with one selector in one namespace select the same pods: found once, and shared, so
  // that thousands of Services over thousands of workloads do not test each pair.
  const bySelector = new Map<string, ManifestObject[]>();
  for (const service of services) {
    const selector = selectorOf(service);
    const key = selectorKey(namespaceOf(service), selector);
    let matched = bySelector.get(key);
    if (!matched) {
      matched = pods
        .candidates(namespaceOf(service), selector)
        .filter((w) => selects(selector, pods.labelsOf(w)));
      bySelector.set(key, matched);
    }
    selected.set(service, matched);
    if (matched[0]) target.set(service, matched[0]);
  }
  return { selected, target };
}

/** The first disruption budget, in their order, that guards each workload's pods. */
export function budgetIndex(
  budgets: readonly ManifestObject[],
  pods: PodLabelIndex,
  namespaceOf: (object: ManifestObject) => string,
): Map<ManifestObject, ManifestObject> {
  const budgetOf = new Map<ManifestObject, ManifestObject>();
  for (const budget of budgets) {
    const matchLabels = asObject(selectorOf(budget).matchLabels);
    for (const workload of pods.candidates(namespaceOf(budget), matchLabels))
      if (!budgetOf.has(workload) && budgetGuards(budget, pods.labelsOf(workload)))
        budgetOf.set(workload, budget);
  }
  return budgetOf;
}

/**
 * A Service whose selector matches no pod here sends its traffic nowhere; one without a selector
 * (ExternalName, endpoints kept by hand) chooses no pods on purpose.
 */
export function selectsNothingFindings(
  services: readonly ManifestObject[],
  { target }: ServiceSelection,
  pods: PodLabelIndex,
  namespaceOf: (object: ManifestObject) => string,
): Diagnostic[] {
  return services.flatMap((service) => {
    const selector = selectorOf(service);
    // A selector the API server refuses is reported where its value is written (selector-types.ts).
    if (target.has(service) || Object.keys(selector).length === 0 || hasRefusedLabel(selector)) return [];
    const namespace = namespaceOf(service);
    const labels = Object.entries(selector)
      .map(([name, value]) => `${name}=${asText(value)}`)
      .join(", ");
    // Where each label is carried by some pods, but none carries them all, it is the selector as a whole.
    const uncarried = pods.uncarried(namespace, selector);
    return [
      diagnostic(
        "service-selects-nothing",
        "warning",
        `Service '${service.name}' selects no pods: no workload in namespace '${namespace}' is labelled ${labels}`,
        locateIn(service, [...service.base, "spec", "selector", ...(uncarried ? [uncarried] : [])], "value"),
        { hint: "match the labels of the workload's pod template, or add the workload's manifest" },
      ),
    ];
  });
}
