/**
 * ConfigMaps and PersistentVolumeClaims a pod needs that the manifests here do not define, in its
 * namespace: without them the container never starts (CreateContainerConfigError) or the pod stays
 * Pending. Warnings, as the Ingress backends are: a chart or an operator may make them elsewhere.
 * Secrets are left alone: they are most often made outside the manifests on purpose.
 */
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asArray, asObject, isObject, type ManifestObject, podContainers, podSpecOf } from "./objects.js";
import { locateIn } from "./patch-origin.js";

/** Made by Kubernetes in every namespace. */
const BUILT_IN_CONFIG_MAPS = new Set(["kube-root-ca.crt"]);

interface Reference {
  kind: "ConfigMap" | "PersistentVolumeClaim";
  name: string;
  path: KeyPath;
}

/** A reference by name, unless it is marked optional. */
function named(kind: Reference["kind"], ref: unknown, nameKey: string, path: KeyPath): Reference[] {
  if (!isObject(ref) || ref.optional === true || typeof ref[nameKey] !== "string") return [];
  return [{ kind, name: ref[nameKey] as string, path: [...path, nameKey] }];
}

function referencesOf(workload: ManifestObject): Reference[] {
  const { spec, path } = podSpecOf(workload);
  const podPath = [...workload.base, ...path];
  const found: Reference[] = [];
  // Container paths are from the document's root already.
  for (const { container, path: at } of podContainers(workload)) {
    asArray(container.envFrom).forEach((source, index) => {
      found.push(
        ...named("ConfigMap", asObject(source).configMapRef, "name", [
          ...at,
          "envFrom",
          index,
          "configMapRef",
        ]),
      );
    });
    asArray(container.env).forEach((variable, index) => {
      const from = asObject(asObject(variable).valueFrom);
      found.push(
        ...named("ConfigMap", from.configMapKeyRef, "name", [
          ...at,
          "env",
          index,
          "valueFrom",
          "configMapKeyRef",
        ]),
      );
    });
  }
  asArray(spec.volumes).forEach((volume, index) => {
    if (!isObject(volume)) return;
    const at = [...podPath, "volumes", index];
    append(found, named("ConfigMap", volume.configMap, "name", [...at, "configMap"]));
    found.push(
      ...named("PersistentVolumeClaim", volume.persistentVolumeClaim, "claimName", [
        ...at,
        "persistentVolumeClaim",
      ]),
    );
    asArray(asObject(volume.projected).sources).forEach((source, sourceIndex) => {
      found.push(
        ...named("ConfigMap", asObject(source).configMap, "name", [
          ...at,
          "projected",
          "sources",
          sourceIndex,
          "configMap",
        ]),
      );
    });
  });
  return found;
}

export function missingObjectFindings(
  workloads: readonly ManifestObject[],
  objects: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
): Diagnostic[] {
  const defined = new Set(objects.map((o) => `${o.kind}|${namespaceOf(o)}|${o.name}`));
  const found: Diagnostic[] = [];
  for (const workload of workloads) {
    const seen = new Set<string>();
    for (const reference of referencesOf(workload)) {
      const key = `${reference.kind}|${namespaceOf(workload)}|${reference.name}`;
      if (defined.has(key) || seen.has(key)) continue;
      if (reference.kind === "ConfigMap" && BUILT_IN_CONFIG_MAPS.has(reference.name)) continue;
      seen.add(key);
      found.push(
        diagnostic(
          reference.kind === "ConfigMap" ? "unknown-config" : "unknown-volume",
          "warning",
          `${workload.kind} '${workload.name}' needs the ${reference.kind} '${reference.name}', which the manifests here do not define in its namespace`,
          locateIn(workload, reference.path, "value"),
          {
            hint:
              reference.kind === "ConfigMap"
                ? "add the ConfigMap's manifest, or mark the reference optional: true if the pod can start without it"
                : "add the claim's manifest, or name one the manifests define",
          },
        ),
      );
    }
  }
  return found;
}
