import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { detectDrift } from "../../src/drift/index.js";
import { findComposeSets } from "../../src/import/repository/find-compose.js";
import { initFromRepository } from "../../src/import/repository/index.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";
import { workloadHead } from "../rules/cases.js";

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), "deployview-init-"));
  writeFileSync(
    join(root, "compose.yaml"),
    "services:\n  web: { image: 'nginx:1.27', ports: ['8080:80'], depends_on: [api] }\n  api: { build: ./api, ports: ['3000'] }\n  db: { image: 'postgres:16', volumes: ['pg:/var/lib/postgresql/data'] }\nvolumes: { pg: {} }\n",
  );
  writeFileSync(join(root, "docker-compose.prod.yml"), "services:\n  web: { ports: ['443:443'] }\n");
  mkdirSync(join(root, "node_modules", "some-package"), { recursive: true });
  writeFileSync(
    join(root, "node_modules", "some-package", "compose.yaml"),
    "services:\n  ignored: { image: 'x:1' }\n",
  );
  // What .gitignore ignores is no part of the repository.
  writeFileSync(join(root, ".gitignore"), "scratch/\n");
  mkdirSync(join(root, "scratch"));
  writeFileSync(join(root, "scratch", "compose.yaml"), "services:\n  scratched: { image: 'z:1' }\n");
  const outside = mkdtempSync(join(tmpdir(), "deployview-outside-"));
  writeFileSync(join(outside, "compose.yaml"), "services:\n  outside: { image: 'y:1' }\n");
  symlinkSync(outside, join(root, "linked"));
  return root;
}

describe("deployview init", () => {
  it("writes a model from the compose file sets that loads, marks its guesses and prints what it found", async () => {
    const root = repository();
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    const text = readFileSync(join(root, "deployview.yaml"), "utf8");
    expect(text).toContain("kind: database # TODO: guessed from the name and image; confirm");
    const { model, diagnostics } = await loadModelFile(join(root, "deployview.yaml"));
    expect(diagnostics).toEqual([]);
    expect(model!.services.map((s) => s.id)).toEqual(["web", "api", "db"]);
    expect(model!.environments.map((e) => e.id)).toEqual(["local", "prod"]);
    const prod = model!.environments.find((e) => e.id === "prod")!;
    expect(prod.instances.find((i) => i.id === "web")!.publish.map((p) => p.host)).toEqual([8080, 443]);
    expect(result.stdout).toContain("  web: proxy; nginx:1.27; ports 80, 443; uses api (in local, prod)");
    expect(text).not.toContain("ignored");
    expect(text).not.toContain("outside");
    expect(text).not.toContain("scratched");
  });

  it("never replaces an existing model without --force", async () => {
    const root = repository();
    writeFileSync(join(root, "deployview.yaml"), "# mine\n");
    const refused = await runCli(["init", root]);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(root, "deployview.yaml"), "utf8")).toBe("# mine\n");
    expect((await runCli(["init", root, "--force"])).code).toBe(0);
  });

  it("says so when the folder named is not there, or is a file", async () => {
    const root = repository();
    for (const path of [join(root, "nope"), join(root, "compose.yaml")]) {
      const result = await runCli(["init", path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`deployview init: ${path} is not a folder; name the repository's folder\n`);
    }
  });

  it("says so when there is nothing to start from", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-empty-"));
    const result = await runCli(["init", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("found no compose file, Kubernetes manifest or Dockerfile");
    expect(existsSync(join(root, "deployview.yaml"))).toBe(false);
  });
});

describe("deployview init with secrets written in plain text", () => {
  it("takes them from variables in the model, marks each, and writes no value", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-init-secrets-"));
    writeFileSync(
      join(root, "compose.yaml"),
      [
        "services:",
        "  api:",
        "    build: { context: ./api, args: { NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789, NODE_ENV: production } }",
        "    environment:",
        "      DB_PASSWORD: hunter2hunter2",
        "      DATABASE_URL: postgres://app:s3cr3t-pw@db:5432/app",
        "      SESSION_SECRET: ${SESSION_SECRET}",
        "      LOG_LEVEL: info",
        "  db:",
        "    image: postgres:16",
        "    environment: { POSTGRES_PASSWORD: hunter2hunter2, DB_PASSWORD: hunter2hunter2 }",
        "    volumes: ['pg:/var/lib/postgresql/data']",
        "  worker:",
        "    image: shop/worker:1.0",
        "    environment: [DB_PASSWORD=another-value-42]",
        "volumes: { pg: {} }",
        "",
      ].join("\n"),
    );
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    const text = readFileSync(join(root, "deployview.yaml"), "utf8");
    for (const value of ["npm_abcdefghij", "hunter2hunter2", "s3cr3t-pw", "another-value-42"])
      expect(text).not.toContain(value);
    expect(text).toContain(
      "# TODO: written in plain text in the files; now from the variable DB_PASSWORD where the system runs. Change the old value\n      DB_PASSWORD:",
    );
    const { model, diagnostics } = await loadModelFile(join(root, "deployview.yaml"));
    expect(diagnostics).toEqual([]);
    const env = (id: string) =>
      Object.fromEntries(
        model!.services
          .find((s) => s.id === id)!
          .env.map((v) => [v.name, v.value.kind === "secret" ? `secret ${v.value.secret}` : v.value]),
      );
    // One variable, one value: db shares the api's password; the worker's other one is a secret of its own.
    expect(env("api")).toMatchObject({
      DB_PASSWORD: "secret db-password",
      DATABASE_URL: "secret database-url",
      SESSION_SECRET: "secret session-secret",
    });
    expect(env("worker")).toEqual({ DB_PASSWORD: "secret worker-db-password" });
    expect(model!.secrets.map((s) => [s.id, s.env])).toEqual(
      expect.arrayContaining([
        ["db-password", "DB_PASSWORD"],
        ["database-url", "DATABASE_URL"],
        ["postgres-password", "POSTGRES_PASSWORD"],
        ["worker-db-password", "WORKER_DB_PASSWORD"],
      ]),
    );
    const api = model!.services.find((s) => s.id === "api")!;
    expect(api.build!.args.map((a) => [a.name, a.value])).toEqual([
      ["NPM_TOKEN", "${NPM_TOKEN}"],
      ["NODE_ENV", "production"],
    ]);
    expect(checkModel(model!).filter((d) => d.code === "plaintext-secret")).toEqual([]);
    expect(result.stdout).toContain("  DB_PASSWORD: api, db\n");
    expect(result.stdout).toContain("  POSTGRES_PASSWORD: db\n");
    expect(result.stdout).toContain("  WORKER_DB_PASSWORD: worker\n");
    expect(result.stdout).toContain("  NPM_TOKEN: api\n");
  });
});

