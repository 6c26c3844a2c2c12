import { describe, expect, it } from "vitest";
import { mermaidStartupSequence } from "../../src/emit/diagram/mermaid/sequence.js";
import { startupSection } from "../../src/emit/docs/startup.js";
import { loadModelText } from "../../src/load/index.js";

function environment(platform: string) {
  const model = loadModelText(
    [
      "system: { name: S }",
      "services:",
      "  web: { kind: web, image: web:1, uses: { api: HTTP, cache: { optional: true } } }",
      "  api: { kind: api, image: api:1, uses: { db: SQL } }",
      "  db: { kind: database, image: postgres:16 }",
      "  cache: { kind: cache, image: valkey:7 }",
      "environments:",
      `  here: { platform: ${platform}, nodes: { box: { kind: ${platform === "kubernetes" ? "namespace" : "host"}, run: [web, api, db, cache] } } }`,
    ].join("\n"),
    "deployview.yaml",
  ).model!;
  return model.environments[0]!;
}

describe("the Startup Order section", () => {
  it("on Kubernetes, says the pods start together and what each needs, with no waves", () => {
    const kubernetes = environment("kubernetes");
    const section = startupSection(kubernetes)!;
    expect(section).toContain("Kubernetes starts all pods together");
    expect(section).toContain("| web | api |\n| api | db |");
    expect(section).not.toMatch(/^1\. /m);
    expect(section).not.toContain("sequenceDiagram");
    expect(mermaidStartupSequence(kubernetes)).toBe("");
  });

  it("on Compose, keeps the order its depends_on enforces, wave by wave", () => {
    const section = startupSection(environment("compose"))!;
    expect(section).toContain("1. db, cache\n2. api\n3. web");
    expect(section).toContain("Note over O: wave 3");
    expect(section).toContain("enforced by the generated compose file's depends_on");
  });

  it("on Compose, says a use may wait for what it needs to complete, not only to be up", () => {
    const model = loadModelText(
      [
        "system: { name: S }",
        "services:",
        "  api: { kind: api, image: api:1, uses: { migrate: { wait: completed } } }",
        "  migrate: { kind: job, image: api:1 }",
        "environments:",
        "  here: { platform: compose, nodes: { box: { kind: host, run: [api, migrate] } } }",
      ].join("\n"),
      "deployview.yaml",
    ).model!;
    expect(startupSection(model.environments[0]!)).toMatch(/waits for \(started, healthy or completed\)/);
  });

  it("on a plain host, gives the order the dependencies imply and says nothing enforces it", () => {
    const section = startupSection(environment("host"))!;
    expect(section).toContain("1. db, cache\n2. api\n3. web");
    expect(section).toContain("nothing here enforces it");
    expect(section).not.toContain("enforced by");
  });
});

describe("a process on the host of a Compose environment", () => {
  it("is said to run outside Compose, where depends_on orders the containers alone", () => {
    const model = loadModelText(
      [
        "system: { name: S }",
        "services:",
        "  web: { kind: web, image: web:1, uses: { api: HTTP } }",
        "  api: { kind: api, image: api:1, uses: { db: SQL } }",
        "  db: { kind: database, image: postgres:16 }",
        "environments:",
        "  here: { platform: compose, nodes: { box: { kind: host, run: { web: {}, api: { workload: Process }, db: {} } } } }",
      ].join("\n"),
      "deployview.yaml",
    ).model!;
    const section = startupSection(model.environments[0]!)!;
    expect(section).toContain(
      "api runs outside Compose, as a process on the host: nothing here waits for it",
    );
    expect(startupSection(environment("compose"))).not.toContain("outside Compose");
  });
});
