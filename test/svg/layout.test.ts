import { describe, expect, it } from "vitest";
import { generateModelText } from "../../bench/generate-model.js";
import { layoutEnvironment } from "../../src/emit/diagram/layout/index.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import type { Model } from "../../src/model/types.js";
import { examples } from "../helpers/examples.js";
import { layoutProblems } from "./geometry.js";

async function load(path: string): Promise<Model> {
  const { model, diagnostics } = await loadModelFile(path);
  if (!model) throw new Error(JSON.stringify(diagnostics));
  return model;
}

describe("environment layout", () => {
  for (const example of examples()) {
    it(`${example.name}: no sibling boxes overlap and every label stays in its box`, async () => {
      const model = await load(example.model);
      for (const environment of model.environments) {
        const layout = await layoutEnvironment(model, environment.id);
        expect(layoutProblems(layout), environment.id).toEqual([]);
        expect(layout.instances).toHaveLength(environment.instances.length);
        expect(layout.nodes).toHaveLength(environment.allNodes.length);
      }
    });
  }

  it("FreshPoC: every uses relation between placed services is an edge with its label", async () => {
    const model = await load(examples().find((e) => e.name === "freshpoc")!.model);
    const layout = await layoutEnvironment(model, "development");
    const edge = layout.edges.find((e) => e.from === "instance:writer" && e.to === "instance:dgraph");
    expect(edge?.kind).toBe("uses");
    expect(edge?.label?.text).toBe("graph writes");
    expect(edge?.points.length).toBeGreaterThanOrEqual(2);
    const optional = layout.edges.find(
      (e) => e.from === "instance:reporting" && e.to === "instance:weaviate",
    );
    expect(optional?.optional).toBe(true);
    // The production environment routes through a load balancer and runs the writer three times.
    const production = await layoutEnvironment(model, "production");
    expect(production.edges.some((e) => e.kind === "route" && e.from === "node:load-balancer")).toBe(true);
    expect(production.instances.find((i) => i.id === "writer")?.stack).toBe(2);
    expect(production.nodes.find((n) => n.id === "load-balancer")?.infrastructure).toBe(true);
  });

  it("a generated 200-service model lays out without overlaps or escaping labels", async () => {
    const { model, diagnostics } = loadModelText(generateModelText(200), "generated.yaml");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const environment of model!.environments) {
      const layout = await layoutEnvironment(model!, environment.id);
      expect(layout.instances).toHaveLength(200);
      expect(layoutProblems(layout), environment.id).toEqual([]);
    }
  });

  it("long names are shortened to fit and keep their full text", async () => {
    const long = "A service name that goes on and on far beyond what any box could ever hold";
    const { model } = loadModelText(
      [
        "system: { name: S }",
        "services:",
        `  a: { kind: api, name: ${long}, technology: ${"Technology ".repeat(12)}, ports: { http: 80 } }`,
        "environments:",
        "  dev:",
        "    platform: compose",
        `    nodes: { host: { kind: host, name: ${"Host ".repeat(40)}, run: [a] } }`,
      ].join("\n"),
      "long.yaml",
    );
    const layout = await layoutEnvironment(model!, "dev");
    // The name takes two lines, the second shortened, and the whole name is kept for the tooltip.
    const name = layout.instances[0]!.lines.filter((l) => l.role === "name");
    expect(name).toHaveLength(2);
    expect(name[1]!.text.endsWith("…")).toBe(true);
    expect(`${name[0]!.text} ${name[1]!.full}`).toBe(long);
    expect(layoutProblems(layout)).toEqual([]);
  });

  it("rejects an environment the model does not have", async () => {
    const model = await load(examples()[0]!.model);
    await expect(layoutEnvironment(model, "nowhere")).rejects.toThrow(/nowhere/);
  });
});

describe("large environments", () => {
  it("a 320-service model (laid out node by node) keeps boxes apart and labels inside", async () => {
    const { model } = loadModelText(generateModelText(320), "generated.yaml");
    const layout = await layoutEnvironment(model!, "staging");
    expect(layout.instances).toHaveLength(320);
    expect(layoutProblems(layout)).toEqual([]);
    // Edges that cross namespaces are still drawn, from box to box.
    expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true);
  });
});

describe("very large environments", () => {
  it("a 1,000-service model is packed in rows: nothing overlaps, labels stay inside, fast", async () => {
    const { model } = loadModelText(generateModelText(1000), "generated.yaml");
    const started = performance.now();
    for (const environment of model!.environments) {
      const layout = await layoutEnvironment(model!, environment.id);
      expect(layout.instances).toHaveLength(1000);
      expect(layoutProblems(layout), environment.id).toEqual([]);
      expect(layout.edges.every((e) => e.points.length === 2)).toBe(true);
    }
    // Generous for a loaded machine; the benchmark holds the real figure.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
