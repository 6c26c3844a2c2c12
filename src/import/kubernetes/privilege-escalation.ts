/**
 * `allowPrivilegeEscalation: true` lets a process gain more privileges than its parent, through
 * set-user-ID programs or file capabilities: a process that starts unprivileged can still become
 * root inside the container. Kubernetes' restricted Pod Security level refuses it. Only the value
 * written as true is reported: left unset, it is the runtime's default that almost every image runs
 * with, and reporting every container for it would bury the findings that matter.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function privilegeEscalationFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  return workloads.flatMap((workload) =>
    podContainers(workload).flatMap(({ container, path, who }) =>
      asObject(container.securityContext).allowPrivilegeEscalation === true
        ? [
            diagnostic(
              "privilege-escalation-allowed",
              "warning",
              `${who} lets its processes gain more privileges than their parent (allowPrivilegeEscalation: true)`,
              locateIn(workload, [...path, "securityContext", "allowPrivilegeEscalation"], "value"),
            ),
          ]
        : [],
    ),
  );
}
