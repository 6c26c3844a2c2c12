/**
 * A pod runs as the ServiceAccount its spec names. Where the manifests define no such account in the
 * workload's namespace, the API server makes no pod of it ("serviceaccount … not found"), unless the
 * account is made elsewhere. Every namespace has `default`.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { type ManifestObject, objectIndex, objectKey, podSpecOf } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function serviceAccountFindings(
  workloads: readonly ManifestObject[],
  objects: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
): Diagnostic[] {
  const defined = objectIndex(
    objects.filter((o) => o.kind === "ServiceAccount"),
    namespaceOf,
  );
  return workloads.flatMap((workload) => {
    const { spec, path } = podSpecOf(workload);
    // serviceAccount is the older name of the field.
    const field = typeof spec.serviceAccountName === "string" ? "serviceAccountName" : "serviceAccount";
    const account = spec[field];
    if (typeof account !== "string" || account === "default") return [];
    const namespace = namespaceOf(workload);
    if (defined.has(objectKey(namespace, "ServiceAccount", account))) return [];
    return [
      diagnostic(
        "unknown-service-account",
        "warning",
        `${workload.kind} '${workload.name}' runs as ServiceAccount '${account}', which the manifests here do not define in namespace '${namespace}'`,
        locateIn(workload, [...workload.base, ...path, field], "value"),
      ),
    ];
  });
}
