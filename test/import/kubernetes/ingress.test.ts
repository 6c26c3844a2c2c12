import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { importManifests, loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { service, workloadHead } from "../../rules/cases.js";

/** Deployments and Services web and api (port 80 each), and an Ingress 'shop' of these rules (line 35 on). */
function withIngress(...rules: string[]): string {
  const app = (name: string) => [
    ...workloadHead("Deployment", name),
    `    spec: { containers: [{ name: ${name}, image: '${name}:1.0', ports: [{ containerPort: 80 }] }] }`,
    "---",
    ...service(name, `{ selector: { app: ${name} }, ports: [{ port: 80 }] }`),
    "---",
  ];
  return folderWith({
    "app.yaml": [
      ...app("web"),
      ...app("api"),
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: shop }",
      "spec:",
      "  tls: [{ secretName: shop-tls }]",
      "  rules:",
      ...rules.map((rule) => `    - ${rule}`),
      "",
    ].join("\n"),
  });
}

/** A rule of an Ingress: its host (none for "") and its paths, each path → Service. */
const rule = (host: string, paths: Record<string, string>) =>
  `{ ${host ? `host: ${host}, ` : ""}http: { paths: [${Object.entries(paths)
    .map(
      ([path, to]) =>
        `{ path: '${path}', pathType: Prefix, backend: { service: { name: ${to}, port: { number: 80 } } } }`,
    )
    .join(", ")}] } }`;

/** The ingress nodes the manifests make: id → its host and its routes, path → workload. */
async function ingressNodes(folder: string) {
  const { imported } = await importManifests([folder]);
  const nodes = (
    imported!.input.environments as unknown as Record<
      string,
      { nodes: { cluster: { nodes: Record<string, Record<string, unknown>> } } }
    >
  ).kubernetes!.nodes.cluster.nodes;
  return Object.fromEntries(
    Object.entries(nodes)
      .filter(([, node]) => node.kind === "ingress")
      .map(([id, node]) => [
        id,
        {
          host: (node.properties as Record<string, string> | undefined)?.Host,
          routes: Object.fromEntries(
            Object.entries(node.routes as Record<string, { to: string }>).map(([path, r]) => [path, r.to]),
          ),
        },
      ]),
  );
}

describe("an Ingress of several hosts", () => {
  it("is a node of routes for each host, where its routes of one host collided with another's and failed the check", async () => {
    const folder = withIngress(
      rule("shop.example.com", { "/": "web", "/api": "api" }),
      rule("api.example.com", { "/": "api" }),
      rule("", { "/": "web" }),
    );
    expect(await ingressNodes(folder)).toEqual({
      "ingress-shop.example.com": { host: "shop.example.com", routes: { "/": "web", "/api": "api" } },
      "ingress-api.example.com": { host: "api.example.com", routes: { "/": "api" } },
      "ingress-any-host": { host: undefined, routes: { "/": "web" } },
    });
    const { model, diagnostics, sources } = await loadManifestsAsModel([folder]);
    expect(located(diagnostics, sources)).toEqual([]);
    expect(checkModel(model!, { sources }).map((d) => d.code)).not.toContain("schema-invalid-value");
  });

  it("keeps the same path of two hosts, each to its own workload", async () => {
    const folder = withIngress(
      rule("shop.example.com", { "/": "web" }),
      rule("api.example.com", { "/": "api" }),
    );
    expect(await ingressNodes(folder)).toEqual({
      "ingress-shop.example.com": { host: "shop.example.com", routes: { "/": "web" } },
      "ingress-api.example.com": { host: "api.example.com", routes: { "/": "api" } },
    });
  });

  it("stays one node where its rules name one host", async () => {
    const folder = withIngress(
      rule("shop.example.com", { "/": "web" }),
      rule("shop.example.com", { "/api": "api" }),
    );
    expect(await ingressNodes(folder)).toEqual({
      ingress: { host: "shop.example.com", routes: { "/": "web", "/api": "api" } },
    });
  });
});

/** An Ingress 'shop' in front of Service web, with these lines of its rules (line 20 on). */
async function ingressRules(...lines: string[]) {
  const folder = folderWith({
    "app.yaml": [
      ...workloadHead("Deployment", "web"),
      "    spec: { containers: [{ name: web, image: 'web:1.0', ports: [{ containerPort: 80 }] }] }",
      "---",
      ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: shop }",
      "spec:",
      "  rules:",
      ...lines,
      "",
    ].join("\n"),
  });
  return loadManifestsAsModel([folder]);
}

describe("an Ingress path without a backend", () => {
  it("is refused where it is written, or at its backend, as the API server refuses it", async () => {
    const { diagnostics, sources } = await ingressRules(
      "    - http:",
      "        paths:",
      "          - { path: /a, pathType: Prefix }",
      "          - { path: /b, pathType: Prefix, backend: {} }",
      "          - { path: /c, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }",
      "          - { path: /d, pathType: Prefix, backend: { resource: { apiGroup: k8s.example.com, kind: Bucket, name: assets } } }",
    );
    expect(located(diagnostics, sources)).toEqual(["manifest-invalid@22:13", "manifest-invalid@23:52"]);
    expect(diagnostics[0]!.message).toBe(
      "the path '/a' of Ingress 'shop' names no backend, neither a service nor a resource, which the API server refuses",
    );
    expect(diagnostics[0]!.hint).toBe("add backend: { service: { name: …, port: { number: … } } }");
  });

  it("is taken where its backend names a Service", async () => {
    const { diagnostics } = await ingressRules(
      "    - http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] }",
    );
    expect(diagnostics).toEqual([]);
  });
});

