/**
 * What the rules find in every probe of every container, where it is written: a port the container
 * does not declare (kube-linter's liveness-port, readiness-port and startup-port) and a secret on an
 * exec probe's command line. The model keeps one health check per service, the first container's;
 * the others, and the sidecars' probes, are found only here.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { passesSecret } from "../../model/container-risks.js";
import { isPortNumber } from "../../model/port-number.js";
import { asText } from "../json.js";
import { asArray, asObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn, writtenIn } from "./patch-origin.js";
import { PROBE_FIELDS } from "./probe-health.js";

export function probeFindings(workloads: readonly ManifestObject[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const workload of workloads)
    for (const { container, path, who, init, sidecar } of podContainers(workload)) {
      const declared = new Set(asArray(container.ports).map((port) => asObject(port).containerPort));
      // The probe of an init container that runs to completion is refused, and reported as that
      // (api-validation.ts): its port is never probed. A secret in it is in the file all the same.
      const probed = !init || sidecar;
      for (const probe of PROBE_FIELDS) {
        const written = asObject(container[probe]);
        for (const handler of probed ? (["httpGet", "tcpSocket", "grpc"] as const) : []) {
          const port = asObject(written[handler]).port;
          // A name is looked up among the container's ports (unknown-port says when it is not there);
          // quoted digits are a name the API server refuses (invalid-port-name).
          const number = typeof port === "number" ? port : undefined;
          // A number that is no port is refused where it is written (probe-problems.ts).
          if (!isPortNumber(number) || declared.has(number)) continue;
          const portPath = [...path, probe, handler, "port"];
          const at = locateIn(workload, portPath, "value");
          found.push(
            // The kubelet probes the pod's address on any port, declared or not: the probe may well
            // work, and a port left out of the container's list is only undocumented. A warning.
            diagnostic(
              "health-port-undeclared",
              "warning",
              `the ${probe} of ${who} probes port ${writtenIn(workload, portPath, port, at)}, which the container does not declare`,
              at,
              {
                hint: `declare it among the container's ports (containerPort: ${number}), or probe a port that is declared`,
              },
            ),
          );
        }
        const command = asObject(written.exec).command;
        if (Array.isArray(command) && passesSecret(command.map(asText)))
          found.push(
            diagnostic(
              "secret-in-command",
              "error",
              `the ${probe} of ${who} passes a secret on the command line`,
              locateIn(workload, [...path, probe, "exec", "command"], "value"),
            ),
          );
      }
    }
  return found;
}
