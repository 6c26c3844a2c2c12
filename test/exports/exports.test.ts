import { D2 } from "@terrastruct/d2";
import { describe, expect, it } from "vitest";
import { mermaidC4Deployment } from "../../src/emit/diagram/c4/mermaid-c4.js";
import { d2Diagram } from "../../src/emit/diagram/d2/d2.js";
import { likeC4 } from "../../src/emit/diagram/likec4/likec4.js";
import { c4PlantUml } from "../../src/emit/diagram/plantuml/c4-plantuml.js";
import { structurizrDsl } from "../../src/emit/diagram/structurizr/dsl.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import type { Model } from "../../src/model/types.js";
import { runCli } from "../helpers/cli.js";
import { examples } from "../helpers/examples.js";

async function allModels(): Promise<{ name: string; model: Model }[]> {
  return Promise.all(
    examples().map(async (e) => ({ name: e.name, model: (await loadModelFile(e.model)).model! })),
  );
}

const hostile = loadModelText(
  [
    "system: { name: 'Sys \"quoted\" ${X} <b>' }",
    "services:",
    `  web: { kind: web, name: "<img src=x onerror=alert(1)>", technology: "a \\"b\\" \\\\ c", uses: { db: "reads \\"all\\"" } }`,
    `  db: { kind: database, name: "db } { ]", ports: { pg: 5432 } }`,
    "environments:",
    "  dev:",
    "    platform: compose",
    `    nodes: { host: { kind: host, name: "host \\"1\\"\\nsecond line", run: [web, db] } }`,
  ].join("\n"),
  "hostile.yaml",
).model!;

/** Braces outside quoted strings balance, and every quoted string closes on its line. */
function balanced(text: string, quote: '"' | "'" = '"'): boolean {
  let depth = 0;
  for (const line of text.split("\n")) {
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === "\\" && inString) i++;
      else if (c === quote) inString = !inString;
      else if (!inString && c === "{") depth++;
      else if (!inString && c === "}") depth--;
      if (depth < 0) return false;
    }
    if (inString) return false;
  }
  return depth === 0;
}

describe("D2, checked by D2's own compiler (WebAssembly)", () => {
  const d2 = new D2();
  it("every environment of every example compiles, with one shape per instance and node", async () => {
    for (const { name, model } of await allModels()) {
      for (const environment of model.environments) {
        const source = d2Diagram(model, environment.id);
        const result = await d2.compile(source);
        const expected = environment.instances.length + environment.allNodes.length;
        expect(result.diagram.shapes.length, `${name}/${environment.id}`).toBeGreaterThanOrEqual(expected);
      }
    }
  }, 120_000);

  it("hostile names compile and come through as labels", async () => {
    const result = await d2.compile(d2Diagram(hostile, "dev"));
    // Labels live in the compiled shapes; compare through JSON so escapes are D2's, not ours.
    const shapes = JSON.stringify(result.diagram.shapes);
    expect(shapes).toContain("<img src=x onerror=alert(1)>");
    expect(shapes).toContain('host \\"1\\"');
  });
});

