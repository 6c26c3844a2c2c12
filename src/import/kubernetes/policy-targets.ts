/**
 * Objects that act on a workload and name it: a HorizontalPodAutoscaler by its scaleTargetRef, a
 * PodDisruptionBudget and a NetworkPolicy by the labels of its pods. One whose workload is not here
 * applies cleanly and does nothing: the autoscaler never scales, the budget never guards a drain,
 * the policy never lets in or keeps out any traffic.
 */
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { closest } from "../../model/suggest.js";
import { asText } from "../json.js";
import {
  asObject,
  budgetGuards,
  describeSelector,
  hasRequirements,
  type Json,
  labelSelectorMatches,
  type ManifestObject,
  objectIndex,
  objectKey,
  replicatedKinds,
  workloadKinds,
} from "./objects.js";
import { locateIn } from "./patch-origin.js";
import type { PodLabelIndex } from "./pod-label-index.js";
import { hasRefusedLabel } from "./selector-types.js";
import { kindsServedBy } from "./unknown-kinds.js";

/** A scaleTargetRef's kind that its built-in apiVersion does not serve (Deploymnet in apps/v1), with the kind meant. */
function misnamedKind(
  target: Json,
): { kind: string; apiVersion: string; meant: string | undefined } | undefined {
  const { kind, apiVersion } = target;
  if (typeof kind !== "string" || typeof apiVersion !== "string") return undefined;
  const kinds = kindsServedBy(apiVersion);
  if (!kinds || kinds.includes(kind)) return undefined;
  return { kind, apiVersion, meant: closest(kind, kinds) };
}

export function policyTargetFindings(
  objects: readonly ManifestObject[],
  workloads: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
  pods: PodLabelIndex,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const workloadsByName = objectIndex(workloads, namespaceOf);
  for (const object of objects) {
    const spec = asObject(object.value.spec);
    const namespace = namespaceOf(object);
    if (object.kind === "HorizontalPodAutoscaler") {
      const target = asObject(spec.scaleTargetRef);
      const misnamed = misnamedKind(target);
      if (misnamed) {
        found.push(
          diagnostic(
            "autoscaler-targets-nothing",
            "warning",
            `HorizontalPodAutoscaler '${object.name}' scales ${misnamed.kind} '${asText(target.name)}', a kind ${misnamed.apiVersion} does not have`,
            locateIn(object, [...object.base, "spec", "scaleTargetRef", "kind"], "value"),
            {
              hint: misnamed.meant
                ? `did you mean ${misnamed.meant}?`
                : "name the kind of the workload to scale",
            },
          ),
        );
        continue;
      }
      // Another kind (an Argo Rollout, a custom resource) is not read here: nothing to compare.
      if (typeof target.kind !== "string" || !workloadKinds.has(target.kind)) continue;
      if (typeof target.name !== "string") continue;
      // A DaemonSet (one pod a node), a Job, a CronJob or a Pod has no scale subresource: the
      // autoscaler fails to read its scale, and scales nothing.
      if (!replicatedKinds.has(target.kind)) {
        found.push(
          diagnostic(
            "autoscaler-targets-nothing",
            "warning",
            `HorizontalPodAutoscaler '${object.name}' scales ${target.kind} '${target.name}', which Kubernetes cannot scale: ${target.kind === "DaemonSet" ? "a DaemonSet runs one pod on each node its pods fit" : `a ${target.kind} has no replica count`}`,
            locateIn(object, [...object.base, "spec", "scaleTargetRef", "kind"], "value"),
            { hint: "scale a Deployment or StatefulSet, or remove the autoscaler" },
          ),
        );
        continue;
      }
      if (workloadsByName.has(objectKey(namespace, target.kind, target.name))) continue;
      found.push(
        diagnostic(
          "autoscaler-targets-nothing",
          "warning",
          `HorizontalPodAutoscaler '${object.name}' scales ${target.kind} '${target.name}', which the manifests here do not define in namespace '${namespace}'`,
          locateIn(object, [...object.base, "spec", "scaleTargetRef", "name"], "value"),
        ),
      );
    } else if (object.kind === "NetworkPolicy") {
      // An empty podSelector selects every pod of the namespace: a default deny, say.
      const missed = unselected(
        object,
        "podSelector",
        spec.podSelector,
        namespace,
        pods,
        labelSelectorMatches,
      );
      if (missed)
        found.push(
          diagnostic(
            "network-policy-selects-nothing",
            "warning",
            `NetworkPolicy '${object.name}' selects no pods: ${missed.message}`,
            missed.at,
          ),
        );
    } else if (object.kind === "PodDisruptionBudget") {
      // An empty selector takes every pod of the namespace (policy/v1), or none: nothing to aim.
      const missed = unselected(object, "selector", spec.selector, namespace, pods, (_, labels) =>
        budgetGuards(object, labels),
      );
      if (missed)
        found.push(
          diagnostic(
            "disruption-budget-selects-nothing",
            "warning",
            `PodDisruptionBudget '${object.name}' guards no pods: ${missed.message}`,
            missed.at,
          ),
        );
    }
  }
  return found;
}

/**
 * A selector, under `key` of the spec, that takes the pods of no workload of the namespace: why, and where to fix
 * it (the label no pod carries, else the selector). An empty one is left alone, and so is one the
 * API server refuses, which is reported where its value is written (selector-types.ts).
 */
function unselected(
  object: ManifestObject,
  key: "podSelector" | "selector",
  written: unknown,
  namespace: string,
  pods: PodLabelIndex,
  takes: (selector: Json, labels: Record<string, string>) => boolean,
): { message: string; at: SourceRange } | undefined {
  const selector = asObject(written);
  if (!hasRequirements(selector) || hasRefusedLabel(selector.matchLabels)) return undefined;
  const taken = pods
    .candidates(namespace, asObject(selector.matchLabels))
    .some((workload) => takes(selector, pods.labelsOf(workload)));
  if (taken) return undefined;
  const uncarried = pods.uncarried(namespace, selector.matchLabels);
  return {
    message: `the pods of no workload in namespace '${namespace}' match ${describeSelector(selector)}`,
    at: locateIn(
      object,
      [...object.base, "spec", key, ...(uncarried ? ["matchLabels", uncarried] : [])],
      "value",
    ),
  };
}
