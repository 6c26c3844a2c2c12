/**
 * kustomize `namePrefix` and `nameSuffix`: every object is renamed, and so is every reference to
 * one (a pod's ConfigMaps, Secrets and claims, projected ones too, an autoscaler's target, an
 * ingress's backends), as kustomize does, so the objects still find each other.
 */
import type { YamlFile } from "../../load/yaml-file.js";
import {
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  podSpecOf,
  type Rename,
  workloadKinds,
} from "./objects.js";

type Renamed = (kind: string, name: unknown) => unknown;

function renamePodSpec(spec: Json, renamed: Renamed): void {
  for (const container of [...asArray(spec.containers), ...asArray(spec.initContainers)]) {
    if (!isObject(container)) continue;
    for (const source of asArray(container.envFrom)) {
      if (!isObject(source)) continue;
      if (isObject(source.configMapRef))
        source.configMapRef.name = renamed("ConfigMap", source.configMapRef.name);
      if (isObject(source.secretRef)) source.secretRef.name = renamed("Secret", source.secretRef.name);
    }
    for (const variable of asArray(container.env)) {
      const from = isObject(variable) ? asObject(variable.valueFrom) : {};
      if (isObject(from.configMapKeyRef))
        from.configMapKeyRef.name = renamed("ConfigMap", from.configMapKeyRef.name);
      if (isObject(from.secretKeyRef)) from.secretKeyRef.name = renamed("Secret", from.secretKeyRef.name);
    }
  }
  for (const volume of asArray(spec.volumes)) {
    if (!isObject(volume)) continue;
    if (isObject(volume.configMap)) volume.configMap.name = renamed("ConfigMap", volume.configMap.name);
    if (isObject(volume.secret)) volume.secret.secretName = renamed("Secret", volume.secret.secretName);
    if (isObject(volume.persistentVolumeClaim))
      volume.persistentVolumeClaim.claimName = renamed(
        "PersistentVolumeClaim",
        volume.persistentVolumeClaim.claimName,
      );
    for (const source of asArray(asObject(volume.projected).sources)) {
      if (!isObject(source)) continue;
      if (isObject(source.configMap)) source.configMap.name = renamed("ConfigMap", source.configMap.name);
      if (isObject(source.secret)) source.secret.name = renamed("Secret", source.secret.name);
    }
  }
  if (typeof spec.serviceAccountName === "string")
    spec.serviceAccountName = renamed("ServiceAccount", spec.serviceAccountName);
}

function renameBackends(value: unknown, renamed: Renamed): void {
  if (Array.isArray(value)) {
    for (const item of value) renameBackends(item, renamed);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === "service" && isObject(child) && typeof child.name === "string")
      child.name = renamed("Service", child.name);
    else if (key === "serviceName" && typeof child === "string")
      value.serviceName = renamed("Service", child);
    else renameBackends(child, renamed);
  }
}

/** The steps of renaming `name` by a prefix, then a suffix, each at its entry of the kustomization. */
function renameSteps(name: string, prefix: string, suffix: string, kustomization: YamlFile): Rename[] {
  const steps: Rename[] = [];
  if (prefix)
    steps.push({ before: name, after: `${prefix}${name}`, yaml: kustomization, at: ["namePrefix"] });
  if (suffix) {
    const before = `${prefix}${name}`;
    steps.push({ before, after: `${before}${suffix}`, yaml: kustomization, at: ["nameSuffix"] });
  }
  return steps;
}

export function renameObjects(
  objects: ManifestObject[],
  prefix: string,
  suffix: string,
  kustomization: YamlFile,
): ManifestObject[] {
  const names = new Set(objects.filter((o) => o.kind !== "Namespace").map((o) => `${o.kind}/${o.name}`));
  const renamed: Renamed = (kind, name) =>
    typeof name === "string" && names.has(`${kind}/${name}`) ? `${prefix}${name}${suffix}` : name;
  return objects.map((o) => {
    if (o.kind === "Namespace") return o;
    const value = structuredClone(o.value);
    const name = `${prefix}${o.name}${suffix}`;
    value.metadata = { ...asObject(value.metadata), name };
    const renames = [...(o.renames ?? []), ...renameSteps(o.name, prefix, suffix, kustomization)];
    const renamedObject = { ...o, name, value, renames };
    if (workloadKinds.has(o.kind)) renamePodSpec(podSpecOf(renamedObject).spec, renamed);
    if (o.kind === "HorizontalPodAutoscaler") {
      const target = asObject(asObject(value.spec).scaleTargetRef);
      if (typeof target.kind === "string") target.name = renamed(target.kind, target.name);
    }
    if (o.kind === "Ingress") renameBackends(value.spec, renamed);
    if (o.kind === "StatefulSet") {
      const spec = asObject(value.spec);
      if (typeof spec.serviceName === "string") spec.serviceName = renamed("Service", spec.serviceName);
    }
    return renamedObject;
  });
}
