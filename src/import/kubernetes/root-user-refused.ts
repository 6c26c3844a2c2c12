/**
 * A container that must not run as root (runAsNonRoot: true) and is given user 0, its own setting
 * or its pod's: the kubelet refuses to start it ("runAsUser breaks non-root policy").
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asObject, type Json, type ManifestObject, podSpecOf } from "./objects.js";
import { runtimeRefused } from "./refusals.js";

export function rootUserRefused(
  workload: ManifestObject,
  container: Json,
  path: KeyPath,
  who: string,
): Diagnostic[] {
  const pod = podSpecOf(workload);
  const own = asObject(container.securityContext);
  const shared = asObject(pod.spec.securityContext);
  if ((own.runAsNonRoot ?? shared.runAsNonRoot) !== true || (own.runAsUser ?? shared.runAsUser) !== 0)
    return [];
  const user =
    own.runAsUser !== undefined
      ? [...path, "securityContext"]
      : [...workload.base, ...pod.path, "securityContext"];
  return [
    runtimeRefused(
      workload,
      [...user, "runAsUser"],
      `${who} must not run as root (runAsNonRoot: true), but is given runAsUser: 0: the kubelet does not start it`,
      "give runAsUser a user other than 0 (1000, say), or leave it out to run as the image's user",
    ),
  ];
}
