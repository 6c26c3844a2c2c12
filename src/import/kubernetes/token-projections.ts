/**
 * A service account token projected into a pod for less than ten minutes: the API server refuses
 * the pod ("may not specify a duration less than 10 minutes"), so the workload never runs. So it
 * does for one of more than 2^32 seconds.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { asArray, asObject, isObject, type ManifestObject, podSpecOf } from "./objects.js";
import { refused } from "./refusals.js";

const SHORTEST = 600;
const LONGEST = 2 ** 32;

export function tokenProjectionProblems(workload: ManifestObject): Diagnostic[] {
  const { spec, path } = podSpecOf(workload);
  return asArray(spec.volumes).flatMap((volume, volumeIndex) => {
    if (!isObject(volume)) return [];
    return asArray(asObject(volume.projected).sources).flatMap((source, sourceIndex) => {
      const seconds = asObject(asObject(source).serviceAccountToken).expirationSeconds;
      if (typeof seconds !== "number" || (seconds >= SHORTEST && seconds <= LONGEST)) return [];
      return [
        refused(
          workload,
          [
            ...workload.base,
            ...path,
            "volumes",
            volumeIndex,
            "projected",
            "sources",
            sourceIndex,
            "serviceAccountToken",
            "expirationSeconds",
          ],
          `'${workload.name}' projects a service account token that expires after ${seconds} seconds, which the API server refuses: it takes ${SHORTEST} (ten minutes) to ${LONGEST}`,
          `ask for ${SHORTEST} seconds or more, or leave expirationSeconds out (an hour)`,
        ),
      ];
    });
  });
}