describe("text exports (syntax checked here: no checker installs from the registries this project uses)", () => {
  it("Structurizr DSL: environment, nodes, infrastructure nodes, instances, balanced and quoted", async () => {
    const yam = (await allModels()).find((m) => m.name === "yam-agri")!.model;
    const dsl = structurizrDsl(yam, "staging");
    expect(dsl).toMatch(/^workspace "YAM Agri" /);
    expect(dsl).toMatch(/env_staging = deploymentEnvironment "Staging" \{/);
    expect(dsl).toMatch(/n_wireguard = infrastructureNode "WireGuard VPN"/);
    expect(dsl).toMatch(/n_traefik = infrastructureNode "Traefik Ingress"/);
    expect(dsl).toMatch(/ci_frappe_web = containerInstance c_frappe_web/);
    expect(dsl).toMatch(/n_traefik -> ci_frappe_web "routes \/" "route"/);
    expect(dsl).toMatch(/c_frappe_web -> c_mariadb "SQL" ""/);
    expect(dsl).toMatch(/deployment system_system "Staging" "view_staging" \{/);
    // Every identifier used is defined.
    const defined = new Set([...dsl.matchAll(/^\s*([A-Za-z_][\w]*) = /gm)].map((m) => m[1]));
    for (const m of dsl.matchAll(/(?:containerInstance|->) ([A-Za-z_][\w]*)/g))
      expect(defined).toContain(m[1]);
    for (const { model } of await allModels())
      for (const e of model.environments) expect(balanced(structurizrDsl(model, e.id)), e.id).toBe(true);
    expect(balanced(structurizrDsl(hostile, "dev"))).toBe(true);
    expect(structurizrDsl(hostile, "dev")).not.toContain("$" + "{X}");
  });

  it("Structurizr DSL: a second instance of a service, or a replicated one, gets a node of its own", async () => {
    const yam = (await allModels()).find((m) => m.name === "yam-agri")!.model;
    const dsl = structurizrDsl(yam, "production");
    expect(dsl).toMatch(
      /deploymentNode "MariaDB read replica" "" "StatefulSet" \{\n\s+ci_mariadb_replica = containerInstance c_mariadb/,
    );
    // Replicas as an `instances` statement (the argument form would take the count as tags).
    expect(dsl).toMatch(
      /deploymentNode "Frappe workers" "replicated Deployment" "Deployment" \{\n\s+instances 3\n\s+ci_frappe_worker = containerInstance c_frappe_worker/,
    );
    const req1 = structurizrDsl((await allModels()).find((m) => m.name === "req1")!.model, "production-k8s");
    expect(req1).toMatch(/instances "2\.\.10"/);
  });

  it("LikeC4: specification, model, deployment model and view", async () => {
    const yam = (await allModels()).find((m) => m.name === "yam-agri")!.model;
    const source = likeC4(yam, "production");
    expect(source).toMatch(
      /specification \{\n\s+element system\n\s+element service\n\s+deploymentNode environment/,
    );
    expect(source).toMatch(/deploymentNode node_namespace/);
    expect(source).toMatch(/i_mariadb_replica = instanceOf system_system\.s_mariadb \{/);
    expect(source).toMatch(/env_production\.\*\*/);
    expect(source).toMatch(
      /n_cluster\.n_frappe\.i_mariadb_primary -> n_cluster\.n_frappe\.i_mariadb_replica "Read replica for reports"/,
    );
    for (const { model } of await allModels())
      for (const e of model.environments) expect(balanced(likeC4(model, e.id)), e.id).toBe(true);
    expect(balanced(likeC4(hostile, "dev"))).toBe(true);
  });

  it("Mermaid C4Deployment and C4-PlantUML: nested nodes, containers by kind, relations", async () => {
    const fresh = (await allModels()).find((m) => m.name === "freshpoc")!.model;
    const mermaid = mermaidC4Deployment(fresh, "production");
    expect(mermaid.split("\n")[0]).toBe("C4Deployment");
    expect(mermaid).toContain('Container_Ext(n_load_balancer, "Load Balancer", "load-balancer", "")');
    expect(mermaid).toContain('Deployment_Node(n_network, "Docker Network", "network", "") {');
    expect(mermaid).toContain('ContainerDb(i_dgraph, "Dgraph"');
    expect(mermaid).toContain('Container(i_writer, "Writer Service (×3)"');
    expect(mermaid).toContain('Rel(n_load_balancer, i_writer, "/", "route")');
    const puml = c4PlantUml(fresh, "production");
    expect(puml).toMatch(/^@startuml\n!include <C4\/C4_Deployment>\n/);
    expect(puml.trimEnd().endsWith("SHOW_LEGEND()\n@enduml")).toBe(true);
    expect(puml).toContain('ContainerQueue(i_kafka, "Kafka"');
    for (const text of [mermaid, puml, mermaidC4Deployment(hostile, "dev"), c4PlantUml(hostile, "dev")]) {
      expect(balanced(text)).toBe(true);
      // A double quote inside a quoted argument would end it early: every argument list has even quotes.
      for (const line of text.split("\n")) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    }
    expect(mermaidC4Deployment(hostile, "dev")).not.toContain("<img");
  });
});

describe("deployview diagram", () => {
  const model = examples().find((e) => e.name === "freshpoc")!.model;
  it("prints every format to stdout", async () => {
    for (const format of ["svg", "ascii", "mermaid", "c4", "structurizr", "likec4", "d2", "plantuml"]) {
      const result = await runCli(["diagram", model, "--env", "development", "--format", format]);
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
      expect(result.stdout.length, format).toBeGreaterThan(100);
    }
  });

  it("needs --env when there are several environments, and names them", async () => {
    const result = await runCli(["diagram", model]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("development, production");
    expect((await runCli(["diagram", model, "--env", "nowhere"])).code).toBe(2);
    expect((await runCli(["diagram", model, "--env", "development", "--format", "visio"])).code).toBe(2);
  });
});

describe("deployview diagram --out", () => {
  it("writes the file with the generated mark and never over a file it did not write", async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(`${tmpdir()}/deployview-diagram-`);
    const model = examples().find((e) => e.name === "yam-agri")!.model;
    for (const [format, file, mark] of [
      ["svg", "staging.svg", "<!-- Generated by deployview"],
      ["d2", "staging.d2", "# Generated by deployview"],
      ["structurizr", "workspace.dsl", "// Generated by deployview"],
      ["c4", "staging.mmd", "%% Generated by deployview"],
      ["plantuml", "staging.puml", "' Generated by deployview"],
    ] as const) {
      const result = await runCli(
        ["diagram", model, "--env", "staging", "--format", format, "--out", file],
        dir,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(`${dir}/${file}`, "utf8").startsWith(mark), format).toBe(true);
    }
    writeFileSync(`${dir}/mine.svg`, "<svg>hand-drawn</svg>\n");
    const refused = await runCli(["diagram", model, "--env", "staging", "--out", "mine.svg"], dir);
    expect(refused.code).toBe(2);
    expect(readFileSync(`${dir}/mine.svg`, "utf8")).toBe("<svg>hand-drawn</svg>\n");
    expect(
      (await runCli(["diagram", model, "--env", "staging", "--out", "mine.svg", "--force"], dir)).code,
    ).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
