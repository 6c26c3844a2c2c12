/**
 * ConfigMaps and PersistentVolumeClaims a pod needs that the manifests here do not define, in its
 * namespace, and keys it reads from a ConfigMap they define without them: without them the container never starts (CreateContainerConfigError) or the pod stays
 * Pending. Warnings, as the Ingress backends are: a chart or an operator may make them elsewhere.
 * Secrets are left alone: they are most often made outside the manifests on purpose.
 */
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import {
  asArray,
  asObject,
  isObject,
  type ManifestObject,
  objectIndex,
  objectKey,
  podContainers,
  podSpecOf,
} from "./objects.js";
import { locateIn } from "./patch-origin.js";

/** Made by Kubernetes in every namespace. */
const BUILT_IN_CONFIG_MAPS = new Set(["kube-root-ca.crt"]);

interface Reference {
  kind: "ConfigMap" | "PersistentVolumeClaim";
  name: string;
  path: KeyPath;
  /** The keys it reads, and where each is written: a configMapKeyRef's key, a volume's items. */
  keys: { key: string; path: KeyPath }[];
}

/** A reference by name, unless it is marked optional. */
function named(kind: Reference["kind"], ref: unknown, nameKey: string, path: KeyPath): Reference[] {
  if (!isObject(ref) || ref.optional === true || typeof ref[nameKey] !== "string") return [];
  const keys =
    typeof ref.key === "string"
      ? [{ key: ref.key, path: [...path, "key"] }]
      : asArray(ref.items).flatMap((item, index) => {
          const key = asObject(item).key;
          return typeof key === "string" ? [{ key, path: [...path, "items", index, "key"] }] : [];
        });
  return [{ kind, name: ref[nameKey] as string, path: [...path, nameKey], keys }];
}

/** The keys a ConfigMap holds, text and binary, and the first eight in the order written, for a message. */
interface ConfigMapKeys {
  has: ReadonlySet<string>;
  shown: string;
}

function keysOf(configMap: ManifestObject): ConfigMapKeys {
  const keys = [
    ...Object.keys(asObject(configMap.value.data)),
    ...Object.keys(asObject(configMap.value.binaryData)),
  ];
  return { has: new Set(keys), shown: keys.slice(0, 8).join(", ") + (keys.length > 8 ? ", …" : "") };
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
  const defined = objectIndex(objects, namespaceOf);
  const found: Diagnostic[] = [];
  // Read once for each ConfigMap, however many pods name its keys.
  const keysFor = new Map<ManifestObject, ConfigMapKeys>();
  const keysIn = (configMap: ManifestObject): ConfigMapKeys => {
    let keys = keysFor.get(configMap);
    if (keys === undefined) {
      keys = keysOf(configMap);
      keysFor.set(configMap, keys);
    }
    return keys;
  };
  for (const workload of workloads) {
    const seen = new Set<string>();
    for (const reference of referencesOf(workload)) {
      const key = objectKey(namespaceOf(workload), reference.kind, reference.name);
      const object = defined.get(key);
      if (object) {
        // A key the ConfigMap lacks keeps the container from starting as its absence would.
        if (reference.kind === "ConfigMap" && reference.keys.length > 0)
          append(found, missingKeys(workload, reference, keysIn(object)));
        continue;
      }
      if (seen.has(key)) continue;
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

function missingKeys(workload: ManifestObject, reference: Reference, keys: ConfigMapKeys): Diagnostic[] {
  return reference.keys
    .filter(({ key }) => !keys.has.has(key))
    .map(({ key, path }) =>
      diagnostic(
        "unknown-config",
        "warning",
        `${workload.kind} '${workload.name}' needs the key '${key}' of the ConfigMap '${reference.name}', which has no such key${keys.has.size > 0 ? ` (it has ${keys.shown})` : ""}`,
        locateIn(workload, path, "value"),
        { hint: "name a key the ConfigMap has, add the key to it, or mark the reference optional: true" },
      ),
    );
}
