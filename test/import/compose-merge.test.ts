import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { importCompose, loadComposeAsModel } from "../../src/import/compose/index.js";
import { mergeCompose } from "../../src/import/compose/merge.js";
import { rebaseService } from "../../src/import/compose/rebase.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

const fixtures = `${repoRoot}test/fixtures/compose`;

type Services = Record<string, Record<string, unknown>>;

async function imported(...files: string[]) {
  const result = await importCompose(files.map((f) => `${fixtures}/${f}`));
  const input = result.imported!.input;
  // The one environment, named for the last file's variant (prod for compose.prod.yaml), else compose.
  const run = Object.values(
    input.environments as unknown as Record<
      string,
      { nodes: { host: { nodes: { compose: { run: Record<string, unknown> } } } } }
    >,
  )[0]!.nodes.host.nodes.compose.run;
  return {
    services: input.services as unknown as Services,
    run,
    found: located(result.diagnostics, result.sources),
    /** What lint rules report of what the reader found. */
    findings: located(result.imported!.findings, result.sources),
  };
}

describe("compose files merged as Compose merges them", () => {
  it("appends lists, replaces commands, keeps unique ports and mount targets, and honours !reset and !override", async () => {
    const { services, run, found } = await imported("merge/compose.yaml", "merge/compose.prod.yaml");
    expect(found).toEqual([]);
    expect(services.api).toMatchObject({
      image: "shop/api:1.2.0",
      command: ["serve"],
      // !override: the production file's ports replace the base's.
      ports: { p8080: 8080 },
      // list and map forms merge as a map; !reset removes DEBUG.
      env: { MODE: "production" },
      uses: ["db", "cache"],
    });
    // data:/data and logs:/data share a target: the later one wins.
    expect(services.api!.volumes).toEqual({
      "mount-1": { path: "/app/src", type: "bind", source: "./src" },
      logs: { path: "/data", type: "volume", source: "logs" },
    });
    expect(run.api).toEqual({ publish: { p8080: 443 } });
    // !reset []: the database publishes nothing in production.
    expect(run.db).toBeNull();
    expect(Object.keys(services)).toEqual(["api", "db", "worker", "cache"]);
  });

  it("leaves out what a file resets where nothing earlier set it, so a reset password is no plain-text secret", async () => {
    const dir = folderWith(
      {
        "compose.yaml": [
          "services:",
          "  db:",
          "    image: mariadb:11",
          "    environment:",
          "      MYSQL_ROOT_PASSWORD: !reset null",
          "      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/db_password",
          "    ports: !reset []",
          "",
        ].join("\n"),
      },
      "deployview-reset-",
    );
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    const db = loaded.model!.services.find((s) => s.id === "db")!;
    expect(db.env.map((v) => v.name)).toEqual(["MYSQL_ROOT_PASSWORD_FILE"]);
    const codes = checkModel(loaded.model!, { sources: loaded.sources }).map((d) => d.code);
    expect(codes).not.toContain("plaintext-secret");
  });

  it("drops a key reset with nothing after the tag, as Compose does, where it was read as the text null", async () => {
    const dir = folderWith({
      "compose.yaml": [
        "services:",
        "  api:",
        "    build: ./api",
        '    command: ["./run", "--dev"]',
        "    ports: ['8080:80']",
        "    healthcheck:",
        '      test: ["CMD", "wget", "-qO-", "http://localhost:80/"]',
        "",
      ].join("\n"),
      "api/Dockerfile": "FROM alpine:3.20\n",
      "override.yaml": [
        "services:",
        "  api:",
        "    image: shop/api:1.2.0",
        "    build: !reset null",
        "    command: !reset",
        "    ports: !reset ~",
        "    healthcheck: !reset null",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml"), join(dir, "override.yaml")]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([]);
    const api = loaded.model!.services.find((s) => s.id === "api")!;
    expect(api.build).toBeUndefined();
    expect(api.health).toBeUndefined();
    const codes = checkModel(loaded.model!, { sources: loaded.sources }).map((d) => d.code);
    expect(codes).toContain("missing-health-check");
    expect(codes).not.toContain("missing-path");
  });

  it("leaves a service as earlier files have it where a later one names it with nothing", () => {
    const merged = mergeCompose([
      { value: { services: { web: { image: "nginx:1.27" } } } },
      { value: { services: { web: null, extra: null } } },
    ]);
    expect(merged.services).toEqual({ web: { image: "nginx:1.27" }, extra: null });
  });

  it("never throws, and merging a file over itself again changes nothing more", () => {
    const value = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
    fc.assert(
      fc.property(value, value, (a, b) => {
        mergeCompose([{ value: a }, { value: b }]);
        const services = {
          services: { api: { image: "a:1", ports: ["80:80"], environment: ["A=1"], ...a } },
        };
        const twice = mergeCompose([{ value: services }, { value: services }]);
        expect(mergeCompose([{ value: services }, { value: services }, { value: services }])).toEqual(twice);
        expect((twice.services as Record<string, { ports: unknown }>).api!.ports).toEqual(
          services.services.api.ports,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("merges many files as merging them one at a time does, and changes none of them", () => {
    const service = fc.record(
      {
        image: fc.constantFrom("a:1", "b:2"),
        ports: fc.array(fc.constantFrom("80:80", "81:80", "8080"), { maxLength: 3 }),
        environment: fc.oneof(
          fc.array(fc.constantFrom("A=1", "B=2", "A=3"), { maxLength: 3 }),
          fc.dictionary(fc.constantFrom("A", "B", "C"), fc.constantFrom("1", "2")),
        ),
        deploy: fc.record({ replicas: fc.nat({ max: 3 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    const file = fc.record({ services: fc.dictionary(fc.constantFrom("api", "db", "web"), service) });
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 6 }), (files) => {
        const before = structuredClone(files);
        const all = mergeCompose(files.map((value) => ({ value })));
        const stepwise = files.reduce<Record<string, unknown>>(
          (merged, value) => mergeCompose([{ value: merged }, { value }]),
          {},
        );
        expect(all).toEqual(stepwise);
        expect(files).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe("findings on merged files", () => {
  it("point into the file that defines what they are about", async () => {
    const files = ["merge/compose.yaml", "merge/compose.prod.yaml"].map((f) => `${fixtures}/${f}`);
    const loaded = await loadComposeAsModel(files);
    const health = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "missing-health-check",
    );
    // A finding about a service as a whole is where the service is first defined, not in a file
    // that only changes some of its keys; the cache only the production file defines.
    expect(health.map((d) => `${d.file!.split("/").pop()} ${located([d], loaded.sources)[0]}`)).toEqual([
      "compose.yaml missing-health-check@2:3",
      "compose.yaml missing-health-check@9:3",
      "compose.yaml missing-health-check@12:3",
      "compose.prod.yaml missing-health-check@14:3",
    ]);
  });

  it("point at the list entry itself, in the file that has it, wherever merging moved it", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  db:",
        "    image: postgres:16",
        "    environment:",
        "      - POSTGRES_USER=app",
        "      - POSTGRES_PASSWORD=hunter2hunter",
        "    volumes:",
        "      - data:/var/lib/postgresql/data",
        "    ports:",
        '      - "127.0.0.1:5432:5432"',
        "volumes:",
        "  data:",
        "",
      ].join("\n"),
      // Its entries come after the base's in the merged lists, at indexes this file does not have.
      "over.yaml": [
        "services:",
        "  db:",
        "    volumes:",
        "      - ./init:/docker-entrypoint-initdb.d",
        "      - /var/run/docker.sock:/var/run/docker.sock",
        "    ports:",
        '      - "5433:5432"',
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml"), join(folder, "over.yaml")]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) =>
      ["plaintext-secret", "docker-socket-mounted", "exposed-datastore", "missing-health-check"].includes(
        d.code,
      ),
    );
    expect(found.map((d) => `${d.file!.split("/").pop()} ${located([d], loaded.sources)[0]}`).sort()).toEqual(
      [
        // About the service as a whole: where it is defined, not in the file that adds mounts.
        "compose.yaml missing-health-check@2:3",
        // An environment written as a list is found by the variable's name.
        "compose.yaml plaintext-secret@6:9",
        "over.yaml docker-socket-mounted@5:9",
        "over.yaml exposed-datastore@7:9",
      ],
    );
  });
});

describe("a compose file of several YAML documents", () => {
  it("is merged as several files are, the later documents over the earlier, each finding in the document that set it", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: nginx:1.25",
        "    ports: ['8080:80']",
        "    environment: { MODE: base }",
        "---",
        "services:",
        "  web:",
        "    image: nginx",
        "    environment:",
        "      DB_PASSWORD: hunter2isverysecret",
        "  db:",
        "    image: postgres:16",
        "    volumes: ['/var/run/docker.sock:/var/run/docker.sock']",
        "---",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([]);
    const web = loaded.model!.services.find((service) => service.id === "web")!;
    expect(web.image).toBe("nginx");
    expect(web.env.map((variable) => variable.name).sort()).toEqual(["DB_PASSWORD", "MODE"]);
    expect(web.ports.map((port) => port.port)).toEqual([80]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) =>
      ["plaintext-secret", "docker-socket-mounted", "image-latest-tag", "missing-health-check"].includes(
        d.code,
      ),
    );
    expect(located(found, loaded.sources).sort()).toEqual([
      "docker-socket-mounted@14:15",
      "image-latest-tag@9:12",
      "missing-health-check@12:3",
      "missing-health-check@2:3",
      "plaintext-secret@11:20",
    ]);
  });

  it("is refused at the document that is no mapping, not at the file's first line", async () => {
    const folder = folderWith({
      "compose.yaml": "services:\n  web: { image: 'nginx:1.27' }\n---\n- a list\n",
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["schema-wrong-type@4:1"]);
  });
});

describe("keys the Compose Specification does not know", () => {
  it("are errors where they are, with a suggestion, as are names Compose does not take; x- extensions are fine", async () => {
    const dir = folderWith(
      {
        "compose.yaml":
          "x-common: &common { restart: always }\nservices:\n  api:\n    imgae: shop/api:1\n    x-note: fine\n    <<: *common\n  web app: { image: 'nginx:1.27' }\nvolumez: {}\nnetworks: { 'front/end': {} }\n",
      },
      "deployview-compose-keys-",
    );
    const result = await importCompose([join(dir, "compose.yaml")]);
    expect(located(result.diagnostics, result.sources)).toEqual([
      "schema-invalid-value@7:3",
      "schema-invalid-value@9:13",
      "compose-unknown-key@4:5",
      "compose-unknown-key@8:1",
    ]);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(["error", "error", "error", "error"]);
    expect(result.diagnostics.map((d) => d.hint)).toEqual([
      "use letters, digits, '.', '_' and '-' only",
      "use letters, digits, '.', '_' and '-' only",
      "did you mean 'image'?",
      "did you mean 'volumes'?",
    ]);
  });
});

describe("secrets, configs and networks", () => {
  it("declare where each secret comes from, never its value, and note what a service mounts and joins", async () => {
    const result = await importCompose([`${fixtures}/secrets/compose.yaml`]);
    const input = result.imported!.input;
    expect(input.secrets).toEqual({
      db_password: { source: "file", file: "./secrets/db_password.txt" },
      tls: { source: "env", env: "DB_TLS" },
    });
    expect((input.services as unknown as Services).db!.notes).toEqual([
      "Reads the Compose secret 'db_password' at /run/secrets/db_password",
      "Reads the Compose secret 'tls' at /etc/ssl/db.pem",
      "Reads the Compose config 'pg_conf' at /pg_conf",
      "Joins the network 'backend'",
    ]);
  });
});

describe("env_file", () => {
  it("adds the files' variables under the service's own, keeps secret values out, and reports a missing file", async () => {
    const { services, found, findings } = await imported("env-file/compose.yaml");
    expect(services.api!.env).toEqual({ MODE: "production", LOG_LEVEL: "info", DB_PASSWORD: "" });
    expect(found).toEqual([]);
    // The missing-path rule's, so that it can be turned off where the file is made at deployment.
    expect(findings).toEqual(["missing-path@8:9"]);
  });

  it("reports an env_file that is there but cannot be read, a folder say, as unreadable", async () => {
    const dir = folderWith({
      "compose.yaml":
        "services:\n  api:\n    image: a:1\n    env_file: [config, { path: gone.env, required: false }]\n",
      "config/app.env": "A=1\n",
    });
    const result = await importCompose([join(dir, "compose.yaml")]);
    expect(located(result.diagnostics, result.sources)).toEqual(["file-unreadable@4:16"]);
    expect(result.diagnostics[0]!.message).toBe(
      "the env_file config of 'api' cannot be read; its variables are left out",
    );
    expect(result.imported!.findings).toEqual([]);
  });
});

describe("extends", () => {
  it("starts from the service it names, in this file or another, along chains, without its dependencies", async () => {
    const { services, found } = await imported("extends/compose.yaml");
    expect(services.api).toMatchObject({
      image: "shop/base:1.0.0",
      env: { LOG: "debug", REGION: "eu" },
      restart: "always",
      ports: { p8080: 8080 },
    });
    expect(services.api!.uses).toBeUndefined();
    expect(services.worker).toMatchObject({
      image: "shop/base:1.0.0",
      command: ["work"],
      env: { LOG: "debug" },
    });
    // A circle, a missing file and a missing service: reported at the name that is wrong, imported without it.
    expect(found).toEqual([
      "compose-extends-invalid@13:14",
      "compose-extends-invalid@16:22",
      "compose-extends-invalid@19:14",
    ]);
    expect(services.ghost).toMatchObject({ image: "ghost:1" });
  });

  it("points at the service or the file that is wrong, in a mapping written over lines", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  base: { image: shop/base:1.0 }",
        "  api:",
        "    extends:",
        "      service: bsae   # a typo",
        "  job:",
        "    extends:",
        "      file: gone.yaml",
        "      service: base",
        "  loop:",
        "    extends:",
        "      service: loop",
        "",
      ].join("\n"),
    });
    const result = await importCompose([join(folder, "compose.yaml")]);
    expect(located(result.diagnostics, result.sources)).toEqual([
      "compose-extends-invalid@5:16",
      "compose-extends-invalid@8:13",
      "compose-extends-invalid@12:16",
    ]);
  });

  it("honours the !override and !reset tags of the service that extends, as a later file's", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  base:",
        "    image: shop/web:1.0",
        "    ports: ['8080:80']",
        "    environment: { DEBUG: '1', LOG: info }",
        "  web:",
        "    extends: base",
        "    ports: !override ['8081:80']",
        "    environment: { DEBUG: !reset null }",
        "",
      ].join("\n"),
      "other.yaml":
        "services:\n  web:\n    extends: { file: compose.yaml, service: base }\n    ports: !override ['8082:80']\n",
    });
    const result = await importCompose([join(folder, "compose.yaml")]);
    const services = result.imported!.input.services as unknown as Services;
    expect(services.web!.env).toEqual({ LOG: "info" });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const clashes = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "host-port-conflict",
    );
    expect(clashes).toEqual([]);
    const other = await importCompose([join(folder, "other.yaml")]);
    const run = Object.values(
      other.imported!.input.environments as unknown as Record<
        string,
        { nodes: { host: { nodes: { compose: { run: Record<string, unknown> } } } } }
      >,
    )[0]!.nodes.host.nodes.compose.run;
    expect(run.web).toEqual({ publish: { p80: 8082 } });
  });

  it("takes a file of several documents as Compose does: the documents merged, and only the last one's tags on the services there that extend", async () => {
    const published = async (extended: string) => {
      const folder = folderWith({
        "compose.yaml": "services:\n  web:\n    extends: { file: base.yaml, service: mid }\n",
        "base.yaml": extended,
      });
      const result = await importCompose([join(folder, "compose.yaml")]);
      expect(located(result.diagnostics, result.sources)).toEqual([]);
      const run = Object.values(
        result.imported!.input.environments as unknown as Record<
          string,
          { nodes: { host: { nodes: { compose: { run: Record<string, { publish?: unknown }> } } } } }
        >,
      )[0]!.nodes.host.nodes.compose.run;
      return run.web!.publish;
    };
    const base = "services:\n  base:\n    image: shop/web:1.0\n    ports: ['8080:80']\n";
    const mid = "  mid:\n    extends: base\n    ports: !override ['8081:80']\n";
    // The override in the last document replaces what mid takes from base.
    expect(await published(`${base}---\nservices:\n${mid}`)).toEqual({ p80: 8081 });
    // One in an earlier document Compose does not apply: the later document's tags are the only ones it keeps.
    expect(await published(`${base}${mid}---\nservices:\n  cache: { image: 'redis:7' }\n`)).toEqual({
      p80: 8080,
      "p80-8081": 8081,
    });
  });

  it("that cannot be followed is the only finding about what the service lacks, along a chain too", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  a: { extends: { file: missing.yaml, service: base } }",
        "  b: { extends: nothere }",
        "  c: { extends: a }",
        "  d: { healthcheck: { test: [CMD, 'true'] } }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const lacking = new Set(["no-image", "missing-health-check"]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) => lacking.has(d.code));
    expect(located(found, loaded.sources)).toEqual(["no-image@5:3"]);
  });

  it("points a finding about what a service takes from the one it extends at where that one writes it", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  agent:",
        "    extends: { file: common.yaml, service: agent }",
        "    image: shop/agent:1.0",
        "  api:",
        "    extends: base",
        "  base:",
        "    image: shop/base:1.0",
        "    privileged: true",
        "",
      ].join("\n"),
      "common.yaml": [
        "services:",
        "  agent:",
        "    image: shop/agent:0.9",
        "    volumes: [/var/run/docker.sock:/var/run/docker.sock]",
        "    environment: { API_TOKEN: abcdef1234567890abcdef }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const codes = new Set(["docker-socket-mounted", "plaintext-secret", "privileged-container"]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) => codes.has(d.code));
    const where = found.map((d) => `${d.file!.slice(folder.length + 1)} ${located([d], loaded.sources)[0]}`);
    expect(where.sort()).toEqual([
      "common.yaml docker-socket-mounted@4:15",
      "common.yaml plaintext-secret@5:31",
      "compose.yaml privileged-container@9:17",
      "compose.yaml privileged-container@9:17",
    ]);
  });

  it("points a finding about what a service takes from a file of several documents at the document that writes it", async () => {
    const folder = folderWith({
      "compose.yaml": "services:\n  web:\n    extends: { file: base.yaml, service: mid }\n",
      "base.yaml": [
        "services:",
        "  base:",
        "    image: shop/web:1.0",
        "    volumes: [/var/run/docker.sock:/var/run/docker.sock]",
        "---",
        "services:",
        "  mid:",
        "    extends: base",
        "    image: nginx:latest",
        "    environment: { API_TOKEN: abcdef1234567890abcdef }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const codes = new Set(["docker-socket-mounted", "plaintext-secret", "image-latest-tag"]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) => codes.has(d.code));
    const where = found.map((d) => `${d.file!.slice(folder.length + 1)} ${located([d], loaded.sources)[0]}`);
    expect(where.sort()).toEqual([
      "base.yaml docker-socket-mounted@4:15",
      "base.yaml image-latest-tag@9:12",
      "base.yaml plaintext-secret@10:31",
    ]);
    // So is an extends there that cannot be followed, and a path there that is missing.
    const broken = folderWith({
      "compose.yaml": "services:\n  web:\n    extends: { file: base.yaml, service: mid }\n",
      "base.yaml": [
        "services:",
        "  base: { image: 'shop/web:1.0' }",
        "---",
        "services:",
        "  mid:",
        "    extends: nothing",
        "    image: shop/web:1.0",
        "    env_file: ./missing.env",
        "",
      ].join("\n"),
    });
    const read = await importCompose([join(broken, "compose.yaml")]);
    expect(located([...read.diagnostics, ...read.imported!.findings], read.sources)).toEqual([
      "compose-extends-invalid@6:14",
      "missing-path@8:15",
    ]);
  });

  it("points a finding about a list entry taken from the service extended there, not at the entry in the same place of the extending service's own list", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  base:",
        "    image: shop/web:1.0",
        "    ports: ['8080:80']",
        "    volumes: [/var/run/docker.sock:/var/run/docker.sock]",
        "  web:",
        "    extends: base",
        "    ports: ['8081:81']",
        "    volumes: [./src:/app]",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const codes = new Set(["docker-socket-mounted", "host-port-conflict"]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) => codes.has(d.code));
    expect(located(found, loaded.sources).sort()).toEqual([
      "docker-socket-mounted@5:15",
      "docker-socket-mounted@5:15",
      "host-port-conflict@4:13",
    ]);
  });

  it("reports a volume, network or secret that the service extended names where it is named, as one the extending file must declare", async () => {
    const folder = folderWith({
      "compose.yaml": "services:\n  api:\n    extends: { file: common.yaml, service: app }\n",
      "common.yaml": [
        "services:",
        "  app:",
        "    image: shop/app:1.0",
        "    volumes: [data:/data]",
        "    networks: [backend]",
        "volumes: { data: {} }",
        "networks: { backend: {} }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const found = loaded.diagnostics.filter((d) => d.code.startsWith("unknown-"));
    expect(
      found.map((d) => `${d.file!.slice(folder.length + 1)} ${located([d], loaded.sources)[0]}`),
    ).toEqual(["common.yaml unknown-network@5:16", "common.yaml unknown-volume@4:15"]);
    expect(found.map((d) => d.message)).toEqual([
      "'api' joins the network 'backend', which compose.yaml does not declare under networks: extends takes the service from common.yaml, not what that file declares",
      "'api' mounts the volume 'data', which compose.yaml does not declare under volumes: extends takes the service from common.yaml, not what that file declares",
    ]);
  });

  it("names the file that must declare what the service extended uses, whatever the name used says", async () => {
    const folder = folderWith({
      "compose.yaml": "services:\n  api:\n    extends: { file: common.yaml, service: app }\n",
      "common.yaml": [
        "services:",
        "  app:",
        "    image: shop/app:1.0",
        "    secrets: ['which the file does not declare under']",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    expect(loaded.diagnostics.filter((d) => d.code === "unknown-secret").map((d) => d.message)).toEqual([
      "'api' uses the secret 'which the file does not declare under', which compose.yaml does not declare under secrets: extends takes the service from common.yaml, not what that file declares",
    ]);
  });

  it("moves only what is a relative path: not URLs, absolute paths or named volumes", () => {
    expect(
      rebaseService(
        {
          build: { context: "https://github.com/x/y.git#main" },
          volumes: ["/srv:/srv", "data:/data", "../up:/up", { type: "bind", source: ".", target: "/w" }],
          env_file: [{ path: "a.env", required: false }, "/etc/b.env"],
        },
        "/repo/shared",
        "/repo",
      ),
    ).toEqual({
      build: { context: "https://github.com/x/y.git#main" },
      volumes: ["/srv:/srv", "data:/data", "./up:/up", { type: "bind", source: "./shared", target: "/w" }],
      env_file: [{ path: "./shared/a.env", required: false }, "/etc/b.env"],
    });
  });

  it("rewrites the relative paths of a service taken from another folder for this file's folder", async () => {
    const { services } = await imported("extends/compose.yaml");
    expect(services.tool).toMatchObject({
      build: "./shared/app",
      // Read from shared/common.env, where the base file names it.
      env: { QUEUE: "jobs" },
      volumes: {
        "mount-1": { path: "/data", type: "bind", source: "./shared/data" },
        cache: { path: "/cache", type: "volume", source: "cache" },
      },
    });
  });
});

describe("a later file in another folder", () => {
  it("reads the files its extends and include name, and the paths taken, from the project's folder as Compose does", async () => {
    const dir = folderWith({
      "compose.yaml": "services:\n  api:\n    image: shop/api:1.0.0\n",
      "shared/common.yaml": [
        "services:",
        "  base:",
        "    build: ./app",
        "    volumes: [./data:/data]",
        "",
      ].join("\n"),
      "shared/app/Dockerfile": "FROM node:22\n",
      "extra/db.yaml":
        "services:\n  db:\n    image: postgres:16\n    volumes: [./pgdata:/var/lib/postgresql/data]\n",
      // Beside the override, where its names would lead if read from its own folder: never read.
      "deploy/shared/common.yaml": "services:\n  base:\n    image: wrong:1\n",
      "deploy/override.yaml": [
        "include: [extra/db.yaml]",
        "services:",
        "  web:",
        "    extends: { file: shared/common.yaml, service: base }",
        "",
      ].join("\n"),
    });
    const result = await importCompose([join(dir, "compose.yaml"), join(dir, "deploy/override.yaml")]);
    expect(located(result.diagnostics, result.sources)).toEqual([]);
    expect(located(result.imported!.findings, result.sources)).toEqual([]);
    const services = result.imported!.input.services as unknown as Services;
    expect(services.web).toEqual({
      kind: "web",
      build: "./shared/app",
      volumes: { "mount-1": { path: "/data", type: "bind", source: "./shared/data" } },
    });
    expect(services.db!.volumes).toEqual({
      "mount-1": { path: "/var/lib/postgresql/data", type: "bind", source: "./extra/pgdata" },
    });
  });
});

describe("include", () => {
  it("adds the services of included files, each with its own .env or env_file, and reports missing files", async () => {
    // An included project's own .env (written here: .env files are never committed).
    const dir = mkdtempSync(join(tmpdir(), "deployview-include-"));
    cpSync(`${fixtures}/include`, dir, { recursive: true });
    writeFileSync(join(dir, "shared", ".env"), "PG_TAG=16.4\n");
    const result = await importCompose([join(dir, "compose.yaml")]);
    const services = result.imported!.input.services as unknown as Services;
    const found = located(result.diagnostics, result.sources);
    expect(services.db).toMatchObject({ image: "postgres:16.4" });
    // Its bind mount is the included project's folder, written for the including file.
    expect(services.db!.volumes).toEqual({
      "mount-1": { path: "/var/lib/postgresql/data", type: "bind", source: "./shared/pgdata" },
    });
    // The including file's cache is merged over the included one.
    expect(services.cache).toMatchObject({ image: "redis:7.4" });
    expect(services.api).toMatchObject({ image: "shop/api:1.0.0", uses: ["db", "cache"] });
    expect(found).toEqual(["compose-unset-variable@12:27", "compose-include-invalid@5:5"]);
  });

  it("merges a service the including file defines too over the included one, each finding in the file that set its key", async () => {
    const dir = folderWith({
      "services/db.yaml": [
        "services:",
        "  db:",
        "    image: postgres:16",
        "    restart: always",
        '    ports: ["5432:5432"]',
        "",
      ].join("\n"),
      "compose.yaml": [
        "include: [services/db.yaml]",
        "services:",
        "  db:",
        "    image: postgres:latest",
        "    volumes: [data:/var/lib/postgresql/data]",
        "volumes:",
        "  data:",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([]);
    const db = loaded.model!.services.find((s) => s.id === "db")!;
    expect(db).toMatchObject({ image: "postgres:latest", restart: "always" });
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) =>
      ["image-latest-tag", "exposed-datastore"].includes(d.code),
    );
    expect(found.map((d) => `${d.file!.split("/").pop()} ${located([d], loaded.sources)[0]}`).sort()).toEqual(
      ["compose.yaml image-latest-tag@4:12", "db.yaml exposed-datastore@5:13"],
    );
  });

  it("merges the files of one entry as one project, the later ones reading their paths from the first one's folder", async () => {
    const dir = folderWith({
      "base/app/Dockerfile": "FROM nginx:1.27\n",
      "base/web.env": "MODE=production\n",
      "base/base.yaml": [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    volumes: [./data:/data]",
        "",
      ].join("\n"),
      "overrides/override.yaml": [
        "services:",
        "  web:",
        '    ports: ["8080:80"]',
        "    build: ./app",
        "    env_file: ./web.env",
        "    secrets: [token]",
        "secrets:",
        "  token:",
        "    file: ./token.txt",
        "",
      ].join("\n"),
      "compose.yaml": [
        "include:",
        "  - path: [base/base.yaml, overrides/override.yaml]",
        "services:",
        "  api:",
        "    image: shop/api:1.0.0",
        "    depends_on: [web]",
        "",
      ].join("\n"),
    });
    const result = await importCompose([join(dir, "compose.yaml")]);
    expect(located(result.diagnostics, result.sources)).toEqual([]);
    const web = (result.imported!.input.services as unknown as Services).web!;
    expect(web).toMatchObject({ image: "nginx:1.27", build: "./base/app", ports: { p80: 80 } });
    expect(web.volumes).toEqual({ "mount-1": { path: "/data", type: "bind", source: "./base/data" } });
    // The override's env file is the project's: found, where it was looked for beside the override.
    expect(web.env).toMatchObject({ MODE: "production" });
    // The one path missing is the override's, in the project folder, and reported in the override.
    const missing = result.imported!.findings;
    expect(missing.map((d) => [d.file!.split("/").slice(-2).join("/"), d.message])).toEqual([
      ["overrides/override.yaml", expect.stringContaining("./token.txt")],
    ]);
    expect(located(missing, result.sources)).toEqual(["missing-path@9:11"]);
  });

  it("reports files that include each other, and stops", async () => {
    const { services, found } = await imported("include/loop/compose.yaml");
    expect(Object.keys(services).sort()).toEqual(["a", "b"]);
    expect(found).toEqual(["compose-include-invalid@1:11"]);
  });

  it.each([
    [".", "the included path . is a folder, not a compose file"],
    ["sub", "the included path sub is a folder, not a compose file"],
  ])("refuses a folder included as %s at its entry, and only there", async (entry, message) => {
    const root = folderWith({
      "compose.yaml": `include: [${entry}]\nservices:\n  a: { image: "a:1" }\n`,
      "sub/.keep": "",
    });
    const { diagnostics, sources } = await importCompose([join(root, "compose.yaml")]);
    expect(located(diagnostics, sources)).toEqual(["compose-include-invalid@1:11"]);
    expect(diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it("follows includes 64 deep, no further, where a chain of thousands took time growing with its square", async () => {
    const files: Record<string, string> = { "c0.yaml": 'services:\n  s0: { image: "a:1" }\n' };
    for (let i = 1; i < 2_000; i++)
      files[`c${i}.yaml`] = `include: [c${i - 1}.yaml]\nservices:\n  s${i}: { image: "a:1" }\n`;
    const root = folderWith(files);
    const started = performance.now();
    const { imported: result, diagnostics, sources } = await importCompose([join(root, "c1999.yaml")]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(located(diagnostics, sources)).toEqual(["compose-include-invalid@1:11"]);
    expect(diagnostics[0]!.message).toBe(
      "c1934.yaml nests includes more than 64 deep, further than deployview follows",
    );
    expect(Object.keys(result!.input.services)).toHaveLength(65);
  });
});

describe("a missing env_file", () => {
  const missingHint = async (files: Record<string, string>) => {
    const dir = folderWith(files);
    const result = await importCompose([join(dir, "compose.yaml")]);
    return result.imported!.findings.map((d) => d.hint);
  };

  it("is made from the project's example where one lies beside it, and the hint names it", async () => {
    const compose =
      "services:\n  a: { image: a:1, env_file: .env }\n  b: { image: b:1, env_file: config/.env.production }\n";
    expect(
      await missingHint({
        "compose.yaml": compose,
        "example.env": "A=\n",
        "config/.env.production.sample": "B=\n",
      }),
    ).toEqual([
      "copy the project's example beside it, example.env, to .env and fill it in",
      "copy the project's example beside it, .env.production.sample, to .env.production and fill it in",
    ]);
    expect(await missingHint({ "compose.yaml": compose })).toEqual([
      "create it, or mark it required: false where the service starts without it",
      "create it, or mark it required: false where the service starts without it",
    ]);
  });
});
