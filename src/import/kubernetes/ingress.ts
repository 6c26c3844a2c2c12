/**
 * Ingresses → ingress nodes with routes to the workloads behind the Services they name. A backend
 * naming a Service the manifests do not define, or a port its Service does not have, is reported.
 */

import { inWords } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { isPrototypeName, prototypeNameRefused } from "../prototype-names.js";
import {
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  nameKey,
  objectIndex,
  objectKey,
} from "./objects.js";
import { locateIn, writtenIn } from "./patch-origin.js";

/** What reading Ingresses needs of the rest of the manifests, and where it puts what it makes. */
export interface IngressContext {
  services: readonly ManifestObject[];
  /** The workload each Service sends its traffic to. */
  serviceTarget: ReadonlyMap<ManifestObject, ManifestObject>;
  idOf: ReadonlyMap<ManifestObject, string>;
  /** Each service's container ports, by number, with their model names. */
  portNamesOf: ReadonlyMap<string, ReadonlyMap<number, string>>;
  namespaceOf: (o: ManifestObject) => string;
  /** The cluster's nodes, which each Ingress joins. */
  clusterNodes: Record<string, Json>;
  environment: string;
  noteFor: (object: ManifestObject) => (modelPath: KeyPath, manifestPath: KeyPath) => void;
  diagnostics: Diagnostic[];
  /** What the rules report (an Ingress with no tls, or hosts its tls leaves out). */
  findings: Diagnostic[];
  /** Where routes go through a targetPort no container names (see Model.unnamedTargetPorts). */
  unnamedTargetPorts: Set<string>;
}

type Target = string | { to: string; port: string | number };

/**
 * Where a backend sends traffic, as a route's target: the workload behind the Service it names, at
 * the port it names. `at` is where the backend is written in the Ingress.
 */
function backendTarget(
  ingress: ManifestObject,
  backend: Json,
  at: KeyPath,
  context: IngressContext & { servicesByName: ReadonlyMap<string, ManifestObject> },
): Target | undefined {
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
  const where = (field: string[]) => locateIn(ingress, [...ingress.base, ...at, ...field], "value");
  const target = context.servicesByName.get(objectKey(context.namespaceOf(ingress), "Service", name));
  if (!target) {
    const namespace = context.namespaceOf(ingress);
    // One of that name elsewhere is what was meant, in the wrong namespace: an Ingress reaches only its own.
    const elsewhere = context.services.find((s) => s.name === name);
    context.diagnostics.push(
      diagnostic(
        "unknown-service",
        "warning",
        `Ingress '${ingress.name}' sends traffic to Service '${name}', which the manifests here do not define in namespace '${namespace}'`,
        where(nameField),
        {
          hint: elsewhere
            ? `an Ingress sends traffic only to Services of its own namespace: '${name}' is in namespace '${context.namespaceOf(elsewhere)}'`
            : "name a Service of these manifests, or add the Service's manifest",
        },
      ),
    );
    return undefined;
  }
  // An ExternalName Service is a DNS name outside the cluster: it declares no ports to check, and
  // runs no workload here to route to.
  if (asObject(target.value.spec).type === "ExternalName") return undefined;
  const port = asObject(service.port);
  const servicePort = port.number ?? port.name ?? backend.servicePort;
  const declared = asArray(asObject(target.value.spec).ports)
    .filter(isObject)
    .find((p) => p.port === servicePort || p.name === servicePort);
  if (servicePort !== undefined && !declared) {
    // The port as the Ingress writes it (0x50, not 80): the field that holds it, in either form.
    const field =
      portField.length === 1 ? portField : [...portField, port.number !== undefined ? "number" : "name"];
    const quoted = writtenIn(ingress, [...ingress.base, ...at, ...field], servicePort);
    context.diagnostics.push(
      diagnostic(
        "unknown-port",
        "error",
        `Ingress '${ingress.name}' sends traffic to ${typeof servicePort === "string" ? `the port named '${servicePort}'` : `port ${quoted}`} of Service '${name}', which it does not have`,
        where(portField),
        { hint: "name one of the Service's ports (spec.ports[].port or name)" },
      ),
    );
  }
  const workload = context.serviceTarget.get(target);
  const to = workload ? context.idOf.get(workload) : undefined;
  // A colon in a name (which the API server refuses, and which is reported so) would read as a port.
  if (!to || to.includes(":")) return undefined;
  const containerPort = declared?.targetPort ?? declared?.port;
  // A targetPort by a name no container gives is service-target-port-unknown's to report; the route
  // then goes to the workload, not to a port the model would have to refuse.
  const names = context.portNamesOf.get(to);
  const portName =
    typeof containerPort === "number"
      ? names?.get(containerPort)
      : typeof containerPort === "string" && [...(names?.values() ?? [])].includes(containerPort)
        ? containerPort
        : undefined;
  if (typeof containerPort === "string" && !portName) context.unnamedTargetPorts.add(to);
  return portName ? { to, port: portName } : to;
}

