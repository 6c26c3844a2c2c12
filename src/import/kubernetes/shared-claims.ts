/**
 * Several pods of one workload that mount one claim only a single node can mount (ReadWriteOnce,
 * or a single pod, ReadWriteOncePod): the scheduler spreads replicas over nodes, and those away
 * from the volume never start (Multi-Attach error). A claim per replica (a StatefulSet's
 * volumeClaimTemplates) or a ReadWriteMany class is what several replicas need. Found here, where
 * the access modes are written, and reported by claim-shared-by-replicas.
 */

import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asText } from "../json.js";
import {
  asArray,
  asObject,
  isObject,
  isReplicaCount,
  type ManifestObject,
  objectIndex,
  objectKey,
  podSpecOf,
  replicatedKinds,
} from "./objects.js";
import { locateIn } from "./patch-origin.js";

const SHARED_MODES = new Set(["ReadWriteMany", "ReadOnlyMany"]);

/** How many pods of the workload run at most, or "every node" for a DaemonSet. */
function podCount(
  workload: ManifestObject,
  autoscalerFor: (workload: ManifestObject) => ManifestObject | undefined,
): number | "every node" {
  if (workload.kind === "DaemonSet") return "every node";
  const maximum = asObject(autoscalerFor(workload)?.value.spec).maxReplicas;
  if (typeof maximum === "number") return maximum;
  const replicas = asObject(workload.value.spec).replicas;
  return isReplicaCount(replicas) ? replicas : 1;
}

export function sharedClaimFindings(
  workloads: readonly ManifestObject[],
  objects: readonly ManifestObject[],
  namespaceOf: (o: ManifestObject) => string,
  autoscalerFor: (workload: ManifestObject) => ManifestObject | undefined,
): Diagnostic[] {
  const claims = objectIndex(
    objects.filter((o) => o.kind === "PersistentVolumeClaim"),
    namespaceOf,
  );
  const found: Diagnostic[] = [];
  for (const workload of workloads) {
    if (!replicatedKinds.has(workload.kind) && workload.kind !== "DaemonSet") continue;
    const count = podCount(workload, autoscalerFor);
    if (count !== "every node" && count <= 1) continue;
    const { spec, path } = podSpecOf(workload);
    asArray(spec.volumes).forEach((volume, index) => {
      const claimName = isObject(volume) ? asObject(volume.persistentVolumeClaim).claimName : undefined;
      if (typeof claimName !== "string") return;
      const claim = claims.get(objectKey(namespaceOf(workload), "PersistentVolumeClaim", claimName));
      const modes = asArray(asObject(claim?.value.spec).accessModes).map(asText);
      // A claim these manifests do not define, or one several nodes can mount, is left alone.
      if (!claim || modes.length === 0 || modes.some((mode) => SHARED_MODES.has(mode))) return;
      const pods = count === "every node" ? "a pod on every node" : `up to ${count} replicas`;
      found.push(
        diagnostic(
          "claim-shared-by-replicas",
          "warning",
          `${workload.kind} '${workload.name}' runs ${pods}, which all mount the claim '${claimName}' that ${
            modes.includes("ReadWriteOncePod")
              ? `only one pod can mount (${modes.join(", ")}): the others never start`
              : `only one node can mount (${modes.join(", ")}): those placed on other nodes never start`
          }`,
          locateIn(
            workload,
            [...workload.base, ...path, "volumes", index, "persistentVolumeClaim", "claimName"],
            "value",
          ),
          {
            hint: "give each replica a claim of its own (a StatefulSet's volumeClaimTemplates), use a ReadWriteMany storage class, or run one replica",
          },
        ),
      );
    });
  }
  return found;
}