describe("deployview init with values the compose file takes from .env", () => {
  it("takes a variable that reads itself from where it runs, and marks a value the model can only hold", async () => {
    const root = folderWith({
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: 'api:1.0'",
        "    environment:",
        "      REGION: ${REGION}",
        '      LOG_LEVEL: "${LOG_LEVEL:-info}"',
        "      ZONE: ${REGION}",
        "      DB_PASSWORD: ${DB_PASSWORD}",
        "      PLAIN: hello",
        "  worker: { image: 'worker:1.0', environment: ['REGION=${REGION:?set it}', 'FLAG=${REGION:+on}'] }",
        "",
      ].join("\n"),
      ".env": "REGION=eu-west-1\nLOG_LEVEL=debug\nDB_PASSWORD=k7Qz9wLm2pXv4RtB\n",
    });
    const { text } = await initFromRepository(root);
    const { model, diagnostics } = loadModelText(text!, join(root, "deployview.yaml"));
    expect(diagnostics).toEqual([]);
    const env = (id: string) =>
      Object.fromEntries(
        model!.services
          .find((s) => s.id === id)!
          .env.map((v) => [v.name, v.value.kind === "plain" ? v.value.value : v.value.kind]),
      );
    expect(env("api")).toEqual({
      REGION: "host",
      LOG_LEVEL: "host",
      ZONE: "eu-west-1",
      DB_PASSWORD: "secret",
      PLAIN: "hello",
    });
    expect(env("worker")).toEqual({ REGION: "host", FLAG: "on" });
    expect(text).not.toContain("debug");
    expect(text).not.toContain("k7Qz9wLm2pXv4RtB");
    expect(text).toContain(
      "# TODO: the compose file writes ${LOG_LEVEL:-info}; the model takes LOG_LEVEL from .env or where it runs, without the default\n      LOG_LEVEL: null",
    );
    expect(text).toContain(
      "# TODO: the compose file writes ${REGION}, filled in here from .env or its default; the model holds the value\n      ZONE: eu-west-1",
    );
  });

  it("copies no secret the compose file writes beside or as the default of a reference into a note", async () => {
    const root = folderWith({
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: 'api:1.0'",
        "    environment:",
        "      DATABASE_URL: postgres://app:Qm7vX2pL9kTz@${DB_HOST}/app",
        "      SIGNING: ${SIGNING:-ghp_abcdefghijklmnopqrstuvwxyz0123456789}",
        "",
      ].join("\n"),
      ".env": "DB_HOST=db\n",
    });
    const { text } = await initFromRepository(root);
    expect(loadModelText(text!, join(root, "deployview.yaml")).diagnostics).toEqual([]);
    expect(text).not.toContain("Qm7vX2pL9kTz");
    expect(text).not.toContain("ghp_");
    // The note on the secret moved out says so, and no other note claims the model holds its value.
    expect(text).toContain("# TODO: written in plain text in the files; now from the variable DATABASE_URL");
    expect(text).toContain("SIGNING from .env or where it runs, without the default\n      SIGNING: null");
  });
});

