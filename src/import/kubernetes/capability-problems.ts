/**
 * Capabilities the container runtime refuses, so the container is never made: one written with the
 * CAP_ prefix that Kubernetes adds itself, or one Linux does not have (the first container's are
 * the model's, and judged there).
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { isKnownCapability } from "../../model/container-risks.js";
import { asArray, asObject, type Json, type ManifestObject } from "./objects.js";
import { runtimeRefused } from "./refusals.js";

export function capabilityProblems(
  workload: ManifestObject,
  container: Json,
  path: KeyPath,
  who: string,
  first: boolean,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const capabilities = asObject(asObject(container.securityContext).capabilities);
  for (const set of ["add", "drop"] as const) {
    asArray(capabilities[set]).forEach((capability, index) => {
      if (typeof capability !== "string") return;
      const at = [...path, "securityContext", "capabilities", set, index];
      // Kubernetes adds the prefix itself: CAP_NET_ADMIN reaches the runtime as CAP_CAP_NET_ADMIN.
      if (/^CAP_/i.test(capability))
        found.push(
          runtimeRefused(
            workload,
            at,
            `${who} ${set === "add" ? "adds" : "drops"} the capability ${capability}, written with the CAP_ that Kubernetes adds itself: the container is not made`,
            `write it as ${capability.slice(4)}`,
          ),
        );
      // The first container's capabilities are the model's, and judged there.
      else if (!isKnownCapability(capability) && !first)
        found.push(
          runtimeRefused(
            workload,
            at,
            `${who} ${set === "add" ? "adds" : "drops"} the capability ${capability}, which Linux does not have: the container is not made`,
            "check its spelling against capabilities(7), e.g. NET_ADMIN",
          ),
        );
    });
  }
  return found;
}
