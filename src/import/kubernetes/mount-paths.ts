/**
 * Two volume mounts of one container at the same path: the API server refuses the pod ("must be
 * unique"). Found here, for every container and every kind of volume (ConfigMaps and Secrets too,
 * which the model keeps as notes), and reported by duplicate-mount-path; the model keeps the first.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asText } from "../json.js";
import { asArray, isObject, type ManifestObject, podContainers, podMountPoint } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function mountPathFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  return workloads.flatMap((workload) =>
    podContainers(workload).flatMap(({ container, path, who }) => {
      const taken = new Map<string, string>();
      return asArray(container.volumeMounts).flatMap((mount, index) => {
        if (!isObject(mount) || typeof mount.mountPath !== "string") return [];
        const point = podMountPoint(mount.mountPath);
        const earlier = taken.get(point);
        if (earlier === undefined) {
          taken.set(point, asText(mount.name));
          return [];
        }
        return [
          diagnostic(
            "duplicate-mount-path",
            "error",
            `${who} mounts '${asText(mount.name)}' at ${point}, where it mounts '${earlier}' already`,
            locateIn(workload, [...path, "volumeMounts", index, "mountPath"], "value"),
            { hint: "mount it at another path" },
          ),
        ];
      });
    }),
  );
}
