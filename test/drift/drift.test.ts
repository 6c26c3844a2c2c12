import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { examples } from "../helpers/examples.js";

function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `deployview-drift-${name}-`));
  cpSync(examples().find((e) => e.name === name)!.dir, dir, { recursive: true });
  return dir;
}

describe("deployview drift", () => {
  it("finds nothing on the committed examples", async () => {
    for (const example of examples()) {
      const result = await runCli(["drift", example.model]);
      expect(result.code, `${example.name}: ${result.stdout}`).toBe(0);
    }
  });

  it("takes a checkout with CRLF line ends for the same files", async () => {
    const dir = copyOf("req1");
    for (const path of ["deploy/production-compose/compose.yaml", "docs/deployment-view.md"]) {
      const file = join(dir, path);
      writeFileSync(file, readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    }
    const result = await runCli(["drift", join(dir, "deployview.yaml")], dir);
    expect(result.code, result.stdout).toBe(0);
  });

  it("reports exactly the edits: configuration that runs something else, a missing file, a stale document", async () => {
    const dir = copyOf("req1");
    const model = join(dir, "deployview.yaml");
    writeFileSync(
      model,
      readFileSync(model, "utf8").replace("image: postgres:16-alpine", "image: postgres:17-alpine"),
    );
    rmSync(join(dir, "deploy/devcontainer/.env.example"));
    writeFileSync(join(dir, "deploy/devcontainer/compose.yaml"), "services: {}\n");
    const result = await runCli(["drift", model, "--format", "json"], dir);
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout).diagnostics.map(
      (d: { code: string; file: string }) => `${d.code} ${d.file}`,
    );
    expect(found).toEqual([
      "missing-generated-file deploy/devcontainer/.env.example",
      // Configuration is compared for what it runs: the emptied file lacks every service, the others the new image.
      "configuration-drift deploy/devcontainer/compose.yaml",
      "configuration-drift deploy/production-compose/compose.yaml",
      "configuration-drift deploy/production-k8s/pg-primary.yaml",
      "configuration-drift deploy/production-k8s/pg-replica.yaml",
      "stale-generated-file docs/deployment-view.md",
    ]);
    // A file that is not there has no line to point at.
    const [missing] = JSON.parse(result.stdout).diagnostics;
    expect(missing).toMatchObject({ code: "missing-generated-file" });
    expect(missing.start).toBeUndefined();
  });
});

