import { describe, expect, it } from "vitest";
import { mermaidFlowchart } from "../../src/emit/diagram/mermaid/flowchart.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import type { Model } from "../../src/model/types.js";
import { examples } from "../helpers/examples.js";

/** The ids a flowchart declares: its subgraphs and its shapes. */
function declared(flowchart: string): Set<string> {
  const ids = new Set<string>();
  for (const line of flowchart.split("\n")) {
    const match = /^\s*(?:subgraph )?(\w+)[[{(>]/.exec(line);
    if (match) ids.add(match[1]!);
  }
  return ids;
}

/** Each edge as `from`, `label` and `to`. */
function edges(flowchart: string): { from: string; label: string; to: string }[] {
  return flowchart.split("\n").flatMap((line) => {
    const match = /^\s*(\w+) -\.?->(?:\|"(.*)"\|)? (\w+)$/.exec(line);
    return match ? [{ from: match[1]!, label: match[2] ?? "", to: match[3]! }] : [];
  });
}

function model(yaml: string[]): Model {
  return loadModelText(yaml.join("\n"), "deployview.yaml").model!;
}

describe("Mermaid flowchart edges", () => {
  it("start and end at shapes the flowchart declares, in every environment of every example", async () => {
    const undeclared: string[] = [];
    for (const example of examples()) {
      const loaded = (await loadModelFile(example.model)).model!;
      for (const environment of loaded.environments) {
        const flowchart = mermaidFlowchart(loaded, environment.id);
        const ids = declared(flowchart);
        for (const edge of edges(flowchart))
          for (const end of [edge.from, edge.to])
            if (!ids.has(end)) undeclared.push(`${example.name}/${environment.id}: ${end}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it("draw an ingress's routes from the ingress itself", () => {
    const flowchart = mermaidFlowchart(
      model([
        "system: { name: S }",
        "services:",
        "  web: { kind: web, image: web:1, ports: { http: 8080 } }",
        "environments:",
        "  prod:",
        "    platform: kubernetes",
        "    nodes:",
        "      cluster:",
        "        kind: cluster",
        "        nodes:",
        "          edge: { kind: ingress, routes: { /: web:http } }",
        "          apps: { kind: namespace, run: [web] }",
      ]),
      "prod",
    );
    expect(flowchart).toContain('n_edge{{"edge"}}');
    expect(edges(flowchart)).toEqual([{ from: "n_edge", label: "/", to: "i_web" }]);
  });

  it("draw a proxy service's routes, as the other diagrams do", () => {
    const flowchart = mermaidFlowchart(
      model([
        "system: { name: S }",
        "services:",
        "  gateway: { kind: gateway, image: traefik:3, ports: { web: 80 }, routes: { /orders: orders:http } }",
        "  orders: { kind: api, image: orders:1, ports: { http: 8080 } }",
        "environments:",
        "  dev: { platform: compose, nodes: { box: { kind: host, run: [gateway, orders] } } }",
      ]),
      "dev",
    );
    expect(edges(flowchart)).toEqual([{ from: "i_gateway", label: "/orders", to: "i_orders" }]);
  });
});
