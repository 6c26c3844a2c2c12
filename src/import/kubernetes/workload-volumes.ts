/**
 * What a container mounts, as the model's volumes: claims (the StatefulSet's templates too) with
 * their sizes, host paths, disks and network shares written in the pod, and scratch space; other
 * sources (ConfigMaps, Secrets, projected) as notes.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import type { ServiceInputType } from "../../model/schema.js";
import { asText } from "../json.js";
import { keyOr } from "../model-ids.js";
import { prototypeNameRenamed } from "../prototype-names.js";
import { claimTemplatesOf } from "./claim-templates.js";
import {
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  objectKey,
  podMountPoint,
} from "./objects.js";
import { locateIn } from "./patch-origin.js";
import type { WorkloadContext } from "./workload.js";

/**
 * Volume sources written in the pod that outlive it: network shares and disks, which keep what is
 * written to them as a claim's volume does. An emptyDir (or an ephemeral claim) goes with the pod.
 */
const PERSISTENT_SOURCES: ReadonlySet<string> = new Set([
  "awsElasticBlockStore",
  "azureDisk",
  "azureFile",
  "cephfs",
  "cinder",
  "csi",
  "fc",
  "flexVolume",
  "flocker",
  "gcePersistentDisk",
  "glusterfs",
  "iscsi",
  "nfs",
  "photonPersistentDisk",
  "portworxVolume",
  "quobyte",
  "rbd",
  "scaleIO",
  "storageos",
  "vsphereVolume",
]);

export function importVolumes(
  object: ManifestObject,
  pod: Json,
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  context: WorkloadContext,
) {
  const volumes: NonNullable<ServiceInputType["volumes"]> = {};
  const storage: Record<string, string> = {};
  const notes: string[] = [];
  const podVolumes = new Map(
    asArray(pod.volumes)
      .filter(isObject)
      .map((v) => [asText(v.name), v]),
  );
  const templates = claimTemplatesOf(object);
  const sizeOf = (claim: Json | undefined) => {
    const size = asObject(asObject(asObject(claim?.spec).resources).requests).storage;
    return size === undefined ? undefined : asText(size);
  };
  // A name no model may hold as a key (prototype-names.ts) is numbered past the pod's others, and
  // reported once, where its first mount names it.
  const modelNames = new Map<string, string>();
  const modelName = (name: string, at: KeyPath): string => {
    let id = modelNames.get(name);
    if (id !== undefined) return id;
    id = keyOr(name, () => new Set([...podVolumes.keys(), ...templates.keys()]));
    if (id !== name)
      context.diagnostics.push(
        prototypeNameRenamed(
          name,
          `the volume '${name}' of '${object.name}'`,
          id,
          "volumes",
          locateIn(object, at, "value"),
          "rename the volume, where the pod declares it and in each mount of it",
        ),
      );
    modelNames.set(name, id);
    return id;
  };
  // A second mount at one path is reported where it is written (mount-paths.ts); the model keeps the first.
  const taken = new Set<string>();
  asArray(container.volumeMounts).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.name !== "string" || typeof raw.mountPath !== "string") return;
    // runc takes a relative mount path from the container's root (and warns): so does the model.
    const mountPath = podMountPoint(raw.mountPath);
    if (taken.has(mountPath)) return;
    taken.add(mountPath);
    const name = raw.name;
    const readOnly = raw.readOnly === true ? { "read-only": true } : {};
    const template = templates.get(name);
    const volume = podVolumes.get(name);
    const persistent = volume && Object.keys(volume).find((key) => PERSISTENT_SOURCES.has(key));
    let entry: NonNullable<ServiceInputType["volumes"]>[string] | undefined;
    if (template) {
      const size = sizeOf(template);
      entry = { path: mountPath, type: "volume", ...(size ? { size } : {}), ...readOnly };
      if (size) storage[modelName(name, [...containerPath, "volumeMounts", index, "name"])] = size;
    } else if (volume && isObject(volume.persistentVolumeClaim)) {
      const claimName = asText(volume.persistentVolumeClaim.claimName ?? name);
      const size = sizeOf(
        context.claims.get(objectKey(object.namespace ?? "", "PersistentVolumeClaim", claimName)),
      );
      entry = {
        path: mountPath,
        type: "volume",
        source: claimName,
        ...(size ? { size } : {}),
        ...readOnly,
      };
    } else if (volume && isObject(volume.hostPath)) {
      entry = { path: mountPath, type: "bind", source: asText(volume.hostPath.path ?? ""), ...readOnly };
    } else if (persistent) {
      entry = { path: mountPath, type: "volume", ...readOnly };
      notes.push(`Mounts ${persistent} at ${mountPath}`);
    } else if (volume && volume.emptyDir !== undefined) {
      // Scratch space that lives and dies with the pod: not state.
      entry = { path: mountPath, type: "tmpfs" };
    } else if (volume) {
      const source = Object.keys(volume).find((k) => k !== "name") ?? "volume";
      const sourceName = asObject(volume[source]).name ?? asObject(volume[source]).secretName;
      notes.push(`Mounts ${source}${sourceName ? ` '${asText(sourceName)}'` : ""} at ${mountPath}`);
      return;
    } else return;
    // One volume mounted at two paths (subPath) is two mounts of it.
    const key = modelName(name, [...containerPath, "volumeMounts", index, "name"]);
    const volumeKey = Object.hasOwn(volumes, key) ? `${key}-${index + 1}` : key;
    volumes[volumeKey] = entry;
    context.note([...servicePath, "volumes", volumeKey], [...containerPath, "volumeMounts", index]);
  });
  return { volumes, storage, notes };
}