describe("deployview drift on committed configuration", () => {
  it("reports exactly what edits to compose files and manifests change, where they are", async () => {
    const dir = copyOf("req1");
    const edit = (path: string, from: string, to: string) => {
      const file = join(dir, path);
      const text = readFileSync(file, "utf8");
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    edit("deploy/production-compose/compose.yaml", "image: redis:7-alpine", "image: redis:7.4-alpine");
    edit(
      "deploy/production-compose/compose.yaml",
      "      - redisdata:/data\n",
      "      - redisdata:/data\n    deploy: { resources: { limits: { memory: 256m } } }\n",
    );
    edit("deploy/production-k8s/app.yaml", "minReplicas: 2", "minReplicas: 3");
    edit(
      "deploy/production-compose/compose.yaml",
      "condition: service_healthy",
      "condition: service_started",
    );
    edit(
      "deploy/production-k8s/redis.yaml",
      "          livenessProbe:",
      '          env:\n            - name: EXTRA_FLAG\n              value: "1"\n          livenessProbe:',
    );
    writeFileSync(
      join(dir, "deploy/production-k8s/extra.yaml"),
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: extra, namespace: req1 }\nspec: { template: { spec: { containers: [{ name: x, image: 'x:1' }] } } }\n",
    );
    const result = await runCli(["drift", join(dir, "deployview.yaml")], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n").filter((l) => /^\S.*: error /.test(l));
    expect(lines).toEqual([
      "deploy/production-compose/compose.yaml:31:9: error 'app' waits for postgres (started) here; the model says each dependency to be healthy where it has a health check [configuration-drift]",
      "deploy/production-compose/compose.yaml:51:12: error 'redis' runs redis:7.4-alpine here; the model says redis:7-alpine [configuration-drift]",
      "deploy/production-compose/compose.yaml:57:46: error 'redis' runs with memory 256Mi, CPU none here; the model says none [configuration-drift]",
      "deploy/production-k8s/app.yaml:137:3: error 'app' runs 3 to 10 replicas at 70% CPU here; the model says 2 to 10 replicas at 70% CPU [configuration-drift]",
      "deploy/production-k8s/extra.yaml:3:13: error 'extra' runs here, but the model does not place it in this environment [configuration-drift]",
      "deploy/production-k8s/redis.yaml:40:22: error 'redis' sets EXTRA_FLAG here, which the model does not [configuration-drift]",
    ]);
  });

  it("finds a manifest added beside the generated ones with its keys quoted, or written as JSON", async () => {
    const dir = copyOf("req1");
    const workload = (name: string) =>
      `{ name: ${name}, namespace: req1 }\nspec: { template: { spec: { containers: [{ name: x, image: 'x:1' }] } } }\n`;
    writeFileSync(
      join(dir, "deploy/production-k8s/quoted.yaml"),
      `"apiVersion": apps/v1\n'kind': Deployment\nmetadata: ${workload("quoted")}`,
    );
    writeFileSync(
      join(dir, "deploy/production-k8s/extra.json"),
      JSON.stringify({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "json", namespace: "req1" },
        spec: { template: { spec: { containers: [{ name: "x", image: "x:1" }] } } },
      }),
    );
    const result = await runCli(["drift", join(dir, "deployview.yaml"), "--format", "json"], dir);
    const found = JSON.parse(result.stdout).diagnostics.map(
      (d: { file: string; message: string }) => `${d.file}: ${d.message}`,
    );
    expect(found).toEqual([
      "deploy/production-k8s/extra.json: 'json' runs here, but the model does not place it in this environment",
      "deploy/production-k8s/quoted.yaml: 'quoted' runs here, but the model does not place it in this environment",
    ]);
  });

  it("compares a hand-written compose file in a generated file's place for what it runs", async () => {
    const dir = copyOf("req1");
    const file = join(dir, "deploy/devcontainer/compose.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text
        .replace(/^# Generated by deployview.*\n/m, "")
        .replace("      - ../..:/workspaces/req1", "      - ../..:/workspaces/req1\n    ports: ['2222:22']"),
    );
    const result = await runCli(["drift", join(dir, "deployview.yaml"), "--format", "json"], dir);
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout).diagnostics.map(
      (d: { code: string; message: string }) => `${d.code}: ${d.message}`,
    );
    expect(found).toEqual(["configuration-drift: 'dev' publishes 2222→22 here; the model says none"]);
  });

  it("masks a password in the frame of a finding on its line, in a compose file the outputs name", async () => {
    const dir = copyOf("req1");
    const file = join(dir, "deploy/devcontainer/compose.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text
        .replace(/^# Generated by deployview.*\n/m, "")
        .replace(
          "      - ../..:/workspaces/req1",
          "      - ../..:/workspaces/req1\n    environment: { DB_PASSWORD: hunter2secret }",
        ),
    );
    const result = await runCli(["drift", join(dir, "deployview.yaml")], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("environment: { DB_PASSWORD: ************* }");
    expect(result.stdout).not.toContain("hunter2secret");
  });

  it("reports each edit once: what runs differently by meaning, the rest by line", async () => {
    const dir = copyOf("freshpoc");
    const path = "deploy/production/compose.yaml";
    const file = join(dir, path);
    const edits: [string, string][] = [
      [
        "  prometheus:\n    image: prom/prometheus:v2.55.1\n    restart: unless-stopped\n    labels:\n      dev.deployview.kind: observability\n    networks:\n      - network\n",
        "",
      ],
      ["      MINIO_ENDPOINT: http://minio:9000\n", ""],
      ["    image: grafana/loki:3.1.1\n", '    image: grafana/loki:3.1.1\n    ports: ["3100:3100"]\n'],
      [
        "http://localhost:8015/health ]\n      interval: 10s",
        "http://localhost:8015/health ]\n      interval: 30s",
      ],
      ["networks:\n  network:", "  extra:\n    image: busybox:1\nnetworks:\n  network:"],
      ["    restart: unless-stopped\n", "    restart: always\n"],
      ["      dev.deployview.kind: storage\n", "      dev.deployview.kind: storage\n      team: search\n"],
    ];
    let text = readFileSync(file, "utf8");
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    writeFileSync(file, text);
    const result = await runCli(["drift", join(dir, "deployview.yaml")], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n").filter((l) => /^\S.*: error /.test(l));
    expect(lines).toEqual([
      `${path}:5:1: error the model runs 'prometheus' in this environment, but the file does not [configuration-drift]`,
      `${path}:9:5: error this differs from what the model generates here: 'restart: unless-stopped' [stale-generated-file]`,
      `${path}:43:7: error the model does not generate this line [stale-generated-file]`,
      `${path}:68:7: error 'ingestion' does not set MINIO_ENDPOINT here, which the model does [configuration-drift]`,
      `${path}:152:7: error 'query-api' checks its health differently here than the model says [configuration-drift]`,
      `${path}:231:12: error 'loki' publishes 3100→3100 here; the model says none [configuration-drift]`,
      `${path}:250:3: error 'extra' runs here, but the model does not place it in this environment [configuration-drift]`,
    ]);
  });

  it("does not repeat what follows from a change: a new image's version label, a ConfigMap's hash", async () => {
    const dir = copyOf("ai-3tier");
    const model = join(dir, "deployview.yaml");
    const text = readFileSync(model, "utf8");
    expect(text).toContain('image: "insight-crm/api:1.0.0"');
    expect(text).toContain("JWT_AUDIENCE: { value: insight-crm-api,");
    writeFileSync(
      model,
      text
        .replace('image: "insight-crm/api:1.0.0"', 'image: "insight-crm/api:1.1.0"')
        .replace("JWT_AUDIENCE: { value: insight-crm-api,", "JWT_AUDIENCE: { value: insight-crm-api-v2,"),
    );
    const manifest = join(dir, "deploy/production/api.yaml");
    const manifestText = readFileSync(manifest, "utf8");
    expect(manifestText).toMatch(/readinessProbe:[\s\S]*?timeoutSeconds: 5/);
    writeFileSync(
      manifest,
      manifestText.replace(/(readinessProbe:[\s\S]*?)timeoutSeconds: 5/, "$1timeoutSeconds: 9"),
    );
    const result = await runCli(["drift", model, "--format", "json"], dir);
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout)
      .diagnostics.filter((d: { file: string }) => d.file.startsWith("deploy/production/"))
      .map((d: { code: string; message: string }) => `${d.code}: ${d.message}`);
    // The health check is the liveness probe; the readiness probe's timeout is found by its line.
    expect(found).toEqual([
      "stale-generated-file: this differs from what the model generates here: 'JWT_AUDIENCE: insight-crm-api-v2'",
      "configuration-drift: 'api' runs insight-crm/api:1.0.0 here; the model says insight-crm/api:1.1.0",
      "stale-generated-file: this differs from what the model generates here: 'timeoutSeconds: 5'",
    ]);
  });
});