describe("deployview init with secrets passed on command lines", () => {
  it("passes each in a variable Compose fills in, marks the line, and writes no value", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-init-commands-"));
    writeFileSync(
      join(root, "compose.yaml"),
      [
        "services:",
        "  redis:",
        "    image: redis:7.2",
        "    command: [redis-server, --requirepass, s3cretRedisPass, --masterauth, s3cretRedisPass]",
        "    healthcheck: { test: [CMD, redis-cli, -a, s3cretRedisPass, ping] }",
        "  api:",
        "    image: api:1.0",
        '    command: sh -c "api --db-password=Sup3rSecret! --token \\"${API_TOKEN}\\" --port 80"',
        "",
      ].join("\n"),
    );
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    const text = readFileSync(join(root, "deployview.yaml"), "utf8");
    for (const value of ["s3cretRedisPass", "Sup3rSecret"]) expect(text).not.toContain(value);
    expect(text).toContain(
      "# TODO: passed a secret in plain text on the command line; now from ${REDIS_REQUIREPASS}, which Compose fills in where the system runs. Change the old value\n    command:",
    );
    const { model, diagnostics } = await loadModelFile(join(root, "deployview.yaml"));
    expect(diagnostics).toEqual([]);
    const service = (id: string) => model!.services.find((s) => s.id === id)!;
    // One value, one variable: --masterauth takes the value --requirepass took, and so does the health check.
    expect(service("redis").command).toEqual([
      "redis-server",
      "--requirepass",
      "${REDIS_REQUIREPASS}",
      "--masterauth",
      "${REDIS_REQUIREPASS}",
    ]);
    expect(service("redis").health!.command).toEqual(["redis-cli", "-a", "${REDIS_REQUIREPASS}", "ping"]);
    // Only the value goes: the quote around the line stays, and what was a variable already is kept.
    expect(service("api").command).toBe(
      'sh -c "api --db-password=${API_DB_PASSWORD} --token \\"${API_TOKEN}\\" --port 80"',
    );
    expect(checkModel(model!).filter((d) => d.code === "secret-in-command")).toEqual([]);
    expect(model!.secrets).toEqual([]);
    expect(result.stdout).toContain("  REDIS_REQUIREPASS: redis\n");
    expect(result.stdout).toContain("  API_DB_PASSWORD: api\n");
  });
});