/**
 * Whether a tls lists entries, each of them null: what was meant to be there (a template's entry
 * left empty) is not, and the Ingress states no TLS.
 */
function listsOnlyNullTls(spec: Json): boolean {
  const tls = spec.tls;
  return Array.isArray(tls) && tls.length > 0 && tls.every((entry) => entry === null);
}

/** What the model says of an Ingress besides its routes: its hosts and TLS, and its class. */
function ingressNode(ingress: ManifestObject, hosts: ReadonlySet<string>): { node: Json; tls: boolean } {
  const spec = asObject(ingress.value.spec);
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
      : listsOnlyNullTls(spec)
        ? { TLS: "none, as its tls lists only null" }
        : {}),
  };
  return {
    node: {
      kind: "ingress",
      name: `Ingress ${ingress.name}`,
      ...(typeof className === "string" ? { technology: className } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    },
    tls: tls.length > 0,
  };
}

/** Whether a host a tls entry names covers a rule's host: the same, or a wildcard of one label over it. */
function covers(tlsHost: string, host: string): boolean {
  if (tlsHost === host) return true;
  return tlsHost.startsWith("*.") && host.slice(host.indexOf(".")) === tlsHost.slice(1);
}

/**
 * The hosts an Ingress routes that its tls leaves out, reported at its tls: they are served over
 * plain HTTP. A tls entry that names no hosts takes the controller's default certificate for all.
 */
function uncoveredHosts(ingress: ManifestObject, hosts: ReadonlySet<string>): Diagnostic | undefined {
  const tls = asArray(asObject(ingress.value.spec).tls).filter(isObject);
  if (tls.length === 0 || tls.some((entry) => asArray(entry.hosts).length === 0)) return undefined;
  const named = tls.flatMap((entry) =>
    asArray(entry.hosts).filter((h): h is string => typeof h === "string"),
  );
  const left = [...hosts].filter((host) => !named.some((tlsHost) => covers(tlsHost, host)));
  if (left.length === 0) return undefined;
  return diagnostic(
    "ingress-without-tls",
    "error",
    `Ingress '${ingress.name}' routes ${inWords(left)} over plain HTTP: its tls covers ${inWords(named)} only`,
    locateIn(ingress, [...ingress.base, "spec", "tls"], "key"),
    {
      hint: `add ${inWords(left)} to the hosts of a tls entry, with a Secret whose certificate covers ${left.length > 1 ? "them" : "it"}`,
    },
  );
}

/**
 * An Ingress that states no TLS, reported at its spec, where tls is to be added: once for the
 * Ingress, however many hosts it routes, and at the first null entry of a tls that lists only null.
 */
function missingTls(ingress: ManifestObject): Diagnostic | undefined {
  const spec = asObject(ingress.value.spec);
  const onlyNull = listsOnlyNullTls(spec);
  if (!onlyNull && asArray(spec.tls).some(isObject)) return undefined;
  return diagnostic(
    "ingress-without-tls",
    "error",
    `Ingress '${ingress.name}' routes public traffic over plain HTTP, as ${onlyNull ? "its tls lists only null" : "it has no tls"}`,
    onlyNull
      ? locateIn(ingress, [...ingress.base, "spec", "tls", 0], "value")
      : locateIn(ingress, [...ingress.base, "spec"], "key"),
    {
      hint: "give the Ingress spec.tls: [{ hosts: [the hosts it routes], secretName: … }], with a Secret whose certificate covers them",
    },
  );
}

/** Whether a rule of an Ingress routes anything: a path, to a Service these manifests define or not. */
const routesPaths = (rule: unknown): boolean => asArray(asObject(asObject(rule).http).paths).some(isObject);

/** Whether an Ingress routes anything as written, to a Service these manifests define or not. */
function routesAnything(spec: Json): boolean {
  return asArray(spec.rules).some(routesPaths) || isObject(spec.defaultBackend) || isObject(spec.backend);
}

/**
 * The rules of an Ingress that route a path, by the host they answer for ("" for those that name
 * none), in the order written.
 */
function rulesByHost(spec: Json): Map<string, number[]> {
  const byHost = new Map<string, number[]>();
  asArray(spec.rules).forEach((rule, index) => {
    if (!routesPaths(rule)) return;
    const host = asObject(rule).host;
    const key = typeof host === "string" ? host : "";
    byHost.set(key, [...(byHost.get(key) ?? []), index]);
  });
  return byHost;
}

