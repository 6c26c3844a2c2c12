/**
 * Ephemeral containers are added to a running pod (kubectl debug), through its own subresource: the
 * API server refuses a Pod created with them, and a pod template that holds them, so a manifest
 * that lists any is not applied at all. Copied from `kubectl get pod -o yaml` of a debugged pod,
 * they are easy to keep by mistake.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { isObject, type ManifestObject, podSpecOf } from "./objects.js";
import { refused } from "./refusals.js";

export function ephemeralContainerProblems(workload: ManifestObject): Diagnostic[] {
  const { spec, path } = podSpecOf(workload);
  const listed = spec.ephemeralContainers;
  if (!Array.isArray(listed) || !listed.some(isObject)) return [];
  const at = [...workload.base, ...path, "ephemeralContainers"];
  const message =
    workload.kind === "Pod"
      ? `Pod '${workload.name}' lists ephemeral containers, which the API server refuses when it creates a pod: they are only added to a running one, as kubectl debug does`
      : `the pod template of ${workload.kind} '${workload.name}' lists ephemeral containers, which the API server refuses in a pod template: they are only added to a running pod, as kubectl debug does`;
  return [
    refused(
      workload,
      at,
      message,
      "leave ephemeralContainers out, and run kubectl debug on the running pod instead",
      "key",
    ),
  ];
}
