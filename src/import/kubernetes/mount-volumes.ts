/**
 * A container that mounts a volume its pod does not define: the API server refuses the pod, so the
 * workload never runs. A StatefulSet's claim templates are volumes of its pods too.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { claimTemplatesOf } from "./claim-templates.js";
import { asArray, asObject, isObject, type ManifestObject, podContainers, podSpecOf } from "./objects.js";
import { refused } from "./refusals.js";

function volumeNames(workload: ManifestObject): Set<string> {
  const names = new Set<string>();
  for (const volume of asArray(podSpecOf(workload).spec.volumes))
    if (isObject(volume) && typeof volume.name === "string") names.add(volume.name);
  for (const name of claimTemplatesOf(workload).keys()) names.add(name);
  return names;
}

export function undefinedVolumeMounts(workload: ManifestObject): Diagnostic[] {
  const containers = podContainers(workload);
  if (!containers.some(({ container }) => Array.isArray(container.volumeMounts))) return [];
  const defined = volumeNames(workload);
  return containers.flatMap(({ container, path, who }) =>
    asArray(container.volumeMounts).flatMap((mount, index) => {
      const name = asObject(mount).name;
      if (typeof name !== "string" || defined.has(name)) return [];
      return [
        refused(
          workload,
          [...path, "volumeMounts", index, "name"],
          `${who} mounts the volume '${name}', which its pod does not define: the API server refuses it`,
          `add it to the pod's volumes (volumes: [{ name: ${name}, … }]), or mount one that is there`,
        ),
      ];
    }),
  );
}
