/**
 * A DaemonSet that takes a host port (hostPort) takes it on every node it runs on. A pod of another
 * workload that asks for the same port can then be placed on none of those nodes: where the
 * DaemonSet runs everywhere, it stays Pending. Found here, where the port is written, and reported
 * by host-port-conflict.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { bindsOverlap } from "../../model/published.js";
import { asArray, asObject, isObject, type ManifestObject, podSpecOf } from "./objects.js";

interface HostPort {
  workload: ManifestObject;
  port: number;
  protocol: string;
  ip: string | undefined;
  path: (string | number)[];
}

function hostPortsOf(workload: ManifestObject): HostPort[] {
  const { spec, path } = podSpecOf(workload);
  return asArray(spec.containers).flatMap((container, containerIndex) =>
    asArray(asObject(container).ports).flatMap((port, portIndex) => {
      if (!isObject(port) || typeof port.hostPort !== "number" || port.hostPort <= 0) return [];
      return [
        {
          workload,
          port: port.hostPort,
          protocol: typeof port.protocol === "string" ? port.protocol : "TCP",
          ip: typeof port.hostIP === "string" ? port.hostIP : undefined,
          path: [...workload.base, ...path, "containers", containerIndex, "ports", portIndex, "hostPort"],
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
  const found: Diagnostic[] = [];
  for (const wanted of taken) {
    const holder = taken.find(
      (other) =>
        other.workload !== wanted.workload &&
        everywhere(other.workload) &&
        other.port === wanted.port &&
        other.protocol === wanted.protocol &&
        bindsOverlap(other.ip, wanted.ip),
    );
    // Two DaemonSets clash either way round: reported once, at the later one.
    if (
      !holder ||
      (everywhere(wanted.workload) && workloads.indexOf(holder.workload) > workloads.indexOf(wanted.workload))
    )
      continue;
    found.push(
      diagnostic(
        "host-port-conflict",
        "error",
        `${wanted.workload.kind} '${wanted.workload.name}' asks for host port ${wanted.port}, which DaemonSet '${holder.workload.name}' takes on every node: its pods fit on none`,
        locate(wanted.workload.yaml, wanted.path, "value"),
        { hint: "use another host port, or none: a Service reaches the pods without one" },
      ),
    );
  }
  return found;
}