describe("deployview init with Kubernetes manifests", () => {
  it("makes each kustomize overlay and manifest folder an environment beside the compose sets", async () => {
    const root = repository();
    cpSync(`${repoRoot}test/fixtures/kubernetes/kustomize`, join(root, "deploy"), { recursive: true });
    rmSync(join(root, "deploy", "overlays", "loop"), { recursive: true });
    rmSync(join(root, "deploy", "overlays", "loop-back"), { recursive: true });
    cpSync(`${repoRoot}test/fixtures/kubernetes/shop`, join(root, "k8s"), { recursive: true });
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  deploy-overlays-prod: deploy/overlays/prod\n");
    expect(result.stdout).toContain("  k8s: k8s/app.yaml + k8s/data.yaml + k8s/edge.yaml\n");
    const { model, diagnostics } = await loadModelFile(join(root, "deployview.yaml"));
    expect(diagnostics).toEqual([]);
    expect(model!.environments.map((e) => [e.id, e.platform])).toEqual([
      ["local", "compose"],
      ["prod", "compose"],
      ["deploy-overlays-prod", "kubernetes"],
      ["k8s", "kubernetes"],
    ]);
    expect(model!.environments[0]!.purpose).toBe("Local development");
    // The base the overlay builds on is no environment of its own; the worker its component deletes is gone.
    expect(model!.services.map((s) => s.id)).toContain("backup");
    expect(model!.services.map((s) => s.id)).not.toContain("worker");
    expect(model!.secrets.map((s) => s.id)).toEqual(["api-secrets"]);
    const check = await runCli(["check", join(root, "deployview.yaml")]);
    expect(check.stdout).not.toMatch(/ error /);
  });

  it("makes each variant file of a folder an environment, with the folder's other manifests", async () => {
    const deployment = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { template: { spec: { containers: [{ name: web, image: '${image}' }] } } }\n`;
    const root = folderWith({
      "k8s/app.yaml": deployment("web:1"),
      "k8s/app-hardened.yaml": deployment("web:1-hardened"),
      "k8s/ingress.yaml":
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }\n",
    });
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  k8s-app: k8s/app.yaml + k8s/ingress.yaml\n");
    expect(result.stdout).toContain("  k8s-app-hardened: k8s/app-hardened.yaml + k8s/ingress.yaml\n");
  });

  it("finds the workloads of a List as those of a file of documents", async () => {
    const list = (image: string) =>
      `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: web }\n    spec: { template: { spec: { containers: [{ name: web, image: '${image}' }] } } }\n`;
    const root = folderWith({
      "k8s/app.yaml": list("web:1"),
      "k8s/app-hardened.yaml": list("web:1-hardened"),
    });
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  k8s-app: k8s/app.yaml\n");
    expect(result.stdout).toContain("  k8s-app-hardened: k8s/app-hardened.yaml\n");
  });

  it("takes a compose file with no base file as a set of its own", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-init-"));
    writeFileSync(join(root, "docker-compose.builder.yml"), "services:\n  builder: { image: 'b:1' }\n");
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  builder: docker-compose.builder.yml\n");
  });

  it("knows compose files by other names from what they hold, and no other YAML file for one", async () => {
    const root = folderWith({
      // cookiecutter-django's way: a compose file for each environment, named after it.
      "local.yml":
        "services:\n  django: { build: ., image: app_local }\n  postgres: { image: 'postgres:16' }\n",
      "production.yml":
        "volumes: { pg: {} }\nservices:\n  django: { build: ., image: 'app:1.0' }\n  postgres: { image: 'postgres:16', volumes: ['pg:/var/lib/postgresql/data'] }\n",
      Dockerfile: "FROM python:3.12\n",
      // Services, but a CI configuration's, a chart's, a workflow's, or a fragment that runs nothing.
      "ci.yml": "image: node:20\nservices:\n  - postgres:16\ntest: { script: [npm test] }\n",
      "settings.yml": "services:\n  api: { image: 'x:1' }\nreplicaCount: 1\n",
      "chart/values.yaml": "services:\n  api: { image: 'x:1' }\n",
      ".github/workflows/test.yml": "jobs:\n  t:\n    services:\n      pg: { image: postgres }\n",
      "partial.yml": "services:\n  django: { ports: ['80:80'] }\n",
    });
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Environments:\n  local: local.yml\n  production: production.yml\n\n");
    // check finds them the same way in a repository without a model.
    rmSync(join(root, "deployview.yaml"));
    const check = await runCli(["check", root, "--format", "json"]);
    const files = new Set(
      (JSON.parse(check.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file),
    );
    expect([...files].map((file) => basename(file)).sort()).toEqual(["local.yml", "production.yml"]);
  });

  it("puts an override fragment in a folder of its own over the base file above it", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-init-"));
    writeFileSync(join(root, "compose.yaml"), "services:\n  web: { image: 'nginx:1.27' }\n");
    mkdirSync(join(root, "overrides"));
    writeFileSync(
      join(root, "overrides", "compose.https.yaml"),
      "services:\n  web: { ports: ['443:443'] }\n  proxy: { image: 'traefik:v3.1' }\n",
    );
    writeFileSync(
      join(root, "overrides", "compose.tools.yaml"),
      "services:\n  mail: { image: 'mailhog/mailhog:v1.0.1' }\n",
    );
    // One fragment adds to another: it goes over the base and the one it adds to, not its alternative.
    writeFileSync(
      join(root, "overrides", "compose.mariadb.yaml"),
      "services:\n  db: { image: 'mariadb:11.8' }\n",
    );
    writeFileSync(
      join(root, "overrides", "compose.postgres.yaml"),
      "services:\n  db: { image: 'postgres:16' }\n",
    );
    writeFileSync(
      join(root, "overrides", "compose.mariadb-secrets.yaml"),
      "services:\n  db: { environment: { MARIADB_ROOT_PASSWORD_FILE: /run/secrets/db } }\n",
    );
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  overrides-https: compose.yaml + overrides/compose.https.yaml\n");
    expect(result.stdout).toContain("  overrides-tools: overrides/compose.tools.yaml\n");
    expect(result.stdout).toContain(
      "  overrides-mariadb-secrets: compose.yaml + overrides/compose.mariadb.yaml + overrides/compose.mariadb-secrets.yaml\n",
    );
  });

  it("reads a base whose services take their image through merge keys as defining them, and puts a fragment that depends on its services over it", async () => {
    const root = folderWith({
      "compose.yaml": [
        "x-image: &image",
        "  image: frappe/erpnext:v15.1.0",
        "x-backend: &backend",
        "  <<: *image",
        "  volumes: [sites:/sites]",
        "services:",
        "  configurator: { <<: *backend, command: configure }",
        "  backend: *backend",
        "volumes: { sites: {} }",
        "",
      ].join("\n"),
      "overrides/compose.https.yaml": "services:\n  backend: { ports: ['443:443'] }\n",
      "overrides/compose.migrator.yaml": [
        "services:",
        "  migrator:",
        "    image: frappe/erpnext:v15.1.0",
        "    depends_on: { configurator: { condition: service_completed_successfully } }",
        "",
      ].join("\n"),
      "overrides/compose.tools.yaml": "services:\n  mail: { image: 'mailhog/mailhog:v1.0.1' }\n",
      "overrides/compose.backup.yaml":
        "services:\n  backup: { image: 'restic/restic:0.17.3', volumes_from: [backend] }\n",
    });
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  local: compose.yaml\n");
    expect(result.stdout).toContain("  overrides-https: compose.yaml + overrides/compose.https.yaml\n");
    expect(result.stdout).toContain("  overrides-migrator: compose.yaml + overrides/compose.migrator.yaml\n");
    expect(result.stdout).toContain("  overrides-backup: compose.yaml + overrides/compose.backup.yaml\n");
    expect(result.stdout).toContain("  overrides-tools: overrides/compose.tools.yaml\n");
  });
});

describe("deployview init with the compose file in a folder below the model's", () => {
  it("rewrites the file's relative paths for the model's folder, so they name the same places", async () => {
    const root = folderWith({
      "deploy/compose.yaml": [
        "services:",
        "  api:",
        "    build: ./app",
        "    volumes: ['./data:/data', '../shared:/shared', 'cache:/cache', '/srv/logs:/logs']",
        "    secrets: [token]",
        "  worker: { build: { context: app, dockerfile: Dockerfile.worker } }",
        "volumes: { cache: {} }",
        "secrets: { token: { file: ./token.txt } }",
        "",
      ].join("\n"),
      "deploy/app/Dockerfile": "FROM alpine:3.20\n",
      "deploy/app/Dockerfile.worker": "FROM alpine:3.20\n",
      "deploy/token.txt": "not a real one\n",
    });
    const { text } = await initFromRepository(root);
    const { model, diagnostics } = loadModelText(text!, join(root, "deployview.yaml"));
    expect(diagnostics).toEqual([]);
    const [api, worker] = model!.services;
    expect(api!.build?.context).toBe("./deploy/app");
    expect(api!.volumes.map((v) => v.source)).toEqual(["./deploy/data", "./shared", "cache", "/srv/logs"]);
    // The Dockerfile is the context's, and stays as written.
    expect([worker!.build?.context, worker!.build?.dockerfile]).toEqual([
      "./deploy/app",
      "Dockerfile.worker",
    ]);
    expect(text).toContain("file: ./deploy/token.txt");
    // The code is still found where the build reads it.
    expect(api!.source?.path).toBe("deploy/app/");
  });
});

describe("compose files in folders of their own that only adjust the project's", () => {
  const root = () =>
    folderWith({
      "compose.yaml":
        "services:\n  web: { image: 'nginx:1.27' }\n  db: { image: 'postgres:16', volumes: ['pg:/var/lib/postgresql/data'] }\nvolumes: { pg: {} }\n",
      "ci/basic/compose.yaml": "services:\n  web: {}\n",
      "ci/net/compose.yaml":
        "services:\n  web: { networks: [back] }\n  db: { networks: [back] }\nnetworks: { back: {} }\n",
      "ci/acme/compose.yaml":
        "services:\n  web: { environment: { CERTIFICATES: acme } }\n  acme: { image: 'ghcr.io/letsencrypt/pebble:2.6.0' }\n",
      "ci/acme/compose.prod.yaml": "services:\n  web: { environment: { MODE: prod } }\n",
      // Adds to a service nothing above defines: no project, left out.
      "tools/compose.yaml": "services:\n  mailer: { environment: { FROM: a@example.com } }\n",
      // Defines one service whole and adds to one nothing above defines: a project of its own.
      "demo/compose.yaml": "services:\n  app: { image: 'demo:1.0' }\n  queue: { environment: { A: '1' } }\n",
    });

  it("go over the base above that defines what they add to, or are left out where none does", async () => {
    const dir = root();
    const sets = findComposeSets(dir).map((set) => [
      set.environment,
      set.files.map((file) => relative(dir, file)).join(" + "),
    ]);
    expect(sets).toEqual([
      ["ci-acme", "compose.yaml + ci/acme/compose.yaml"],
      ["ci-acme-prod", "compose.yaml + ci/acme/compose.yaml + ci/acme/compose.prod.yaml"],
      ["ci-basic", "compose.yaml + ci/basic/compose.yaml"],
      ["ci-net", "compose.yaml + ci/net/compose.yaml"],
      ["demo", "demo/compose.yaml"],
      ["local", "compose.yaml"],
    ]);
  });

  it("are checked merged over it, with none of the errors of a project without images", async () => {
    const check = await runCli(["check", root(), "--format", "json"]);
    const found = (JSON.parse(check.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics
      .filter((d) => d.code === "no-image")
      .map((d) => basename(dirname(d.file)));
    expect(found).toEqual(["demo"]);
  });
});

describe("deployview init where the files disagree or keep nothing", () => {
  it("runs docker-compose-<name>.yml by itself, and marks what the model cannot keep per environment", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-init-"));
    writeFileSync(
      join(root, "docker-compose.yml"),
      "services:\n  queue: { image: 'rabbitmq:3', environment: { RABBITMQ_DEFAULT_USER: app } }\n  api: { image: 'api:1', depends_on: [queue] }\n",
    );
    writeFileSync(
      join(root, "docker-compose-quickstart.yml"),
      "services:\n  queue: { image: 'rabbitmq:3' }\n",
    );
    const result = await initFromRepository(root);
    expect(result.environments).toEqual([
      { id: "local", files: [join(root, "docker-compose.yml")] },
      { id: "quickstart", files: [join(root, "docker-compose-quickstart.yml")] },
    ]);
    const text = result.text!;
    expect(text).toContain("  # TODO: defined differently in quickstart (variables);");
    expect(text).toMatch(
      /\n {2}queue:\n(?: {4}.*\n)*? {4}stateful: false # TODO: the files keep no volume for it/,
    );
    const path = join(root, "deployview.yaml");
    writeFileSync(path, text);
    const loaded = loadModelText(text, path);
    const drifted = (await detectDrift(loaded.model!, path)).diagnostics.filter(
      (d) => d.code === "configuration-drift",
    );
    expect(drifted.map((d) => d.message)).toEqual([
      "in quickstart: 'queue' does not set RABBITMQ_DEFAULT_USER here, which the model does",
    ]);
  });
});

/** A Deployment 'api' whose container's memory limit is written `memory`. */
const apiWithMemoryLimit = (memory: string) =>
  [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata: { name: api }",
    "spec:",
    "  selector: { matchLabels: { app: api } }",
    "  template:",
    "    metadata: { labels: { app: api } }",
    "    spec:",
    `      containers: [{ name: api, image: 'api:1', resources: { limits: { memory: ${memory} } } }]`,
    "",
  ].join("\n");

describe("deployview init where the files give a value the model refuses", () => {
  it.each([
    [
      "compose.yaml",
      "services:\n  api: { image: 'api:1', mem_limit: 1k, mem_reservation: 1g }\n",
      "memory left out: the memory request 1Gi of 'api' is above its limit 1Ki",
    ],
    [
      "deploy/api.yaml",
      apiWithMemoryLimit("-1Gi"),
      "memory left out: cannot read the memory quantity '-1Gi' of 'api'",
    ],
  ])("writes a model that loads from %s, the value left out and marked", async (name, text, note) => {
    const root = folderWith({ [name]: text });
    const result = await runCli(["init", root]);
    expect(result.stderr).not.toContain("does not load");
    expect(result.code).toBe(0);
    const written = readFileSync(join(root, "deployview.yaml"), "utf8");
    expect(written).toContain(`  # TODO: ${note}, which the model refuses; set it\n  api:\n`);
    expect(loadModelText(written, join(root, "deployview.yaml")).model).toBeDefined();
  });
});