/**
 * The nodes an Ingress is: one, or one for each host where its rules answer for several, since a
 * node's routes are paths of one host (two hosts may each route `/`). Each part has the host's rules
 * and, for the part of no host (or the only part), the default backend, which takes what no rule does.
 */
function ingressParts(spec: Json): { host: string | undefined; rules: number[]; fallback: boolean }[] {
  const byHost = rulesByHost(spec);
  if (byHost.size <= 1) return [{ host: undefined, rules: [...byHost.values()].flat(), fallback: true }];
  const hasFallback = isObject(spec.defaultBackend) || isObject(spec.backend);
  if (hasFallback && !byHost.has("")) byHost.set("", []);
  return [...byHost].map(([host, rules]) => ({ host: host || undefined, rules, fallback: host === "" }));
}

export function ingressNodes(
  ingresses: readonly ManifestObject[],
  context: IngressContext,
): { id: string; tls: boolean }[] {
  const { clusterNodes, environment } = context;
  const made: { id: string; tls: boolean }[] = [];
  const withServices = { ...context, servicesByName: objectIndex(context.services, context.namespaceOf) };
  for (const ingress of ingresses) {
    const spec = asObject(ingress.value.spec);
    // With no path to route and no default backend it lets nothing in: no way into the environment.
    if (!routesAnything(spec)) continue;
    const note = context.noteFor(ingress);
    const allHosts = new Set<string>();
    const parts = ingressParts(spec);
    for (const part of parts) {
      const base = ingresses.length === 1 ? "ingress" : `ingress-${ingress.name}`;
      let id = parts.length === 1 ? base : `${base}-${part.host?.replace(/\*/g, "wildcard") ?? "any-host"}`;
      while (Object.hasOwn(clusterNodes, id)) id = `${id}-ingress`;
      const routes: Record<string, Target> = {};
      const hosts = new Set<string>();
      const nodePath = ["environments", environment, "nodes", "cluster", "nodes", id];
      for (const ruleIndex of part.rules) {
        const rule = asObject(asArray(spec.rules)[ruleIndex]);
        if (typeof rule.host === "string") hosts.add(rule.host);
        asArray(asObject(rule.http).paths).forEach((rawPath, pathIndex) => {
          const entry = asObject(rawPath);
          const target = backendTarget(
            ingress,
            asObject(entry.backend),
            ["spec", "rules", ruleIndex, "http", "paths", pathIndex, "backend"],
            withServices,
          );
          if (!target) return;
          const path = typeof entry.path === "string" ? entry.path : "/";
          if (isPrototypeName(path)) {
            const at = ["spec", "rules", ruleIndex, "http", "paths", pathIndex, "path"];
            context.diagnostics.push(
              prototypeNameRefused(
                path,
                `the path '${path}' of Ingress '${ingress.name}'`,
                "routes",
                locateIn(ingress, [...ingress.base, ...at], "value"),
                `write the path from the root (/${path}), as Prefix and Exact paths are`,
              ),
            );
            return;
          }
          // A relative path is reported where the API server refuses it (ingress-problems.ts), or
          // is one its controller reads its own way: as a route, the model would refuse it again.
          if (!path.startsWith("/")) return;
          if (Object.hasOwn(routes, path)) return;
          routes[path] = target;
          note([...nodePath, "routes", path], ["spec", "rules", ruleIndex, "http", "paths", pathIndex]);
        });
      }
      // The older name, from before networking.k8s.io/v1.
      const fallbackField = isObject(spec.defaultBackend) ? "defaultBackend" : "backend";
      const fallback =
        part.fallback && isObject(spec[fallbackField])
          ? backendTarget(ingress, spec[fallbackField] as Json, ["spec", fallbackField], withServices)
          : undefined;
      if (fallback && !("/" in routes)) routes["/"] = fallback;
      for (const host of hosts) allHosts.add(host);
      const { node, tls } = ingressNode(ingress, hosts);
      const name = parts.length === 1 ? node.name : `${asText(node.name)}, ${part.host ?? "any host"}`;
      clusterNodes[id] = { ...node, name, ...(Object.keys(routes).length > 0 ? { routes } : {}) };
      // A node of one host is found where its host is written; else the Ingress, by its name.
      const hostAt = part.host === undefined ? undefined : part.rules[0];
      note(
        nodePath,
        hostAt === undefined ? ["metadata", nameKey(ingress)] : ["spec", "rules", hostAt, "host"],
      );
      // Found at the first null entry, where the TLS it was meant to state is not.
      if (listsOnlyNullTls(asObject(ingress.value.spec)))
        note([...nodePath, "properties", "TLS"], ["spec", "tls", 0]);
      made.push({ id, tls });
    }
    const uncovered = uncoveredHosts(ingress, allHosts) ?? missingTls(ingress);
    if (uncovered) context.findings.push(uncovered);
  }
  return made;
}