describe("an Ingress rule of no paths", () => {
  it("is refused at its paths, or at its http where it lists none, as the API server refuses it", async () => {
    const { diagnostics, sources } = await ingressRules(
      "    - { host: a.example.com, http: { paths: [] } }",
      "    - { host: b.example.com, http: {} }",
      "    - { host: c.example.com }",
      "    - { host: d.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }",
    );
    expect(located(diagnostics, sources)).toEqual(["manifest-invalid@20:45", "manifest-invalid@21:36"]);
    expect(diagnostics[0]!.message).toBe(
      "a rule of Ingress 'shop' for a.example.com lists no paths under http, which the API server refuses",
    );
    expect(diagnostics[0]!.hint).toBe(
      "add a path (path: /, pathType: Prefix, backend: …), or leave http out to send the host to the default backend",
    );
  });
});

describe("an Ingress path named __proto__", () => {
  it("is reported where it is written and left out of the routes, refused for safety, and no object takes its route for its prototype", async () => {
    const folder = withIngress(
      "{ host: __proto__, http: { paths: [{ path: __proto__, pathType: ImplementationSpecific, backend: { service: { name: web, port: { number: 80 } } } }, { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }] } }",
    );
    const { imported } = await importManifests([folder]);
    const routes = (
      imported!.input.environments as unknown as Record<
        string,
        { nodes: { cluster: { nodes: Record<string, { routes: Record<string, unknown> }> } } }
      >
    ).kubernetes!.nodes.cluster.nodes.ingress!.routes;
    expect(Object.getPrototypeOf(routes)).toBe(Object.prototype);
    expect(Object.keys(routes)).toEqual(["/api"]);
    // The host is a value the model keeps, not a key: it stays.
    expect(await ingressNodes(folder)).toEqual({ ingress: { host: "__proto__", routes: { "/api": "api" } } });
    const { diagnostics, sources } = await loadManifestsAsModel([folder]);
    expect(located(diagnostics, sources)).toEqual(["forbidden-key@35:50"]);
    expect(diagnostics[0]!.message).toBe(
      "the path '__proto__' of Ingress 'shop' is left out: the name __proto__ is refused for safety, as it could tamper with the objects that hold routes",
    );
  });
});

describe("an Ingress's backend port that its Service does not have", () => {
  it("is quoted where it is a name, and given as written where it is a number", async () => {
    const folder = withIngress(
      "{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { name: http } } } }, { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 8080 } } } }] } }",
    );
    const { diagnostics } = await loadManifestsAsModel([folder]);
    expect(diagnostics.filter((d) => d.code === "unknown-port").map((d) => d.message)).toEqual([
      "Ingress 'shop' sends traffic to the port named 'http' of Service 'web', which it does not have",
      "Ingress 'shop' sends traffic to port 8080 of Service 'api', which it does not have",
    ]);
  });
});

describe("an Ingress's backend Service that is in another namespace", () => {
  it("is said to be missing from the Ingress's namespace, and where it is", async () => {
    const folder = folderWith({
      "app.yaml": [
        "apiVersion: v1",
        "kind: Service",
        "metadata: { name: api, namespace: backend }",
        "spec: { selector: { app: api }, ports: [{ port: 80 }] }",
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: shop, namespace: frontend }",
        "spec: { defaultBackend: { service: { name: api, port: { number: 80 } } } }",
        "",
      ].join("\n"),
    });
    const { diagnostics } = await loadManifestsAsModel([folder]);
    expect(diagnostics.filter((d) => d.code === "unknown-service").map((d) => [d.message, d.hint])).toEqual([
      [
        "Ingress 'shop' sends traffic to Service 'api', which the manifests here do not define in namespace 'frontend'",
        "an Ingress sends traffic only to Services of its own namespace: 'api' is in namespace 'backend'",
      ],
    ]);
  });
});

describe("an Ingress backend whose Service sends to a port no container names", () => {
  /** Deployment web declaring no port, its Service of this spec (line 13), and an Ingress to its port 80 (line 18). */
  async function findings(spec: string) {
    const folder = folderWith({
      "app.yaml": [
        ...workloadHead("Deployment", "web"),
        "    spec: { containers: [{ name: web, image: 'web:1.0' }] }",
        "---",
        ...service("web", spec),
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: shop }",
        "spec: { tls: [{ secretName: shop-tls }], defaultBackend: { service: { name: web, port: { number: 80 } } } }",
        "",
      ].join("\n"),
    });
    const { model, diagnostics, sources } = await loadManifestsAsModel([folder]);
    const codes = ["service-target-port-unknown", "route-port-undeclared", "unknown-port"];
    return located(
      [...diagnostics, ...checkModel(model!, { sources })].filter((d) => codes.includes(d.code)),
      sources,
    );
  }

  it("is reported once, at the Service's targetPort, where the fault is to be fixed", async () => {
    expect(await findings("{ selector: { app: web }, ports: [{ port: 80, targetPort: http }] }")).toEqual([
      "service-target-port-unknown@13:65",
    ]);
  });

  it("leaves route-port-undeclared to report a backend port the Service itself lacks", async () => {
    expect(await findings("{ clusterIP: None, selector: { app: web } }")).toEqual([
      "unknown-port@18:88",
      "route-port-undeclared@17:13",
    ]);
  });
});