describe("deployview init where one environment's manifests give a value the model refuses", () => {
  it("writes a model that loads, the value left out of that environment and marked on the service", async () => {
    const root = folderWith({
      "dev/app.yaml": apiWithMemoryLimit("1Gi"),
      "prod/app.yaml": apiWithMemoryLimit("-1Gi"),
    });
    const result = await initFromRepository(root);
    expect(result.text).toContain(
      "  # TODO: memory left out in prod: cannot read the memory quantity '-1Gi', which the model refuses; set it\n  api:\n",
    );
    const loaded = loadModelText(result.text!, join(root, "deployview.yaml"));
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("finds the service by its place in the environment when it is named run", async () => {
    const run = (memory: string) => apiWithMemoryLimit(memory).replaceAll(/\bapi\b/g, "run");
    const root = folderWith({ "dev/app.yaml": run("1Gi"), "prod/app.yaml": run("-1Gi") });
    const result = await initFromRepository(root);
    expect(result.loads).toBe(true);
    expect(result.text).toContain(
      "  # TODO: memory left out in prod: cannot read the memory quantity '-1Gi', which the model refuses; set it\n  run:\n",
    );
  });
});

/** That init's draft of `root` loads, with its health check and without the interval it could not hold. */
async function expectDraftWithoutInterval(root: string): Promise<void> {
  const result = await initFromRepository(root);
  const loaded = loadModelText(result.text!, join(root, "deployview.yaml"));
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(loaded.model!.services[0]!.health).toMatchObject({ timeout: "5s" });
  expect(loaded.model!.services[0]!.health).not.toHaveProperty("interval");
}

describe("deployview init where a health check's timing is no duration", () => {
  it.each(["'::1:80:80'", "[1, 2]", "'-1s'", "'1us'"])(
    "writes a model that loads, leaving out the timing %s, which the model cannot hold",
    async (interval) => {
      await expectDraftWithoutInterval(
        folderWith({
          "compose.yaml": `services:\n  api:\n    image: 'api:1'\n    healthcheck: { test: [CMD, 'true'], interval: ${interval}, timeout: 5s }\n`,
        }),
      );
    },
  );

  it("writes a model that loads from a Dockerfile's check, without the timing it cannot hold", async () => {
    await expectDraftWithoutInterval(
      folderWith({
        "compose.yaml": "services:\n  api: { build: ./api }\n",
        "api/Dockerfile": "FROM alpine:3\nHEALTHCHECK --interval=1e400s --timeout=5s CMD true\n",
      }),
    );
  });
});

describe("deployview init with compose files and manifests for the same services", () => {
  it("takes a folder's Services with its workloads, and names each port once", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-init-"));
    writeFileSync(
      join(root, "compose.yaml"),
      "services:\n  web: { image: 'shop/web:1.0.0', ports: ['8080:80'] }\n",
    );
    mkdirSync(join(root, "k8s"));
    writeFileSync(
      join(root, "k8s", "web-deployment.yaml"),
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: 'shop/web:1.0.0', ports: [{ containerPort: 80 }] }] }\n",
    );
    writeFileSync(
      join(root, "k8s", "web-service.yaml"),
      "apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  type: NodePort\n  selector: { app: web }\n  ports: [{ name: http, port: 80, targetPort: 80, nodePort: 30080 }]\n",
    );
    const result = await initFromRepository(root);
    expect(result.environments).toContainEqual({
      id: "k8s",
      files: [join(root, "k8s", "web-deployment.yaml"), join(root, "k8s", "web-service.yaml")],
    });
    const loaded = loadModelText(result.text!, join(root, "deployview.yaml"));
    const web = loaded.model!.services.find((s) => s.id === "web")!;
    expect(web.ports.map((p) => `${p.name}:${p.port}`)).toEqual(["p80:80"]);
    const k8s = loaded.model!.environments.find((e) => e.id === "k8s")!;
    expect(k8s.instances.find((i) => i.id === "web")!.publish.map((p) => `${p.port.name}→${p.host}`)).toEqual(
      ["p80→30080"],
    );
  });
});

