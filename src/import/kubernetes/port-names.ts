/**
 * The names Kubernetes accepts for a container port, and for a Service's targetPort given by name
 * (IANA service names): up to 15 lower-case letters, digits and single dashes, with a letter, and
 * no dash at either end; and for a Service's own port, a DNS label: up to 63 lower-case letters,
 * digits and '-', with neither end a dash. An object with another name is refused as a whole, as is
 * a probe whose port is quoted digits: a name to the API server.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asArray, asObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import { PROBE_FIELDS } from "./probe-health.js";

/** Why Kubernetes refuses a port name, or undefined where it takes it. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return "it is longer than 15 characters";
  if (!/^[a-z0-9-]+$/.test(name)) return "it holds other than lower-case letters, digits and '-'";
  if (!/[a-z]/.test(name)) return "it has no letter";
  if (name.startsWith("-") || name.endsWith("-") || name.includes("--"))
    return "it starts or ends with '-', or has two together";
  return undefined;
}

/** Why Kubernetes refuses a Service port's own name (a DNS label), or undefined where it takes it. */
export function servicePortNameProblem(name: string): string | undefined {
  if (name.length > 63) return "it is longer than 63 characters";
  if (!/^[a-z0-9-]+$/.test(name)) return "it holds other than lower-case letters, digits and '-'";
  if (name.startsWith("-") || name.endsWith("-")) return "it starts or ends with '-'";
  return undefined;
}

export function portNameFindings(objects: readonly ManifestObject[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (
    object: ManifestObject,
    name: unknown,
    path: KeyPath,
    what: string,
    problemOf: (name: string) => string | undefined = portNameProblem,
  ) => {
    if (typeof name !== "string") return;
    const problem = problemOf(name);
    if (problem)
      found.push(
        diagnostic(
          "invalid-port-name",
          "error",
          `${object.kind} '${object.name}' names ${what} '${name}', which Kubernetes refuses: ${problem}`,
          locateIn(object, path, "value"),
        ),
      );
  };
  for (const object of objects) {
    if (object.kind === "Service") {
      asArray(asObject(object.value.spec).ports).forEach((port, index) => {
        const at = [...object.base, "spec", "ports", index];
        check(object, asObject(port).name, [...at, "name"], "a port", servicePortNameProblem);
        check(object, asObject(port).targetPort, [...at, "targetPort"], "a target port");
      });
      continue;
    }
    for (const { container, path, who } of podContainers(object)) {
      asArray(container.ports).forEach((port, index) => {
        check(object, asObject(port).name, [...path, "ports", index, "name"], "a port");
      });
      // Quoted, a probe's port is a name to the API server, which refuses one of digits alone.
      for (const probe of PROBE_FIELDS)
        for (const handler of ["httpGet", "tcpSocket"] as const) {
          const port = asObject(asObject(container[probe])[handler]).port;
          if (typeof port === "string" && /^\d+$/.test(port))
            found.push(
              diagnostic(
                "invalid-port-name",
                "error",
                `the ${probe} of ${who} probes the port named '${port}', which Kubernetes refuses: it has no letter`,
                locateIn(object, [...path, probe, handler, "port"], "value"),
                {
                  hint: `write the number unquoted (port: ${port}), or the name the container gives its port`,
                },
              ),
            );
        }
    }
  }
  return found;
}
