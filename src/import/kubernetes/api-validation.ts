/**
 * What the API server refuses in objects whose fields all have the right types (its validation,
 * beyond the OpenAPI schema): two containers of one pod with one name, a probe with two ways to
 * probe, a Service with a port twice or several ports not all named. `kubectl apply` stops there.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { asArray, asObject, isObject, type ManifestObject, podContainers } from "./objects.js";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HANDLERS: ReadonlySet<string> = new Set(["exec", "httpGet", "tcpSocket", "grpc"]);

function refused(object: ManifestObject, path: KeyPath, message: string, hint: string): Diagnostic {
  return diagnostic("manifest-invalid", "error", message, locate(object.yaml, path, "value"), { hint });
}

function podProblems(workload: ManifestObject): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Init containers and containers share one namespace of names.
  const names = new Set<string>();
  for (const { container, path, who } of podContainers(workload)) {
    if (typeof container.name === "string") {
      if (names.has(container.name))
        found.push(
          refused(
            workload,
            [...path, "name"],
            `${workload.kind} '${workload.name}' has two containers named '${container.name}', which the API server refuses`,
            "give each container of the pod a name of its own",
          ),
        );
      names.add(container.name);
    }
    for (const probe of PROBES) {
      // In the order written, so that the second one is pointed at.
      const handlers = Object.keys(asObject(container[probe])).filter((key) => HANDLERS.has(key));
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
  }
  return found;
}

function serviceProblems(service: ManifestObject): Diagnostic[] {
  const found: Diagnostic[] = [];
  const ports = asArray(asObject(service.value.spec).ports).filter(isObject);
  const seen = new Set<string>();
  let unnamed = false;
  asArray(asObject(service.value.spec).ports).forEach((port, index) => {
    if (!isObject(port)) return;
    const path = [...service.base, "spec", "ports", index];
    // Once, at the first port without a name.
    if (ports.length > 1 && !unnamed && (typeof port.name !== "string" || port.name === "")) {
      unnamed = true;
      found.push(
        refused(
          service,
          path,
          `Service '${service.name}' has ${ports.length} ports, not all of them named, which the API server refuses`,
          "name every port of a Service that has more than one",
        ),
      );
    }
    const key = `${asText(port.port)}/${asText(port.protocol ?? "TCP")}`;
    if (port.port !== undefined && seen.has(key))
      found.push(
        refused(
          service,
          [...path, "port"],
          `Service '${service.name}' has port ${key} twice, which the API server refuses`,
          "give each port of the Service a number (and protocol) of its own",
        ),
      );
    seen.add(key);
  });
  return found;
}

export function apiValidationProblems(
  workloads: readonly ManifestObject[],
  services: readonly ManifestObject[],
): Diagnostic[] {
  return [...workloads.flatMap(podProblems), ...services.flatMap(serviceProblems)];
}