describe("deployview init on the corpus of real projects", () => {
  const corpus = join(repoRoot, "../shared/corpus");
  const projects = existsSync(corpus)
    ? readdirSync(corpus, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(corpus, e.name))
    : [];

  it.skipIf(projects.length === 0)(
    "writes, for every project, a model that loads without an error",
    async () => {
      for (const project of projects) {
        const root = mkdtempSync(join(tmpdir(), "deployview-init-corpus-"));
        cpSync(project, root, { recursive: true });
        const result = await initFromRepository(root);
        expect(result.text, project).toBeDefined();
        const loaded = loadModelText(result.text!, join(root, "deployview.yaml"));
        expect(
          loaded.diagnostics.filter((d) => d.severity === "error"),
          project,
        ).toEqual([]);
        expect(loaded.model!.services.length, project).toBeGreaterThan(0);
        checkModel(loaded.model!, { sources: loaded.sources });
        // The draft runs what the files run, except where init marked a service that sets define
        // differently (the model has one definition per service): drift finds nothing else.
        const path = join(root, "deployview.yaml");
        writeFileSync(path, result.text!);
        const marked = new Set(
          [...result.text!.matchAll(/# TODO: defined differently[^\n]*\n\s+([\w.-]+):/g)].map((m) => m[1]),
        );
        // A secret init took off a command line is for the file to take off too: until it does,
        // drift says the command (or health check) differs, as it should.
        const movedCommands = new Set(result.secrets.flatMap((s) => s.commands.map((c) => c.service)));
        const drifted = (await detectDrift(loaded.model!, path)).diagnostics.filter((d) => {
          const service = /'([^']+)'/.exec(d.message)?.[1] ?? "";
          if (d.code !== "configuration-drift" || marked.has(service)) return false;
          return !(movedCommands.has(service) && /another command|health differently/.test(d.message));
        });
        expect(drifted, project).toEqual([]);
      }
    },
  );
});

