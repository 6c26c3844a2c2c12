/**
 * Hardening most pods forgo, in sidecars and init containers, for the rules that check it where
 * they are turned on: a root file system the container can write to, and the NET_RAW capability
 * kept. The workload's own container is the model's service, which the rules read.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { dropsNetRaw, isNetRaw } from "../../model/container-risks.js";
import { asArray, asObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function hardeningFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const workload of workloads)
    for (const { container, first, path, who } of podContainers(workload)) {
      if (first) continue;
      const security = asObject(container.securityContext);
      const at: KeyPath = [
        ...path,
        ...(container.securityContext === undefined ? ["name"] : ["securityContext"]),
      ];
      const where = locateIn(workload, at, container.securityContext === undefined ? "value" : "key");
      if (security.readOnlyRootFilesystem !== true)
        found.push(
          diagnostic(
            "writable-root-filesystem",
            "warning",
            `${who} can write to its root file system`,
            security.readOnlyRootFilesystem === false
              ? locateIn(workload, [...path, "securityContext", "readOnlyRootFilesystem"], "value")
              : where,
          ),
        );
      const capabilities = asObject(security.capabilities);
      const added = asArray(capabilities.add).findIndex(isNetRaw);
      if (added >= 0)
        found.push(
          diagnostic(
            "net-raw-not-dropped",
            "warning",
            `${who} adds the NET_RAW capability`,
            locateIn(workload, [...path, "securityContext", "capabilities", "add", added], "value"),
          ),
        );
      else if (!dropsNetRaw(asArray(capabilities.drop)))
        found.push(
          diagnostic("net-raw-not-dropped", "warning", `${who} keeps the NET_RAW capability`, where),
        );
    }
  return found;
}
