/**
 * Ingress objects from the environment's ingress, reverse-proxy, load-balancer and gateway nodes
 * and their routes. An Ingress can only reach Services in its own namespace, so a node whose routes
 * lead into several namespaces gets one Ingress per namespace.
 */
import type { IHTTPIngressPath } from "kubernetes-models/networking.k8s.io/v1/HTTPIngressPath";
import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { mentions, statesTls } from "../../model/tls.js";
import type { DeploymentNode, Environment, Model, NodeKind, Route } from "../../model/types.js";
import { portName } from "./container.js";
import { dnsLabel, systemLabels } from "./names.js";
import { instanceFor, namespaceOf, objectName } from "./placement.js";

const routingKinds: ReadonlySet<NodeKind> = new Set(["ingress", "reverse-proxy", "load-balancer", "gateway"]);

const hostAspect = /^(dns|domains?|hosts?|host ?names?|urls?)$/i;
const domainName = /\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})\b/i;

/**
 * The host name the Ingress answers for: from the node's own properties (`Host: app.example.org`),
 * else from the environment's DNS (or domain) entry; none when the model names no domain.
 */
export function hostName(environment: Environment, node: DeploymentNode): string | undefined {
  const entries = [
    ...node.properties.map((p) => ({ aspect: p.key, value: p.value })),
    ...environment.infrastructure,
  ];
  for (const entry of entries.filter((e) => hostAspect.test(e.aspect.trim()))) {
    const match = domainName.exec(entry.value);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return undefined;
}

function ingressClass(node: DeploymentNode): string | undefined {
  const text = `${node.technology ?? ""} ${node.name}`.toLowerCase();
  if (text.includes("nginx")) return "nginx";
  if (text.includes("traefik")) return "traefik";
  if (text.includes("haproxy")) return "haproxy";
  return undefined;
}

/** `/api/*` is the prefix `/api`; a wildcard elsewhere is left to the controller. */
function ingressPath(path: string): Pick<IHTTPIngressPath, "path" | "pathType"> {
  const prefix = path.replace(/\/?\*$/, "");
  if (prefix.includes("*")) return { path, pathType: "ImplementationSpecific" };
  return { path: prefix === "" ? "/" : prefix, pathType: "Prefix" };
}

export interface IngressResult {
  /** File stem (the node) with its Ingress objects. */
  files: { node: DeploymentNode; objects: IIngress[] }[];
  diagnostics: Diagnostic[];
}

function routePath(
  environment: Environment,
  route: Route,
  found: Diagnostic[],
): { namespace: string | undefined; path: IHTTPIngressPath } | undefined {
  const target = instanceFor(environment, route.target);
  if (!target) {
    found.push(
      diagnostic(
        "unknown-instance",
        "warning",
        `route ${route.path} leads to '${route.target}', which this environment does not run`,
        route.at,
        {
          hint: "place it in the environment, or drop the route",
        },
      ),
    );
    return undefined;
  }
  const port = route.port ?? target.service.ports[0];
  if (!port) {
    found.push(
      diagnostic(
        "route-without-port",
        "warning",
        `route ${route.path} leads to '${target.id}', which has no port`,
        route.at,
        {
          hint: `give service '${target.service.id}' a port`,
        },
      ),
    );
    return undefined;
  }
  return {
    namespace: namespaceOf(environment, target),
    path: {
      ...ingressPath(route.path),
      backend: {
        service: { name: objectName(environment, target), port: { name: portName(target.service, port) } },
      },
    },
  };
}

/** cert-manager makes a certificate for the hosts a TLS entry lists; for an entry without any it makes none. */
function certificateWithoutHost(node: DeploymentNode): Diagnostic {
  return diagnostic(
    "certificate-without-host",
    "warning",
    `the Ingress of '${node.id}' asks cert-manager for a certificate but the model names no host for it, so cert-manager makes none`,
    node.at,
    {
      hint: "give the node a host (properties: { host: app.example.org }), or the environment's infrastructure a DNS entry",
    },
  );
}

/** The TLS Secrets the Ingresses read that no cert-manager annotation has made: someone must create them. */
export function tlsSecretsToCreate(objects: readonly IIngress[]): { namespace?: string; name: string }[] {
  return objects
    .filter((o) => o.metadata?.annotations?.["cert-manager.io/cluster-issuer"] === undefined)
    .flatMap((o) =>
      (o.spec?.tls ?? []).flatMap((entry) =>
        entry.secretName
          ? [
              {
                ...(o.metadata?.namespace ? { namespace: o.metadata.namespace } : {}),
                name: entry.secretName,
              },
            ]
          : [],
      ),
    );
}

export function ingresses(model: Model, environment: Environment): IngressResult {
  const result: IngressResult = { files: [], diagnostics: [] };
  for (const node of environment.allNodes.filter((n) => routingKinds.has(n.kind) && n.routes.length > 0)) {
    const byNamespace = new Map<string | undefined, IHTTPIngressPath[]>();
    for (const route of node.routes) {
      const placed = routePath(environment, route, result.diagnostics);
      if (placed)
        byNamespace.set(placed.namespace, [...(byNamespace.get(placed.namespace) ?? []), placed.path]);
    }
    const tls = statesTls(environment, node);
    const certManager = mentions(environment, node, /cert-manager/i);
    const host = hostName(environment, node);
    if (tls && certManager && !host) result.diagnostics.push(certificateWithoutHost(node));
    const className = ingressClass(node);
    const base = dnsLabel(node.id);
    const objects = [...byNamespace].map(([namespace, paths]): IIngress => {
      const name = byNamespace.size > 1 && namespace ? `${base}-${namespace}`.slice(0, 63) : base;
      const annotations: Record<string, string> = {};
      if (tls && certManager) {
        annotations["cert-manager.io/cluster-issuer"] = mentions(environment, node, /let'?s encrypt/i)
          ? "letsencrypt"
          : "cluster-issuer";
      }
      if (tls && className === "traefik") annotations["traefik.ingress.kubernetes.io/router.tls"] = "true";
      return {
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: {
          name,
          ...(namespace ? { namespace } : {}),
          labels: systemLabels(model),
          ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
        },
        spec: {
          ...(className ? { ingressClassName: className } : {}),
          ...(tls
            ? { tls: [{ ...(host ? { hosts: [host] } : {}), secretName: `${name}-tls`.slice(0, 253) }] }
            : {}),
          rules: [{ ...(host ? { host } : {}), http: { paths } }],
        },
      };
    });
    if (objects.length > 0) result.files.push({ node, objects });
  }
  return result;
}
