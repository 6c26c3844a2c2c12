/**
 * A container that must not run as root (runAsNonRoot: true) and is given user 0, its own setting
 * or its pod's: the kubelet refuses to start it ("runAsUser breaks non-root policy").
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asObject, type Json, type ManifestObject, podSpecOf } from "./objects.js";
import { runtimeRefused } from "./refusals.js";

/**
 * Whether the kubelet refuses the container for being given user 0 where it must not be root: its
 * own settings first, then its pod's. Such a container never starts, so it never runs as root.
 */
export function refusedAsRoot(container: Json, podSecurity: Json): boolean {
  const own = asObject(container.securityContext);
  return (
    (own.runAsNonRoot ?? podSecurity.runAsNonRoot) === true && (own.runAsUser ?? podSecurity.runAsUser) === 0
  );
}

export function rootUserRefused(
  workload: ManifestObject,
  container: Json,
  path: KeyPath,
  who: string,
): Diagnostic[] {
  const pod = podSpecOf(workload);
  const own = asObject(container.securityContext);
  if (!refusedAsRoot(container, asObject(pod.spec.securityContext))) return [];
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
