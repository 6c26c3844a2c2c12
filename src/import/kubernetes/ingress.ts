/**
 * Ingresses → ingress nodes with routes to the workloads behind the Services they name. A backend
 * naming a Service the manifests do not define, or a port its Service does not have, is reported.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import {
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  objectIndex,
  objectKey,
} from "./objects.js";

export function ingressNodes(
  ingresses: ManifestObject[],
  services: ManifestObject[],
  serviceTarget: Map<ManifestObject, ManifestObject>,
  idOf: Map<ManifestObject, string>,
  portNamesOf: Map<string, Map<number, string>>,
  namespaceOf: (o: ManifestObject) => string,
  clusterNodes: Record<string, Json>,
  environment: string,
  noteFor: (object: ManifestObject) => (modelPath: KeyPath, manifestPath: KeyPath) => void,
  diagnostics: Diagnostic[],
): { id: string; tls: boolean }[] {
  const made: { id: string; tls: boolean }[] = [];
  const servicesByName = objectIndex(services, namespaceOf);
  for (const ingress of ingresses) {
    const spec = asObject(ingress.value.spec);
    let id = ingresses.length === 1 ? "ingress" : `ingress-${ingress.name}`;
    while (Object.hasOwn(clusterNodes, id)) id = `${id}-ingress`;
    const routes: Record<string, string | { to: string; port: string | number }> = {};
    const hosts = new Set<string>();
    const note = noteFor(ingress);
    const nodePath = ["environments", environment, "nodes", "cluster", "nodes", id];
    const backendTarget = (
      backend: Json,
      at: KeyPath,
    ): string | { to: string; port: string | number } | undefined => {
      const service = asObject(backend.service);
      // networking.k8s.io/v1 names { service: { name, port } }; older versions serviceName and servicePort.
      const [nameField, portField] = isObject(backend.service)
        ? [
            ["service", "name"],
            ["service", "port"],
          ]
        : [["serviceName"], ["servicePort"]];
      const name = typeof service.name === "string" ? service.name : backend.serviceName;
      if (typeof name !== "string") return undefined;
      const where = (field: string[]) => locate(ingress.yaml, [...ingress.base, ...at, ...field], "value");
      const target = servicesByName.get(objectKey(namespaceOf(ingress), "Service", name));
      if (!target) {
        diagnostics.push(
          diagnostic(
            "unknown-service",
            "warning",
            `Ingress '${ingress.name}' sends traffic to Service '${name}', which the manifests here do not define`,
            where(nameField),
            { hint: "name a Service of these manifests, or add the Service's manifest" },
          ),
        );
        return undefined;
      }
      const port = asObject(service.port);
      const servicePort = port.number ?? port.name ?? backend.servicePort;
      const declared = asArray(asObject(target.value.spec).ports)
        .filter(isObject)
        .find((p) => p.port === servicePort || p.name === servicePort);
      if (servicePort !== undefined && !declared)
        diagnostics.push(
          diagnostic(
            "unknown-port",
            "error",
            `Ingress '${ingress.name}' sends traffic to port ${asText(servicePort)} of Service '${name}', which it does not have`,
            where(portField),
            { hint: "name one of the Service's ports (spec.ports[].port or name)" },
          ),
        );
      const workload = serviceTarget.get(target);
      const to = workload ? idOf.get(workload) : undefined;
      // A colon in a name (which the API server refuses, and which is reported so) would read as a port.
      if (!to || to.includes(":")) return undefined;
      const containerPort = declared?.targetPort ?? declared?.port;
      const portName =
        typeof containerPort === "number"
          ? portNamesOf.get(to)?.get(containerPort)
          : typeof containerPort === "string"
            ? containerPort
            : undefined;
      return portName ? { to, port: portName } : to;
    };
    asArray(spec.rules).forEach((rawRule, ruleIndex) => {
      const rule = asObject(rawRule);
      if (typeof rule.host === "string") hosts.add(rule.host);
      asArray(asObject(rule.http).paths).forEach((rawPath, pathIndex) => {
        const entry = asObject(rawPath);
        const target = backendTarget(asObject(entry.backend), [
          "spec",
          "rules",
          ruleIndex,
          "http",
          "paths",
          pathIndex,
          "backend",
        ]);
        if (!target) return;
        const path = typeof entry.path === "string" ? entry.path : "/";
        const routeKey = hosts.size > 1 && typeof rule.host === "string" ? `${rule.host}${path}` : path;
        if (Object.hasOwn(routes, routeKey)) return;
        routes[routeKey] = target;
        note([...nodePath, "routes", routeKey], ["spec", "rules", ruleIndex, "http", "paths", pathIndex]);
      });
    });
    // The older name, from before networking.k8s.io/v1.
    const fallbackField = isObject(spec.defaultBackend) ? "defaultBackend" : "backend";
    const fallback = isObject(spec[fallbackField])
      ? backendTarget(spec[fallbackField] as Json, ["spec", fallbackField])
      : undefined;
    if (fallback && !("/" in routes)) routes["/"] = fallback;
    const className =
      typeof spec.ingressClassName === "string"
        ? spec.ingressClassName
        : asObject(asObject(ingress.value.metadata).annotations)["kubernetes.io/ingress.class"];
    const tls = asArray(spec.tls).filter(isObject);
    const secrets = tls.flatMap((entry) => (typeof entry.secretName === "string" ? [entry.secretName] : []));
    const properties = {
      ...(hosts.size > 0 ? { Host: [...hosts].join(", ") } : {}),
      ...(tls.length > 0
        ? { TLS: secrets.length > 0 ? `from the Secret ${secrets.join(", ")}` : "yes" }
        : {}),
    };
    clusterNodes[id] = {
      kind: "ingress",
      name: `Ingress ${ingress.name}`,
      ...(typeof className === "string" ? { technology: className } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(Object.keys(routes).length > 0 ? { routes } : {}),
    };
    note(nodePath, ["metadata", "name"]);
    made.push({ id, tls: tls.length > 0 });
  }
  return made;
}
