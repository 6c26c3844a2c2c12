/**
 * Probes the kubelet cannot run as written: a liveness or startup success threshold other than 1,
 * a timing or threshold below 0,
 * two ways to probe in one probe, a probe of no port or of a number that is no port (all refused by
 * the API server); an exec probe written as a shell command line, which runs without a shell; a
 * port name the container does not give.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { commandWords } from "../../model/container-risks.js";
import { execFormProblem } from "../../model/exec-form.js";
import { isPortNumber } from "../../model/port-number.js";
import { asText } from "../json.js";
import { asArray, asObject, isObject, type Json, type ManifestObject } from "./objects.js";
import { locateIn, writtenIn } from "./patch-origin.js";
import { PROBE_FIELDS } from "./probe-health.js";
import { isSet, refused } from "./refusals.js";

/** The fields of a probe the API server takes only at 0 or above (0 is their default). */
const TIMINGS = [
  "initialDelaySeconds",
  "periodSeconds",
  "timeoutSeconds",
  "successThreshold",
  "failureThreshold",
] as const;
const HANDLERS: ReadonlySet<string> = new Set(["exec", "httpGet", "tcpSocket", "grpc"]);

/** `who` names the container in messages; `path`, where it is written. */
export function probeProblems(
  workload: ManifestObject,
  container: Json,
  path: KeyPath,
  who: string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const probe of ["livenessProbe", "startupProbe"] as const) {
    const threshold = asObject(container[probe]).successThreshold;
    if (isSet(threshold) && threshold !== 1)
      found.push(
        refused(
          workload,
          [...path, probe, "successThreshold"],
          `the ${probe} of ${who} sets successThreshold ${asText(threshold)}, where the API server takes only 1`,
          "leave successThreshold out (it is 1)",
        ),
      );
  }
  for (const probe of PROBE_FIELDS)
    for (const field of TIMINGS) {
      const value = asObject(container[probe])[field];
      // A liveness or startup probe's successThreshold other than 1 is reported above.
      if (field === "successThreshold" && probe !== "readinessProbe") continue;
      if (typeof value === "number" && value < 0)
        found.push(
          refused(
            workload,
            [...path, probe, field],
            `the ${probe} of ${who} sets ${field} ${writtenIn(workload, [...path, probe, field], value)}, where the API server takes 0 or more`,
            `leave ${field} out, or give 0 or more`,
          ),
        );
    }
  for (const probe of PROBE_FIELDS) {
    const command = asObject(asObject(container[probe]).exec).command;
    if (!Array.isArray(command) || !command.every((word) => typeof word === "string")) continue;
    // Quoted in the finding as a document shows it: a password it passes is left out.
    const words = commandWords(command as string[]);
    const problem = execFormProblem(words);
    if (!problem) continue;
    const at = locateIn(workload, [...path, probe, "exec", "command", problem.index], "value");
    found.push(
      problem.kind === "command-line"
        ? diagnostic(
            "schema-invalid-value",
            "error",
            `the ${probe} of ${who} runs a program named '${words[0]}' (an exec probe runs no shell, and takes each word apart), which does not exist: the probe fails every time`,
            at,
            { hint: `split it into words, or let a shell read it: [sh, -c, "${words[0]}"]` },
          )
        : diagnostic(
            "schema-invalid-value",
            "error",
            `the ${probe} of ${who} hands '${words[problem.index]}' to ${words[0]} as it is written: an exec probe runs no shell to read it`,
            at,
            { hint: `let a shell read it: [sh, -c, "${words.join(" ")}"]` },
          ),
    );
  }
  for (const probe of PROBE_FIELDS)
    for (const handler of ["httpGet", "tcpSocket", "grpc"] as const) {
      const written = asObject(container[probe])[handler];
      if (!isObject(written)) continue;
      if (!isSet(written.port))
        found.push(
          refused(
            workload,
            [...path, probe, handler],
            `the ${probe} of ${who} gives ${handler} no port, which the API server refuses`,
            "give the port the container listens on",
          ),
        );
      else if (typeof written.port === "number" && !isPortNumber(written.port))
        found.push(
          refused(
            workload,
            [...path, probe, handler, "port"],
            `the ${probe} of ${who} probes port ${writtenIn(workload, [...path, probe, handler, "port"], written.port)}, which is no port: the API server takes 1 to 65535`,
            "probe the port the container listens on",
          ),
        );
    }
  const portNames = new Set(asArray(container.ports).map((port) => asObject(port).name));
  for (const probe of PROBE_FIELDS)
    for (const handler of ["httpGet", "tcpSocket"] as const) {
      const port = asObject(asObject(container[probe])[handler]).port;
      // The kubelet looks a name up among the container's own ports; missing, the probe always fails.
      if (typeof port === "string" && !/^\d+$/.test(port) && !portNames.has(port))
        found.push(
          diagnostic(
            "unknown-port",
            "error",
            `the ${probe} of ${who} probes the port named '${port}', which the container does not name: it always fails`,
            locateIn(workload, [...path, probe, handler, "port"], "value"),
            {
              hint: "name the container's port so (ports: [{ name: …, containerPort: … }]), or give the number",
            },
          ),
        );
    }
  for (const probe of PROBE_FIELDS) {
    // In the order written, so that the second one is pointed at.
    const handlers = Object.entries(asObject(container[probe]))
      .filter(([key, value]) => HANDLERS.has(key) && isSet(value))
      .map(([key]) => key);
    if (handlers.length > 1)
      found.push(
        refused(
          workload,
          [...path, probe, handlers[1]!],
          `the ${probe} of ${who} probes by ${handlers.join(" and ")}, where the API server takes one`,
          `keep one of ${handlers.join(", ")}`,
        ),
      );
  }
  return found;
}