describe("deployview init where a variable is named as no key of the model may be", () => {
  it("writes a model that loads, without __proto__ or constructor, from an env file or the list form", async () => {
    const root = folderWith({
      "compose.yaml":
        "services:\n  api:\n    image: 'api:1'\n    env_file: [app.env]\n    environment: ['constructor=1', 'LOG_LEVEL=info']\n",
      "app.env": "__proto__=1\nMODE=fast\n",
    });
    const result = await initFromRepository(root);
    const loaded = loadModelText(result.text!, join(root, "deployview.yaml"));
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(loaded.model!.services[0]!.env.map((v) => v.name).sort()).toEqual(["LOG_LEVEL", "MODE"]);
  });
  it("writes a model that loads, without a variable or port named constructor, from manifests", async () => {
    const app = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  selector: { matchLabels: { app: web } }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: 'web:1.0'",
      "          ports: [{ name: constructor, containerPort: 8080 }]",
      "          env: [{ name: constructor, value: x }, { name: LOG_LEVEL, value: info }]",
      "",
    ].join("\n");
    const root = folderWith({ "k8s/app.yaml": app });
    const result = await initFromRepository(root);
    const loaded = loadModelText(result.text!, join(root, "deployview.yaml"));
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [service] = loaded.model!.services;
    expect(service!.env.map((v) => v.name)).toEqual(["LOG_LEVEL"]);
    expect(service!.ports.map((p) => p.port)).toEqual([8080]);
  });
});

describe("deployview init where a service depends on one that is no mapping", () => {
  it("writes a model that loads, without the use of what the model cannot read", async () => {
    const root = folderWith({
      "compose.yaml": 'services:\n  a: { image: "x:1", depends_on: [b] }\n  b: x\n',
    });
    const result = await initFromRepository(root);
    const loaded = loadModelText(result.text!, join(root, "deployview.yaml"));
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(loaded.model!.services.map((s) => s.id)).toEqual(["a"]);
  });

  it("is checked as the one wrong type, not also as a use of nothing", async () => {
    const root = folderWith({
      "compose.yaml": 'services:\n  a: { image: "x:1", depends_on: [b] }\n  b: x\n',
    });
    const { stdout } = await runCli(["check", join(root, "compose.yaml"), "--format", "json"]);
    const codes = (JSON.parse(stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c !== "missing-health-check")).toEqual(["schema-wrong-type"]);
  });
});

/** A Deployment `name` in `namespace`, whose container names its port `port`, with a Service in front of it. */
const namedWorkload = (name: string, namespace: string, port: string) =>
  [
    "apiVersion: apps/v1",
    "kind: Deployment",
    `metadata: { name: ${name}, namespace: ${namespace} }`,
    "spec:",
    "  selector: { matchLabels: { app: web } }",
    "  template:",
    "    metadata: { labels: { app: web } }",
    "    spec:",
    `      containers: [{ name: web, image: 'web:1', ports: [{ name: ${port}, containerPort: 8080 }] }]`,
    "---",
    "apiVersion: v1",
    "kind: Service",
    `metadata: { name: web, namespace: ${namespace} }`,
    `spec: { selector: { app: web }, ports: [{ name: ${port}, port: 80, targetPort: 8080 }] }`,
    "",
  ].join("\n");

