/**
 * A container port published on the node's port 22 (hostPort: 22) is reached as an SSH server on
 * every node that runs the pod, whatever port it has inside, as Compose's `22:2222` is. The model
 * does not keep host ports: found here, where hostPort is written, and reported by ssh-port-exposed.
 * A container port 22 is the port of SSH already, and found as one.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asArray, isObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function sshHostPortFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  return workloads.flatMap((workload) =>
    podContainers(workload).flatMap(({ container, path, who }) =>
      asArray(container.ports).flatMap((port, index) => {
        // SSH runs over TCP, the protocol a port left unsaid has.
        if (!isObject(port) || port.hostPort !== 22 || port.containerPort === 22) return [];
        if ((port.protocol ?? "TCP") !== "TCP") return [];
        return [
          diagnostic(
            "ssh-port-exposed",
            "warning",
            `${who} publishes its port ${String(port.containerPort)} on the node's port 22, the port of SSH`,
            locateIn(workload, [...path, "ports", index, "hostPort"], "value"),
            {
              hint: "if it is an SSH server, make sure it is meant to be reachable; otherwise publish it on another host port",
            },
          ),
        ];
      }),
    ),
  );
}
