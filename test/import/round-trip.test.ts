/**
 * compose(import(file)) runs what the file runs: the same services, images, published ports,
 * replicas, mounts, variable names and health checks (what the model represents), compared on both
 * sides through the same importer.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkModel } from "../../src/check/index.js";
import { instanceFacts } from "../../src/drift/facts.js";
import { importText } from "../../src/drift/semantic.js";
import { emitCompose } from "../../src/emit/compose/index.js";
import { loadModelText } from "../../src/load/index.js";
import { resolveModel } from "../../src/model/resolve/index.js";
import { corpusComposeFiles } from "../helpers/corpus.js";
import { arbitraryDeployableModel } from "../k8s/arbitrary-deployable-model.js";

/** Facts of a compose text, without the model paths (which differ by environment name). */
function factsOf(text: string) {
  const imported = importText("compose", [{ path: "compose.yaml", text }]);
  expect(imported).toBeDefined();
  return new Map(
    [...instanceFacts(imported!.input)].map(([id, { instancePath: _i, servicePath: _s, ...facts }]) => [
      id,
      facts,
    ]),
  );
}

/** Imports a compose text into a model and generates compose from it again, or says why not. */
function again(text: string): string | string[] {
  const imported = importText("compose", [{ path: "compose.yaml", text }])!;
  const resolved = resolveModel(imported.input, "compose.yaml", imported.locate);
  if (!resolved.model) return resolved.diagnostics.map((d) => d.code);
  const result = emitCompose(resolved.model, "drift");
  const refusals = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  return refusals.length > 0 ? refusals : result.files.find((f) => f.path === "compose.yaml")!.content;
}

describe("compose(import(file))", () => {
  it("runs what every generated compose file runs", () => {
    fc.assert(
      fc.property(arbitraryDeployableModel, (text) => {
        const loaded = loadModelText(text, "model.yaml");
        const compose = emitCompose(loaded.model!, "dev").files.find(
          (f) => f.path === "compose.yaml",
        )!.content;
        const regenerated = again(compose);
        expect(typeof regenerated, String(regenerated)).toBe("string");
        expect(factsOf(regenerated as string)).toEqual(factsOf(compose));
      }),
      { numRuns: 60 },
    );
  });

  it("passes on a variable written with no value, rather than set it empty", () => {
    const text = [
      "services:",
      "  api:",
      "    image: api:1.0",
      "    environment:",
      "      - LOG_LEVEL",
      "      - MODE=prod",
      "      - EMPTY=",
      "",
    ].join("\n");
    const regenerated = again(text);
    expect(regenerated).toContain("      LOG_LEVEL: null # taken from where Compose runs\n");
    expect(regenerated).toContain('      EMPTY: ""\n');
    const imported = importText("compose", [{ path: "compose.yaml", text: regenerated as string }])!;
    expect(imported.input.services.api?.env).toEqual({ LOG_LEVEL: null, MODE: "prod", EMPTY: "" });
  });

  it("keeps a dependency that is not required one, waited for as the file says", () => {
    const text = [
      "services:",
      "  api: { image: 'api:1.0', depends_on: { mail: { condition: service_started, required: false }, db: { condition: service_healthy } } }",
      "  mail: { image: 'mail:1.0' }",
      "  db: { image: 'db:1.0', healthcheck: { test: [CMD, 'true'] } }",
      "",
    ].join("\n");
    const regenerated = parse(again(text) as string);
    expect(regenerated.services.api.depends_on).toEqual({
      mail: { condition: "service_started", required: false },
      db: { condition: "service_healthy" },
    });
  });

  it("keeps a health check's timings, its start period among them", () => {
    const text =
      'services:\n  api:\n    image: api:1.0\n    healthcheck: { test: ["CMD", "true"], interval: 15s, timeout: 3s, retries: 4, start_period: 30s }\n';
    const regenerated = again(text) as string;
    for (const line of ["interval: 15s", "timeout: 3s", "retries: 4", "start_period: 30s"])
      expect(regenerated).toContain(line);
  });

  it("keeps a health check turned off on purpose, the image's own with it, and asks for none", () => {
    const text = [
      "services:",
      "  api:",
      "    image: api:1.0",
      "    healthcheck: { disable: true }",
      "  worker:",
      "    image: worker:1.0",
      "    restart: always",
      '    healthcheck: { test: ["NONE"] }',
      "",
    ].join("\n");
    const imported = importText("compose", [{ path: "compose.yaml", text }])!;
    expect(imported.input.services.api?.health).toBe(false);
    expect(imported.input.services.worker?.health).toBe(false);
    const regenerated = again(text) as string;
    expect(regenerated.match(/ {4}healthcheck:\n {6}disable: true\n/g)).toHaveLength(2);
    const model = resolveModel(imported.input, "compose.yaml", imported.locate).model!;
    expect(checkModel(model).filter((d) => d.code === "missing-health-check")).toEqual([]);
  });

  it("keeps a pool of host ports, of which each replica takes one", () => {
    const text =
      'services:\n  api:\n    image: api:1.0\n    ports: ["8090-8093:80", "127.0.0.1:9000-9001:81"]\n    deploy: { replicas: 2 }\n';
    const regenerated = again(text);
    expect(regenerated).toContain("      - 8090-8093:80\n");
    expect(regenerated).toContain("      - 127.0.0.1:9000-9001:81\n");
    expect(factsOf(regenerated as string).get("api")?.publish).toEqual([
      "127.0.0.1:9000-9001→81",
      "8090-8093→80",
    ]);
  });

  it("keeps the transport of a port on udp or sctp", () => {
    const text =
      'services:\n  sip:\n    image: sip:1.0\n    ports: ["5060:5060/udp", "5061:5061/sctp", "5062:5062"]\n';
    const regenerated = again(text);
    expect(regenerated).toContain("      - 5060:5060/udp\n");
    expect(regenerated).toContain("      - 5061:5061/sctp\n");
    expect(regenerated).toContain("      - 5062:5062\n");
  });

  const files = corpusComposeFiles();

  it.skipIf(files.length === 0)("runs what each real compose file of the corpus runs", () => {
    let compared = 0;
    const reasons = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const regenerated = again(text);
      if (typeof regenerated !== "string") {
        // Override fragments name no image; some stacks keep a broker's state nowhere, or pass a
        // password on a command line, which would be written into the file: compose refuses them.
        for (const code of regenerated) reasons.add(code);
        continue;
      }
      expect(factsOf(regenerated), file).toEqual(factsOf(text));
      compared++;
    }
    expect([...reasons].sort()).toEqual(["no-image", "secret-in-command", "stateful-without-volume"]);
    expect(compared).toBeGreaterThanOrEqual(15);
  });
});
