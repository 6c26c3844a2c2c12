/**
 * A container both privileged and told it may not gain privileges: the API server refuses the pair
 * ("cannot set allowPrivilegeEscalation to false and privileged to true"), as a privileged container
 * holds every privilege already. It is reported where allowPrivilegeEscalation is written, the
 * setting that cannot hold.
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asObject, type Json, type ManifestObject } from "./objects.js";
import { refused } from "./refusals.js";

export function privilegedWithoutEscalation(
  workload: ManifestObject,
  container: Json,
  path: KeyPath,
  who: string,
): Diagnostic[] {
  const context = asObject(container.securityContext);
  if (context.privileged !== true || context.allowPrivilegeEscalation !== false) return [];
  return [
    refused(
      workload,
      [...path, "securityContext", "allowPrivilegeEscalation"],
      `${who} is privileged and may not gain privileges (allowPrivilegeEscalation: false), which the API server refuses: a privileged container has every privilege`,
      "drop privileged: true, or allowPrivilegeEscalation: false",
    ),
  ];
}