describe("deployview init where the files name something as no model may hold a key", () => {
  it.each([
    ["a Deployment", { "deploy/app.yaml": namedWorkload("constructor", "default", "http") }],
    ["a namespace", { "deploy/app.yaml": namedWorkload("web", "constructor", "http") }],
    ["a folder of manifests", { "constructor/app.yaml": namedWorkload("web", "default", "http") }],
    ["a folder of compose files", { "constructor/compose.yaml": "services:\n  web: { image: 'web:1' }\n" }],
    [
      "a compose variant",
      {
        "compose.yaml": "services:\n  web: { image: 'web:1' }\n",
        "compose.constructor.yaml": "services:\n  web: { image: 'web:2' }\n",
      },
    ],
    [
      "a folder with a Dockerfile",
      {
        "compose.yaml": "services:\n  web: { image: 'web:1' }\n",
        "constructor/Dockerfile": "FROM alpine:3\n",
      },
    ],
    [
      "a compose volume",
      { "compose.yaml": "services:\n  web: { image: 'web:1', volumes: ['constructor:/data'] }\n" },
    ],
    [
      "a compose service",
      { "compose.yaml": "services:\n  toString: { image: 'web:1' }\n  hasOwnProperty: { image: 'web:1' }\n" },
    ],
  ])("writes a model that loads from %s named so", async (_, files) => {
    const result = await initFromRepository(folderWith(files));
    expect(result.loads).toBe(true);
    expect(loadModelText(result.text!, "deployview.yaml").diagnostics).toEqual([]);
  });

  it.each([
    ["a service so named", "services:\n  constructor: { image: 'web:1' }\n", "forbidden-key@2:3"],
    ["no YAML", "services: [\n", "yaml-syntax@1:11"],
  ])(
    "reports a compose file it cannot read, with %s, where it is wrong, not as no compose file",
    async (_, text, at) => {
      const root = folderWith({ "compose.yaml": text });
      const result = await runCli(["init", root]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`compose.yaml:${at.split("@")[1]}: error`);
      expect(result.stderr).toContain(`[${at.split("@")[0]}]`);
      expect(result.stderr).not.toContain("found no compose file");
    },
  );

  it("says where a volume so named is renamed, and writes a model that loads", async () => {
    const app = [
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata: { name: web }",
      "spec:",
      "  serviceName: web",
      "  selector: { matchLabels: { app: web } }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers: [{ name: web, image: 'web:1', volumeMounts: [{ name: constructor, mountPath: /data }] }]",
      "  volumeClaimTemplates: [{ metadata: { name: constructor }, spec: { resources: { requests: { storage: 1Gi } } } }]",
      "",
    ].join("\n");
    const root = folderWith({ "deploy/app.yaml": app });
    const result = await initFromRepository(root);
    expect(result.loads).toBe(true);
    const loaded = loadModelText(result.text!, "deployview.yaml");
    expect(loaded.model!.services[0]!.volumes.map((v) => [v.name, v.size?.text])).toEqual([
      ["constructor-2", "1Gi"],
    ]);
    const renamed = result.diagnostics.filter((d) => d.code === "forbidden-key");
    expect(renamed.map((d) => [relative(root, d.file!), d.start])).toEqual([
      ["deploy/app.yaml", app.indexOf("constructor")],
    ]);
  });

  it("says where a Secret so named is renamed, and writes a model that loads", async () => {
    const app = [
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: 'web:1'",
      "          env: [{ name: PASSWORD, valueFrom: { secretKeyRef: { name: constructor, key: pw } } }]",
      "          envFrom: [{ secretRef: { name: constructor } }]",
      "---",
      "apiVersion: v1",
      "kind: Secret",
      "metadata: { name: constructor }",
      "stringData: { pw: x }",
      "",
    ].join("\n");
    const root = folderWith({ "deploy/app.yaml": app });
    const result = await initFromRepository(root);
    expect(result.loads).toBe(true);
    const loaded = loadModelText(result.text!, "deployview.yaml");
    expect(loaded.model!.secrets.map((s) => s.id)).toEqual(["constructor-2"]);
    // Once, where it is first referred to: envFrom is read before env.
    const renamed = result.diagnostics.filter((d) => d.code === "forbidden-key");
    expect(renamed.map((d) => [relative(root, d.file!), d.start])).toEqual([
      ["deploy/app.yaml", app.indexOf("constructor", app.indexOf("envFrom"))],
    ]);
  });

  it("says where a Deployment so named is renamed", async () => {
    const root = folderWith({ "deploy/app.yaml": namedWorkload("constructor", "default", "http") });
    const result = await initFromRepository(root);
    const renamed = result.diagnostics.filter((d) => d.code === "forbidden-key");
    const text = readFileSync(join(root, "deploy/app.yaml"), "utf8");
    expect(renamed.map((d) => [relative(root, d.file!), d.start])).toEqual([
      ["deploy/app.yaml", text.indexOf("constructor")],
    ]);
    expect(result.services.map((s) => s.id)).toEqual(["constructor-2"]);
  });

  it("says where a port so named is renamed, in the Service and in the container", async () => {
    const root = folderWith({ "deploy/app.yaml": namedWorkload("web", "default", "constructor") });
    const result = await initFromRepository(root);
    expect(result.loads).toBe(true);
    const renamed = result.diagnostics
      .filter((d) => d.code === "forbidden-key")
      .map((d) => [relative(root, d.file!), d.start]);
    const text = readFileSync(join(root, "deploy/app.yaml"), "utf8");
    expect(renamed).toEqual([
      ["deploy/app.yaml", text.lastIndexOf("constructor")],
      ["deploy/app.yaml", text.indexOf("constructor")],
    ]);
  });
});
