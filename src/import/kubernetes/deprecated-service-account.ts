/**
 * `serviceAccount` is the name Kubernetes gave the field before 1.8; `serviceAccountName` replaced
 * it. The API server still copies one into the other, but where both are written and differ the
 * newer one wins, and readers and tools that know only the newer name miss the account.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { type ManifestObject, podSpecOf } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function deprecatedServiceAccountFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  return workloads.flatMap((workload) => {
    const { spec, path } = podSpecOf(workload);
    if (typeof spec.serviceAccount !== "string" || spec.serviceAccount === "") return [];
    return [
      diagnostic(
        "deprecated-service-account-field",
        "warning",
        `${workload.kind} '${workload.name}' names its ServiceAccount with serviceAccount, the field's name before Kubernetes 1.8`,
        locateIn(workload, [...workload.base, ...path, "serviceAccount"], "key"),
      ),
    ];
  });
}
