/**
 * An instance's volumes as Kubernetes storage. Named volumes and bind mounts of project folders
 * become persistent claims (per replica in a StatefulSet, one shared claim otherwise); a bind of an
 * absolute host path stays a hostPath; tmpfs becomes a memory-backed emptyDir.
 */
import type { IPersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import type { IPersistentVolumeClaimSpec } from "kubernetes-models/v1/PersistentVolumeClaimSpec";
import type { IVolume } from "kubernetes-models/v1/Volume";
import type { IVolumeMount } from "kubernetes-models/v1/VolumeMount";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { Instance, Volume } from "../../model/types.js";
import { dnsLabel } from "./names.js";
import { byteQuantity } from "./quantity.js";

export const ASSUMED_STORAGE = "1Gi";

export interface InstanceStorage {
  volumes: IVolume[];
  mounts: IVolumeMount[];
  /** For a StatefulSet: one claim per replica. */
  claimTemplates: IPersistentVolumeClaim[];
  /** For other workloads: claims to create beside it. */
  claims: IPersistentVolumeClaim[];
  diagnostics: Diagnostic[];
}

function persistent(volume: Volume): boolean {
  return volume.type === "volume" || (volume.type === "bind" && !volume.source.startsWith("/"));
}

function claimSpec(
  instance: Instance,
  volume: Volume,
  shared: boolean,
  found: Diagnostic[],
): IPersistentVolumeClaimSpec {
  const size = instance.storage.find((s) => s.volume === volume.name)?.size ?? volume.size;
  if (!size) {
    found.push(
      diagnostic(
        "storage-size-assumed",
        "warning",
        `volume '${volume.name}' of '${instance.id}' has no size; its claim asks for ${ASSUMED_STORAGE}`,
        instance.at,
        {
          hint: `give the instance storage: { ${volume.name}: 10Gi }`,
        },
      ),
    );
  }
  return {
    accessModes: [shared ? "ReadWriteMany" : "ReadWriteOnce"],
    resources: {
      requests: { storage: size ? byteQuantity(Math.max(size.request, size.limit)) : ASSUMED_STORAGE },
    },
  };
}

export function instanceStorage(
  instance: Instance,
  owner: string,
  labels: Record<string, string>,
  namespace: string | undefined,
): InstanceStorage {
  const storage: InstanceStorage = {
    volumes: [],
    mounts: [],
    claimTemplates: [],
    claims: [],
    diagnostics: [],
  };
  const perReplica = instance.workload === "StatefulSet";
  for (const volume of instance.service.volumes) {
    const name = dnsLabel(volume.name);
    storage.mounts.push({ name, mountPath: volume.path, ...(volume.readOnly ? { readOnly: true } : {}) });
    if (volume.type === "tmpfs") {
      storage.volumes.push({ name, emptyDir: { medium: "Memory" } });
    } else if (!persistent(volume)) {
      storage.volumes.push({ name, hostPath: { path: volume.source } });
    } else if (perReplica) {
      storage.claimTemplates.push({
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        metadata: { name, labels },
        spec: claimSpec(instance, volume, false, storage.diagnostics),
      });
    } else {
      const claim = `${owner}-${name}`.slice(0, 63).replace(/-+$/, "");
      storage.volumes.push({ name, persistentVolumeClaim: { claimName: claim } });
      storage.claims.push({
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        metadata: { name: claim, ...(namespace ? { namespace } : {}), labels },
        // Several pods of one Deployment mount the same claim, so it must be shareable.
        spec: claimSpec(instance, volume, instance.replicas.max > 1, storage.diagnostics),
      });
    }
  }
  return storage;
}
