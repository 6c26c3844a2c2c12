/**
 * Kernel parameters a pod sets (securityContext.sysctls). The kubelet admits only the safe ones,
 * namespaced and without effect on other pods; a pod with any other stays unstarted
 * (SysctlForbidden) unless the node's kubelet is told to allow it.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asArray, asObject, type ManifestObject, podSpecOf } from "./objects.js";
import { locateIn } from "./patch-origin.js";

const SAFE = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.ping_group_range",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.tcp_wmem",
]);

export function sysctlFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  return workloads.flatMap((workload) => {
    const { spec, path } = podSpecOf(workload);
    return asArray(asObject(spec.securityContext).sysctls).flatMap((sysctl, index) => {
      const name = asObject(sysctl).name;
      // Either separator names the same parameter: net/core/somaxconn is net.core.somaxconn.
      if (typeof name !== "string" || SAFE.has(name.replaceAll("/", "."))) return [];
      return [
        diagnostic(
          "unsafe-sysctl",
          "warning",
          `${workload.kind} '${workload.name}' sets the kernel parameter ${name}, which the kubelet refuses unless the node allows it`,
          locateIn(
            workload,
            [...workload.base, ...path, "securityContext", "sysctls", index, "name"],
            "value",
          ),
        ),
      ];
    });
  });
}
