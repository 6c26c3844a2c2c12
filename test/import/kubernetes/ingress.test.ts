import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { importManifests, loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { service, workloadHead } from "../../rules/cases.js";

/** Deployments and Services web and api (port 80 each), and an Ingress 'shop' of these rules (line 27 on). */
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
