/**
 * Workloads by namespace and pod label. What a selector picks is looked for among the workloads that
 * carry one of its labels, not by testing every workload: Services, disruption budgets and the
 * workloads they select each number in the thousands in a cluster's dump, and testing every pair
 * took minutes.
 */
import { groupBy } from "../../collections.js";
import { asText } from "../json.js";
import { asObject, type Json, type ManifestObject, podLabelsOf } from "./objects.js";

export interface PodLabelIndex {
  /** The labels of a workload's pods. */
  labelsOf(workload: ManifestObject): Record<string, string>;
  /**
   * The workloads of `namespace`, in their order, that may carry every label of `matchLabels`:
   * those carrying the rarest of them, or the whole namespace's when there is none. The caller
   * tests each against the whole selector.
   */
  candidates(namespace: string, matchLabels: Json): readonly ManifestObject[];
  /**
   * The first label of `matchLabels` that no pod of `namespace` carries: the one to change where a
   * selector picks nothing. Undefined where each is carried by some pods, but none carries them all.
   */
  uncarried(namespace: string, matchLabels: unknown): string | undefined;
}

const labelKey = (namespace: string, key: string, value: string) => `${namespace}\u0000${key}\u0000${value}`;

export function podLabelIndex(
  workloads: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
): PodLabelIndex {
  const labels = new Map(workloads.map((workload) => [workload, podLabelsOf(workload)]));
  const byNamespace = groupBy(workloads, namespaceOf);
  const carried = [...labels].flatMap(([workload, own]) =>
    Object.entries(own).map(([key, value]) => ({
      workload,
      key: labelKey(namespaceOf(workload), key, value),
    })),
  );
  const byLabel = new Map(
    [...groupBy(carried, (label) => label.key)].map(([key, found]) => [key, found.map((l) => l.workload)]),
  );
  const carrying = (namespace: string, key: string, value: unknown): readonly ManifestObject[] =>
    byLabel.get(labelKey(namespace, key, asText(value))) ?? [];
  return {
    labelsOf: (workload) => labels.get(workload) ?? podLabelsOf(workload),
    candidates(namespace, matchLabels) {
      let rarest: readonly ManifestObject[] | undefined;
      for (const [key, value] of Object.entries(asObject(matchLabels))) {
        const found = carrying(namespace, key, value);
        if (!rarest || found.length < rarest.length) rarest = found;
      }
      return rarest ?? byNamespace.get(namespace) ?? [];
    },
    uncarried: (namespace, matchLabels) =>
      Object.entries(asObject(matchLabels)).find(
        ([key, value]) => carrying(namespace, key, value).length === 0,
      )?.[0],
  };
}
