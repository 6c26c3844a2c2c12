/**
 * A Service's nodePort opens that port on every node of the cluster, whatever the namespace. The API
 * server gives each number to one Service ("provided port is already allocated"; one Service may use
 * it for two protocols), and only from its node port range, 30000-32767 unless the cluster was set up
 * with another. Found here, where the port is written; a clash is reported by host-port-conflict.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { isPortNumber } from "../../model/port-number.js";
import { asArray, asObject, isObject, type ManifestObject } from "./objects.js";
import { locateIn, writtenIn } from "./patch-origin.js";

const RANGE = { low: 30000, high: 32767 };

/** `findings` for the rules (clashes), `diagnostics` for the reader (ports out of range). */
export function nodePortProblems(services: readonly ManifestObject[]): {
  findings: Diagnostic[];
  diagnostics: Diagnostic[];
} {
  const findings: Diagnostic[] = [];
  const diagnostics: Diagnostic[] = [];
  const holders = new Map<number, { service: ManifestObject; protocol: string }>();
  for (const service of services) {
    asArray(asObject(service.value.spec).ports).forEach((port, index) => {
      // 0 asks the cluster to pick one, as leaving it out does.
      if (!isObject(port) || typeof port.nodePort !== "number" || port.nodePort === 0) return;
      const nodePort = port.nodePort;
      const protocol = typeof port.protocol === "string" ? port.protocol : "TCP";
      const path = [...service.base, "spec", "ports", index, "nodePort"];
      const at = locateIn(service, path, "value");
      const written = () => writtenIn(service, path, nodePort, at);
      // No cluster opens a port no system has; one outside the usual range only a cluster set up so.
      if (!isPortNumber(nodePort))
        diagnostics.push(
          diagnostic(
            "manifest-invalid",
            "error",
            `node port ${written()} is no port: the API server refuses it`,
            at,
            {
              hint: `choose a port from ${RANGE.low}-${RANGE.high}, or leave nodePort out for the cluster to pick one`,
            },
          ),
        );
      else if (nodePort < RANGE.low || nodePort > RANGE.high)
        diagnostics.push(
          diagnostic(
            "schema-invalid-value",
            "warning",
            `node port ${written()} is outside ${RANGE.low}-${RANGE.high}, the range the API server gives node ports from unless the cluster was set up with another`,
            at,
            {
              hint: `choose a port from ${RANGE.low}-${RANGE.high}, or leave nodePort out for the cluster to pick one`,
            },
          ),
        );
      const holder = holders.get(nodePort);
      if (!holder) holders.set(nodePort, { service, protocol });
      else if (holder.service !== service || holder.protocol === protocol)
        findings.push(
          diagnostic(
            "host-port-conflict",
            "error",
            holder.service === service
              ? `Service '${service.name}' asks for node port ${written()} twice`
              : `Service '${service.name}' asks for node port ${written()}, which Service '${holder.service.name}' already has: the API server refuses the second`,
            at,
            { hint: "choose another nodePort, or leave it out for the cluster to pick one" },
          ),
        );
    });
  }
  return { findings, diagnostics };
}
