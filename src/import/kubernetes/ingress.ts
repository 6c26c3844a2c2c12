/** Ingresses → ingress nodes with routes to the workloads behind the Services they name. */
import type { KeyPath } from "../../load/yaml-file.js";
import { asArray, asObject, isObject, type Json, type ManifestObject } from "./objects.js";

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
): { id: string; tls: boolean }[] {
  const made: { id: string; tls: boolean }[] = [];
  for (const ingress of ingresses) {
    const spec = asObject(ingress.value.spec);
    let id = ingresses.length === 1 ? "ingress" : `ingress-${ingress.name}`;
    while (Object.hasOwn(clusterNodes, id)) id = `${id}-ingress`;
    const routes: Record<string, string | { to: string; port: string | number }> = {};
    const hosts = new Set<string>();
    const note = noteFor(ingress);
    const nodePath = ["environments", environment, "nodes", "cluster", "nodes", id];
    const backendTarget = (backend: Json): string | { to: string; port: string | number } | undefined => {
      const service = asObject(backend.service);
      const name = typeof service.name === "string" ? service.name : backend.serviceName;
      const target = services.find((s) => s.name === name && namespaceOf(s) === namespaceOf(ingress));
      const workload = target ? serviceTarget.get(target) : undefined;
      const to = workload ? idOf.get(workload) : undefined;
      if (!to || !target) return undefined;
      const port = asObject(service.port);
      const servicePort = port.number ?? port.name ?? backend.servicePort;
      const declared = asArray(asObject(target.value.spec).ports)
        .filter(isObject)
        .find((p) => p.port === servicePort || p.name === servicePort);
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
        const target = backendTarget(asObject(entry.backend));
        if (!target) return;
        const path = typeof entry.path === "string" ? entry.path : "/";
        const routeKey = hosts.size > 1 && typeof rule.host === "string" ? `${rule.host}${path}` : path;
        if (Object.hasOwn(routes, routeKey)) return;
        routes[routeKey] = target;
        note([...nodePath, "routes", routeKey], ["spec", "rules", ruleIndex, "http", "paths", pathIndex]);
      });
    });
    const fallback = isObject(spec.defaultBackend) ? backendTarget(spec.defaultBackend) : undefined;
    if (fallback && !("/" in routes)) routes["/"] = fallback;
    const className =
      typeof spec.ingressClassName === "string"
        ? spec.ingressClassName
        : asObject(asObject(ingress.value.metadata).annotations)["kubernetes.io/ingress.class"];
    clusterNodes[id] = {
      kind: "ingress",
      name: `Ingress ${ingress.name}`,
      ...(typeof className === "string" ? { technology: className } : {}),
      ...(hosts.size > 0 ? { properties: { Host: [...hosts].join(", ") } } : {}),
      ...(Object.keys(routes).length > 0 ? { routes } : {}),
    };
    note(nodePath, ["metadata", "name"]);
    made.push({ id, tls: asArray(spec.tls).length > 0 });
  }
  return made;
}
