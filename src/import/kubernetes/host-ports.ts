/**
 * A DaemonSet that takes a host port (hostPort) takes it on every node it runs on. A pod of another
 * workload that asks for the same port can then be placed on none of those nodes: where the
 * DaemonSet runs everywhere, it stays Pending. Found here, where the port is written, and reported
 * by host-port-conflict. Two replicas of one workload that asks for a host port never share a node
 * either: reported by replicas-with-fixed-host-port.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { bindsOverlap } from "../../model/published.js";
import {
  asArray,
  asObject,
  isObject,
  isReplicaCount,
  type ManifestObject,
  podContainers,
  podSpecOf,
  replicatedKinds,
} from "./objects.js";
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

/** The most replicas a workload runs: its autoscaler's maximum, else its count (1 unless written). */
function mostReplicas(workload: ManifestObject, autoscaler: ManifestObject | undefined): number {
  const written = autoscaler
    ? asObject(autoscaler.value.spec).maxReplicas
    : asObject(workload.value.spec).replicas;
  return isReplicaCount(written) ? written : 1;
}

/**
 * A workload of several replicas whose pods ask for a host port: the scheduler puts no two on one
 * node, so each replica needs a node with the port free, and those past them stay Pending. A
 * warning, as a cluster of as many nodes runs them all.
 */
export function replicatedHostPortFindings(
  workloads: readonly ManifestObject[],
  autoscalerFor: (workload: ManifestObject) => ManifestObject | undefined,
): Diagnostic[] {
  return workloads
    .filter((workload) => replicatedKinds.has(workload.kind))
    .flatMap((workload) => {
      const replicas = mostReplicas(workload, autoscalerFor(workload));
      if (replicas < 2) return [];
      return hostPortsOf(workload).map((wanted) =>
        diagnostic(
          "replicas-with-fixed-host-port",
          "warning",
          `${workload.kind} '${workload.name}' runs ${autoscalerFor(workload) ? "up to " : ""}${replicas} replicas that each ask for host port ${wanted.port}: no two fit on one node`,
          locateIn(workload, wanted.path, "value"),
          {
            hint: "leave hostPort out and reach the pods through a Service, or run one replica (a DaemonSet, for one on every node)",
          },
        ),
      );
    });
}
