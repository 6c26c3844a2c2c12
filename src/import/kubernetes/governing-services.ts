/**
 * The Service a StatefulSet's serviceName names governs its pods' network identity: each pod is
 * found at <pod>.<service>.<namespace>, which the cluster's DNS answers only for a headless Service
 * (clusterIP: None) of that name in the StatefulSet's namespace. Where the manifests define none,
 * the pods have no such names; a warning, as for the Ingress backends, since a chart or an operator
 * may make it elsewhere. One that is not headless answers for the Service only: a lint finding.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asObject, type ManifestObject, nameKey, objectIndex, objectKey } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function governingServiceFindings(
  workloads: readonly ManifestObject[],
  services: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
): { diagnostics: Diagnostic[]; findings: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const findings: Diagnostic[] = [];
  const defined = objectIndex(services, namespaceOf);
  for (const workload of workloads) {
    if (workload.kind !== "StatefulSet") continue;
    const name = asObject(workload.value.spec).serviceName;
    // Left out, no Service governs the pods, and none is looked for.
    if (typeof name !== "string" || name === "") continue;
    const namespace = namespaceOf(workload);
    const at = () => locateIn(workload, [...workload.base, "spec", "serviceName"], "value");
    const service = defined.get(objectKey(namespace, "Service", name));
    if (!service)
      diagnostics.push(
        diagnostic(
          "unknown-service",
          "warning",
          `StatefulSet '${workload.name}' is governed by Service '${name}', which the manifests here do not define in namespace '${namespace}': its pods get no stable DNS names`,
          at(),
          {
            hint: "add a headless Service (clusterIP: None) of that name that selects its pods, or name the one that does",
          },
        ),
      );
    else if (asObject(service.value.spec).clusterIP !== "None")
      findings.push(
        diagnostic(
          "governing-service-not-headless",
          "warning",
          `StatefulSet '${workload.name}' is governed by Service '${name}', which is not headless: its pods get no stable DNS names`,
          at(),
          {
            related: [
              {
                ...locateIn(service, [...service.base, "metadata", nameKey(service)], "value"),
                message: "the Service",
              },
            ],
          },
        ),
      );
  }
  return { diagnostics, findings };
}
