/**
 * A DaemonSet that takes a host port (hostPort) takes it on every node it runs on. A pod of another
 * workload that asks for the same port can then be placed on none of those nodes: where the
 * DaemonSet runs everywhere, it stays Pending. Found here, where the port is written, and reported
 * by host-port-conflict.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { bindsOverlap } from "../../model/published.js";
import { asArray, isObject, type ManifestObject, podContainers, podSpecOf } from "./objects.js";
import { locateIn } from "./patch-origin.js";

interface HostPort {
  workload: ManifestObject;
  port: number;
  protocol: string;
  ip: string | undefined;
  path: KeyPath;
}

/**
 * The host ports a workload's containers ask for: the scheduler counts its containers' and native
 * sidecars', not those of init containers that are done before the pod runs.
 */
function hostPortsOf(workload: ManifestObject): HostPort[] {
  return podContainers(workload)
    .filter(({ init, sidecar }) => !init || sidecar)
    .flatMap(({ container, path }) =>
      asArray(container.ports).flatMap((port, index) => {
        if (!isObject(port) || typeof port.hostPort !== "number" || port.hostPort <= 0) return [];
        return [
          {
            workload,
            port: port.hostPort,
            protocol: typeof port.protocol === "string" ? port.protocol : "TCP",
            ip: typeof port.hostIP === "string" ? port.hostIP : undefined,
            path: [...path, "ports", index, "hostPort"],
          },
        ];
      }),
    );
}

/** A DaemonSet that nothing keeps to some nodes: it runs on every one. */
function everywhere(workload: ManifestObject): boolean {
  const { spec } = podSpecOf(workload);
  return workload.kind === "DaemonSet" && spec.nodeSelector === undefined && spec.affinity === undefined;
}

export function hostPortFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  const taken = workloads.flatMap(hostPortsOf);
  const holders = new Set(workloads.filter(everywhere));
  const found: Diagnostic[] = [];
  taken.forEach((wanted, at) => {
    const holder = taken.find(
      (other, index) =>
        other.workload !== wanted.workload &&
        holders.has(other.workload) &&
        // Two DaemonSets clash either way round: reported once, at the later one.
        (!holders.has(wanted.workload) || index < at) &&
        other.port === wanted.port &&
        other.protocol === wanted.protocol &&
        bindsOverlap(other.ip, wanted.ip),
    );
    if (!holder) return;
    found.push(
      diagnostic(
        "host-port-conflict",
        "error",
        `${wanted.workload.kind} '${wanted.workload.name}' asks for host port ${wanted.port}, which DaemonSet '${holder.workload.name}' takes on every node: its pods fit on none`,
        locateIn(wanted.workload, wanted.path, "value"),
        { hint: "use another host port, or none: a Service reaches the pods without one" },
      ),
    );
  });
  return found;
}
