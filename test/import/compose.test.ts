import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { importCompose, loadComposeAsModel } from "../../src/import/compose/index.js";
import { interpolate } from "../../src/import/compose/interpolate.js";
import type { Service } from "../../src/model/types.js";
import { runCli } from "../helpers/cli.js";
import { corpusComposeFiles } from "../helpers/corpus.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

const seed = `${repoRoot}test/fixtures/seeds/freshpoc-compose.yaml`;

/** A service's ports as name=port/protocol. */
const portsOf = (service: Service) => service.ports.map((p) => `${p.name}=${p.port}/${p.protocol}`);

describe("check -f on the FreshPoC compose file of seed 003", () => {
  it("reports the 8080 clash, the unpinned images, the plain-text MinIO password and the obsolete version", async () => {
    const loaded = await loadComposeAsModel([seed]);
    const found = [...loaded.diagnostics, ...checkModel(loaded.model!, { sources: loaded.sources })];
    const at = (code: string) =>
      located(
        found.filter((d) => d.code === code),
        loaded.sources,
      );
    expect(at("host-port-conflict")).toEqual(["host-port-conflict@70:13"]);
    expect(at("image-latest-tag")).toEqual([
      "image-latest-tag@6:12",
      "image-latest-tag@10:12",
      "image-latest-tag@17:12",
      "image-latest-tag@21:12",
    ]);
    expect(at("plaintext-secret")).toEqual(["plaintext-secret@26:28"]);
    expect(at("compose-obsolete-version")).toEqual(["compose-obsolete-version@2:1"]);
  });

  it("works from the command line, with exit 1", async () => {
    const result = await runCli(["check", "-f", seed, "--format", "json"], repoRoot);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).summary.errors).toBeGreaterThan(0);
  });
});

describe("the compose importer", () => {
  const dir = mkdtempSync(join(tmpdir(), "deployview-import-"));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  // What the files here build from this folder: a build without its Dockerfile is reported.
  write("Dockerfile", "FROM alpine:3.20\n");
  // And the files its secrets and configs read: one that is not there is reported too.
  write("app.conf", "a = 1\n");
  write("token", "kept out of version control\n");

  it("reads short and long port syntax, volumes, depends_on, healthchecks and resources", async () => {
    const file = write(
      "compose.yaml",
      `services:
  api:
    image: shop/api:\${TAG:-1.0}
    ports: ["127.0.0.1:8080:80", { target: 9090, published: 9091 }, "53:53/udp", "3000"]
    volumes: ["data:/var/lib/api", "./conf:/etc/api:ro"]
    depends_on: { db: { condition: service_healthy } }
    healthcheck: { test: ["CMD", "curl", "-f", "http://localhost/health"], interval: 10s }
    deploy: { replicas: 2, resources: { limits: { memory: 512m, cpus: "0.5" } } }
    environment: [ "MODE=prod", "DB_PASSWORD=\${DB_PASSWORD}" ]
  db: { image: "postgres:16", volumes: ["pg:/var/lib/postgresql/data"] }
volumes: { data: {}, pg: {} }
`,
    );
    const loaded = await loadComposeAsModel([file], { env: { DB_PASSWORD: "x" } });
    expect(loaded.diagnostics).toEqual([]);
    const api = loaded.model!.services.find((s) => s.id === "api")!;
    expect(api.image).toBe("shop/api:1.0");
    expect(api.ports.map((p) => `${p.name}:${p.port}/${p.protocol}`)).toEqual([
      "p80:80/tcp",
      "p9090:9090/tcp",
      "p53:53/udp",
      "p3000:3000/tcp",
    ]);
    expect(api.volumes.map((v) => `${v.type}:${v.source}:${v.path}:${v.readOnly}`)).toEqual([
      "volume:data:/var/lib/api:false",
      "bind:./conf:/etc/api:true",
    ]);
    expect(api.uses.map((u) => u.target)).toEqual(["db"]);
    expect(api.health?.command).toEqual(["curl", "-f", "http://localhost/health"]);
    expect(api.memory?.limit).toBe(512 * 2 ** 20);
    const instance = loaded.model!.environments[0]!.instances.find((i) => i.id === "api")!;
    expect(instance.replicas.max).toBe(2);
    expect(instance.publish.map((p) => `${p.bind ?? "*"}:${p.host ?? "any"}->${p.port.port}`)).toEqual([
      "127.0.0.1:8080->80",
      "*:9091->9090",
      "*:53->53",
      // "3000" publishes on a host port the system picks.
      "*:any->3000",
    ]);
    expect(loaded.model!.services.find((s) => s.id === "db")!.kind).toBe("database");
  });

  it("merges a later file over an earlier one, and points findings into the file that set them", async () => {
    const base = write("base.yaml", "services:\n  web: { image: 'nginx:1', ports: ['80:80'] }\n");
    const override = write("override.yaml", "services:\n  web: { image: 'nginx:latest' }\n");
    const loaded = await loadComposeAsModel([base, override]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "image-latest-tag",
    );
    expect(loaded.model!.services[0]!.image).toBe("nginx:latest");
    expect(found[0]?.file).toBe(override);
  });

  it("reports values of the wrong type where they are, reads them as nothing, and lets null leave a key unset", async () => {
    const file = write(
      "types.yaml",
      [
        "services:",
        "  a:",
        "    image: [x]",
        "    ports: 8080",
        "    depends_on: db",
        "    user: 1000",
        "    command:",
        "    cpus: 0.5",
        "  db: pg",
        "volumes: [data]",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-wrong-type@3:12",
      "schema-wrong-type@4:12",
      "schema-wrong-type@5:17",
      "schema-wrong-type@6:11",
      "schema-wrong-type@9:7",
      "schema-wrong-type@10:10",
    ]);
    expect(loaded.diagnostics.map((d) => d.message)).toContain(
      'services.a.depends_on must be a list or a mapping, not string "db"',
    );
    expect(loaded.model!.services.find((s) => s.id === "a")!.image).toBeUndefined();
  });

  it("refuses a container name Docker would refuse, where it is written, and reads it as none", async () => {
    const file = write(
      "names.yaml",
      [
        "services:",
        "  a: { image: 'x:1', container_name: my app }",
        "  b: { image: 'y:1', container_name: -db }",
        "  c: { image: 'z:1', container_name: shop_db-1.2 }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@2:38",
      "schema-invalid-value@3:38",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "container_name 'my app' of 'a' is not a name Docker accepts",
    );
    const names = loaded.model!.environments[0]!.instances.map((i) => i.containerName);
    expect(names).toEqual([undefined, undefined, "shop_db-1.2"]);
  });

  it("refuses ports no system has and a service that waits for itself, where they are written", async () => {
    const file = write(
      "refused.yaml",
      [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    ports: ['99999:80', '8080:70000', '8081:81', { target: 0, published: 9000 }, '0:82']",
        "    depends_on: [api, db]",
        "  db: { image: 'postgres:16' }",
        "  worker:",
        "    image: w:1",
        "    depends_on:",
        "      worker: { condition: service_started }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@4:13",
      "schema-invalid-value@4:25",
      "schema-invalid-value@4:50",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe("the port '99999:80' of 'api' is not one Docker accepts");
    const api = loaded.model!.services.find((s) => s.id === "api")!;
    expect(api.ports.map((p) => p.port)).toEqual([81, 82]);
    expect(api.uses.map((u) => u.target)).toEqual(["db"]);
    const cycle = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "dependency-cycle",
    );
    // In the map form, at the name.
    expect(located(cycle, loaded.sources)).toEqual(["dependency-cycle@5:18", "dependency-cycle@10:7"]);
    expect(cycle[0]!.message).toBe("'api' depends on itself, which Compose refuses");
  });

  it("finds the cycles Compose refuses through links, volumes_from and shared namespaces, as through depends_on", async () => {
    const file = write(
      "implicit.yaml",
      [
        "services:",
        "  a: { image: 'a:1', links: ['b:alias'] }",
        "  b: { image: 'b:1', volumes_from: ['a:ro'] }",
        "  c: { image: 'c:1', depends_on: [a] }",
        "  d: { image: 'd:1', network_mode: 'service:e' }",
        "  e: { image: 'e:1', pid: 'service:d' }",
        "  f: { image: 'f:1', links: [f] }",
        "  g: { image: 'g:1', depends_on: [h] }",
        "  h: { image: 'h:1', depends_on: [g], links: [g] }",
        // One way only: not a cycle.
        "  i: { image: 'i:1', links: [j], volumes_from: ['container:other'], ipc: 'service:j' }",
        "  j: { image: 'j:1', uts: 'service:nowhere' }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["unknown-service@11:27"]);
    expect(loaded.diagnostics[0]!.message).toBe("uts names 'nowhere', which no compose file here defines");
    const cycles = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "dependency-cycle",
    );
    // Each cycle once, at its first service (a and b, d and e, f alone); c, which waits on one from
    // outside, on its own. g and h wait on each other through depends_on: the model's cycle, found by
    // the rule itself, once.
    expect(located(cycles, loaded.sources)).toEqual([
      "dependency-cycle@2:30",
      "dependency-cycle@4:35",
      "dependency-cycle@5:36",
      "dependency-cycle@7:30",
      "dependency-cycle@8:3",
    ]);
    expect(cycles.map((d) => d.message).slice(0, 2)).toEqual([
      "'a' waits on a dependency cycle through links 'b', which Compose refuses",
      "'c' waits on a dependency cycle that Compose refuses: c → a → b → a",
    ]);
    expect(cycles[3]!.message).toBe("'f' names itself in links, which Compose refuses as a dependency cycle");
  });

  it("points a cycle that leaves a service through its depends_on at the entry on the cycle, and names the route", async () => {
    const file = write(
      "through-depends-on.yaml",
      [
        "services:",
        "  web:",
        "    image: shop/web:1.0",
        "    depends_on:",
        "      first:",
        "        condition: service_started",
        "      side:",
        "        condition: service_started",
        "  first: { image: 'first:1' }",
        "  side: { image: 'side:1', network_mode: 'service:web' }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    const cycles = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "dependency-cycle",
    );
    expect(located(cycles, loaded.sources)).toEqual(["dependency-cycle@7:7"]);
    expect(cycles[0]!.message).toBe(
      "'web' waits on a dependency cycle that Compose refuses: web → side → web",
    );
  });

  it.each([
    ["false", "not-required.yaml"],
    ["'false'", "not-required-text.yaml"],
  ])(
    "finds a cycle through a dependency with required: %s, not required, which Compose orders by all the same",
    async (required, name) => {
      const file = write(
        name,
        [
          "services:",
          `  a: { image: 'a:1', depends_on: { b: { condition: service_started, required: ${required} } } }`,
          "  b: { image: 'b:1', depends_on: [a] }",
          "",
        ].join("\n"),
      );
      const loaded = await loadComposeAsModel([file]);
      expect(loaded.model!.services[0]!.uses[0]!.optional).toBe(true);
      const cycles = checkModel(loaded.model!, { sources: loaded.sources }).filter(
        (d) => d.code === "dependency-cycle",
      );
      expect(located(cycles, loaded.sources)).toEqual(["dependency-cycle@2:39"]);
    },
  );

  it("keeps a container port published on two host ports as two ports, and an entry written twice as one", async () => {
    const file = write(
      "twice.yaml",
      [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    ports: ['80:80', '8080:80', '8080:80', '53:53', '53:53/udp', '5353:53/udp']",
        "  admin: { image: 'httpd:2.4', ports: ['80:3000'] }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    const web = loaded.model!.services.find((s) => s.id === "web")!;
    expect(portsOf(web)).toEqual([
      "p80=80/tcp",
      "p80-8080=80/tcp",
      "p53=53/tcp",
      "p53-udp=53/udp",
      "p53-udp-5353=53/udp",
    ]);
    const instance = loaded.model!.environments[0]!.instances.find((i) => i.service.id === "web")!;
    expect(instance.publish.map((p) => `${p.port.name}:${p.host}`)).toEqual([
      "p80:80",
      "p80-8080:8080",
      "p53:53",
      "p53-udp:53",
      "p53-udp-5353:5353",
    ]);
    // The first of the two host ports is the one another service takes as well.
    const clashes = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "host-port-conflict",
    );
    expect(located(clashes, loaded.sources)).toEqual(["host-port-conflict@5:40"]);
  });

  it("knows every port of a range, each published on its host port, and keeps a range too long to list as its first port", async () => {
    const file = write(
      "ranges.yaml",
      [
        "services:",
        "  app:",
        "    image: shop/app:1.0.0",
        "    ports: ['8000-8002:8000-8002', '9000-9001', '127.0.0.1:5000-5001:5000-5001/udp']",
        "  web:",
        "    image: shop/web:1.0.0",
        "    ports: ['8002:80']",
        "    environment: { APP_URL: 'http://app:9001', FEED: 'udp://app:5001' }",
        "  wide:",
        "    image: shop/wide:1.0.0",
        "    ports: ['1-65535:1-65535/udp']",
        "",
      ].join("\n"),
    );
    const started = performance.now();
    const loaded = await loadComposeAsModel([file]);
    expect(performance.now() - started).toBeLessThan(2_000);
    const service = (id: string) => loaded.model!.services.find((s) => s.id === id)!;
    expect(portsOf(service("app"))).toEqual([
      "p8000=8000/tcp",
      "p8001=8001/tcp",
      "p8002=8002/tcp",
      "p9000=9000/tcp",
      "p9001=9001/tcp",
      "p5000=5000/udp",
      "p5001=5001/udp",
    ]);
    const instance = loaded.model!.environments[0]!.instances.find((i) => i.id === "app")!;
    expect(instance.publish.map((p) => `${p.port.name}:${p.bind ?? ""}:${p.host ?? "any"}`)).toEqual([
      "p8000::8000",
      "p8001::8001",
      "p8002::8002",
      "p9000::any",
      "p9001::any",
      "p5000:127.0.0.1:5000",
      "p5001:127.0.0.1:5001",
    ]);
    expect(portsOf(service("wide"))).toEqual(["p1=1/udp"]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    // The variables point at ports app declares; 8002 is one of app's host ports, and the long
    // range takes app's UDP ports: each found once.
    expect(found.filter((d) => d.code === "use-port-undeclared")).toEqual([]);
    expect(
      located(
        found.filter((d) => d.code === "host-port-conflict"),
        loaded.sources,
      ),
    ).toEqual(["host-port-conflict@7:13", "host-port-conflict@11:13"]);
  });

  it("reads the ports expose declares as the service's own, published nowhere, where they are written", async () => {
    const file = write(
      "expose.yaml",
      [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    ports: ['8080:80']",
        "    expose: ['80', 9000-9010, '53/udp', 8443, 'http']",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    const web = loaded.model!.services.find((s) => s.id === "web")!;
    // 80 is published already; a range is a port each, as in ports; 'http' is reported, and left out.
    const range = Array.from({ length: 11 }, (_, i) => `p${9000 + i}=${9000 + i}/tcp`);
    expect(portsOf(web)).toEqual(["p80=80/tcp", ...range, "p53=53/udp", "p8443=8443/tcp"]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["schema-invalid-value@5:47"]);
    const instance = loaded.model!.environments[0]!.instances[0]!;
    expect(instance.publish.map((p) => `${p.port.name}:${p.host}`)).toEqual(["p80:8080"]);
    // The port is located where expose names it.
    const at = web.ports.find((p) => p.name === "p8443")!.at;
    expect(loaded.sources.get(at.file)!.slice(at.start, at.start + 4)).toBe("8443");
  });

  it("lints a file whose only error is a request above its limit, each rule at its configured severity", async () => {
    const file = write(
      "over.yaml",
      [
        'version: "3"',
        "services:",
        "  api:",
        "    image: nginx:latest",
        "    deploy: { resources: { limits: { memory: 512m }, reservations: { memory: 1g } } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    // At the reservation, the number to lower, with the service and what it reserves.
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["invalid-range@5:78"]);
    expect(loaded.diagnostics[0]!.message).toBe("the memory request 1Gi of 'api' is above its limit 512Mi");
    const found = checkModel(loaded.model!, {
      sources: loaded.sources,
      severities: { "compose-obsolete-version": "off" },
    });
    expect(found.map((d) => d.code)).toContain("image-latest-tag");
    expect(found.map((d) => d.code)).not.toContain("compose-obsolete-version");
  });

  it("keeps an image whose variables are not set as written, so only the variable is reported", async () => {
    const file = write(
      "images.yaml",
      [
        "services:",
        "  api: { image: '${API_IMAGE:?set the image}' }",
        "  web: { image: 'shop/web:${TAG}' }",
        "  worker: { image: 'shop/worker:${WORKER_TAG:-latest}' }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    const images = Object.fromEntries(loaded.model!.services.map((s) => [s.id, s.image]));
    expect(images).toEqual({
      api: "${API_IMAGE:?set the image}",
      web: "shop/web:${TAG}",
      // A default written in the file is what runs where nothing sets the variable.
      worker: "shop/worker:latest",
    });
    const found = [...loaded.diagnostics, ...checkModel(loaded.model!, { sources: loaded.sources })].filter(
      (d) => d.code !== "missing-health-check",
    );
    expect(located(found, loaded.sources).sort()).toEqual([
      "compose-required-variable@2:18",
      "compose-unset-variable@3:27",
      "image-latest-tag@4:20",
    ]);
  });

  it("reports a variable unset where it is used without a default, and required where it is required, whichever comes first", async () => {
    const file = write(
      "uses.yaml",
      [
        "services:",
        "  db: { image: 'postgres:16', environment: { POSTGRES_PASSWORD: '${PG_PASS:?set it}' } }",
        "  api: { image: 'shop/api:1', environment: { DB_PASSWORD: '${PG_PASS}', MODE: '${MODE:-dev}' } }",
        "  web: { image: 'shop/web:1', environment: { DB_PASSWORD: '${PG_PASS}' } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "compose-unset-variable@3:60",
      "compose-required-variable@2:66",
    ]);
  });

  it("quotes the message a required variable is written with, and says no more than required where it has none", async () => {
    const file = write(
      "required.yaml",
      [
        "services:",
        "  api:",
        "    image: 'api:${TAG:?set TAG to the release}'",
        "    environment: { MODE: '${MODE:?}', LEVEL: '${LEVEL?}' }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      'the variable TAG is required, and not set: "set TAG to the release"',
      "the variable MODE is required, and not set",
      "the variable LEVEL is required, and not set",
    ]);
  });

  it("keeps a reservation without a limit a request, so that nothing generated from it caps the service", async () => {
    const file = write(
      "reservations.yaml",
      [
        "services:",
        "  api: { image: 'api:1', deploy: { resources: { reservations: { memory: 256m, cpus: '0.5' } } } }",
        "  worker: { image: 'worker:1', mem_reservation: 128m }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    const [api, worker] = loaded.model!.services;
    expect([api!.memory?.requestOnly, api!.cpu?.requestOnly, worker!.memory?.requestOnly]).toEqual([
      true,
      true,
      true,
    ]);
    expect(api!.memory?.request).toBe(256 * 1024 ** 2);
  });

  it("reads memory and CPU from the service-level keys too, and refuses a restart policy Docker does not know", async () => {
    const file = write(
      "levels.yaml",
      [
        "services:",
        "  a: { image: 'a:1', mem_limit: 1g, mem_reservation: 256m, cpus: 0.5, restart: 'on-failure:3' }",
        "  b: { image: 'b:1', mem_limit: 1g, deploy: { resources: { limits: { memory: 2g } } } }",
        "  c: { image: 'c:1', restart: sometimes }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    // b's two limits differ, which Compose refuses; the model takes deploy.resources'.
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@4:31",
      "compose-conflicting-keys@3:33",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe("'sometimes' is not a restart policy Docker knows");
    const [a, b, c] = loaded.model!.services;
    const mi = 1024 ** 2;
    expect([a!.memory?.request, a!.memory?.limit, a!.cpu?.limit, a!.restart, a!.maxRestarts]).toEqual([
      256 * mi,
      1024 * mi,
      // Millicores.
      500,
      "on-failure",
      3,
    ]);
    // deploy.resources says it for itself.
    expect(b!.memory?.limit).toBe(2048 * mi);
    expect(c!.restart).toBeUndefined();
  });

  it("reports keys Compose or Docker refuse together, and a health check test of no form Compose knows", async () => {
    const file = write(
      "consistency.yaml",
      [
        "services:",
        "  vpn: { image: 'vpn:1', ports: ['8080:8080'], healthcheck: { test: [curl, -f, 'http://localhost/'] } }",
        "  app: { image: 'app:1', network_mode: 'service:vpn', ports: ['9090:9090'] }",
        "  other: { image: 'other:1', network_mode: 'container:abc', networks: [default] }",
        "  fine: { image: 'fine:1', network_mode: host, healthcheck: { test: [CMD-SHELL, 'true'] } }",
        "  torrent: { image: 'torrent:1', network_mode: 'service:vpn', hostname: torrent, dns: 1.1.1.1, expose: ['6881'] }",
        "  behind: { image: 'behind:1', network_mode: 'service:vpn', extra_hosts: ['db:10.0.0.5'], links: [vpn], dns: [] }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@2:70",
      "compose-conflicting-keys@3:62",
      "compose-conflicting-keys@4:71",
      "compose-conflicting-keys@6:73",
      "compose-conflicting-keys@6:87",
      "compose-conflicting-keys@6:104",
      "compose-conflicting-keys@7:98",
      "compose-conflicting-keys@7:74",
    ]);
    expect(loaded.diagnostics[3]!.message).toBe(
      "'torrent' sets a host name (hostname), but runs in the network stack of 'vpn' (network_mode: service:vpn), where Docker refuses it",
    );
    expect(loaded.diagnostics[0]!.hint).toBe(
      "start it with CMD to run the words as they are: [CMD, curl, -f, http://localhost/]",
    );
  });

  it("reports durations, exposed ports and ulimits Compose or Docker cannot take, and an unreadable CPU count where it is written", async () => {
    const file = write(
      "formats.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    expose: [abc, '80', 8000-9000, 53/udp, 70000]",
        "    healthcheck: { test: [CMD, 'true'], interval: 30 seconds, timeout: 10, start_period: 1m30, start_interval: 0 }",
        "    stop_grace_period: 1m30s",
        "    cpus: many",
        "    ulimits: { nofile: { soft: 20000, hard: 10000 }, nproc: 65535, core: { soft: 0, hard: 0 } }",
        "    deploy: { restart_policy: { condition: on-failure, delay: 5 } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@5:51",
      "schema-invalid-value@5:90",
      "schema-invalid-value@4:14",
      "schema-invalid-value@4:44",
      "runtime-refused@8:24",
      // A number, 0 as much as 10, is no duration to Compose, whose schema takes text.
      "schema-wrong-type@5:72",
      "schema-wrong-type@5:112",
      "schema-invalid-value@7:11",
      "schema-wrong-type@9:63",
    ]);
    expect(loaded.diagnostics[1]!.message).toBe(
      "healthcheck.start_period of 'a' is '1m30', which is not a duration Compose reads",
    );
    expect(loaded.diagnostics[5]!.message).toBe("services.a.healthcheck.timeout must be text, not number 10");
  });

  it("quotes a number a finding is about as the file writes it, not as it is read", async () => {
    const file = write(
      "numbers.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    ports: [0x10000, { target: 1e6 }]",
        "    expose: [0x1ffff]",
        "    mem_limit: 1e3",
        "    deploy: { replicas: -1e0 }",
        "    ulimits: { nofile: { soft: 2e1, hard: 1e1 } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "the port '0x10000' of 'a' is not one Docker accepts",
      "the port 'target 1e6' of 'a' is not one Docker accepts",
      "'a' sets a memory limit of 1000 bytes (mem_limit: 1e3), where Docker refuses less than 6 MB",
      "'a' asks for -1e0 containers (deploy.replicas), which Compose cannot run: `up` stops with an internal error",
      "'a' exposes '0x1ffff', which is not a port Compose reads",
      "the ulimit nofile of 'a' has a soft limit of 2e1 above its hard limit of 1e1, which Docker refuses",
    ]);
  });

  it("reads durations in microseconds written with the micro sign or the Greek mu, as Go does", async () => {
    const file = write(
      "micro.yaml",
      "services:\n  a:\n    image: a:1.0\n    healthcheck: { test: [CMD, 'true'], interval: 5000\u00b5s, timeout: 2000\u03bcs }\n",
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const bad = await loadComposeAsModel([
      write("micro-bad.yaml", "services:\n  a:\n    image: a:1.0\n    stop_grace_period: 2\u00b5x\n"),
    ]);
    expect(located(bad.diagnostics, bad.sources)).toEqual(["schema-invalid-value@4:24"]);
  });

  it("holds what is inside services and top-level entries to the Compose Specification: unknown keys, values it does not take", async () => {
    const file = write(
      "nested.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    pull_policy: sometimes",
        "    build: { context: ., dockerfil: Dockerfile, args: { A: 1 }, x-note: fine }",
        "    healthcheck: { test: [CMD, 'true'], intervall: 30s, retries: '3' }",
        "    depends_on: { b: { condtion: service_healthy, condition: service_healty } }",
        "    deploy: { replicas: 2, resources: { limits: { memory: 1g, cpu: 1 } } }",
        "    ports: [{ target: 80, publshed: 8080 }, '8081:81', 8082]",
        "    volumes: [{ type: bnd, source: ., target: /x }, { type: volume, source: v, target: /y, volume: { nocopy: true } }]",
        "    logging: { driver: json-file, options: { max-size: 10m } }",
        "    environment: { A: 1, B: true, C: null }",
        "    ulimits: { nofile: 1024, nproc: { soft: 1, hard: 2 } }",
        "  b: { image: b:1.0, healthcheck: { test: [CMD, 'true'] } }",
        "networks:",
        "  front: { drivr: bridge, ipam: { config: [{ subnet: 10.0.0.0/24, gatway: 10.0.0.1 }] } }",
        "volumes:",
        "  v: { lables: { a: b } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@4:18",
      "compose-unknown-key@5:26",
      "compose-unknown-key@6:41",
      "compose-unknown-key@7:24",
      "schema-invalid-value@7:62",
      "compose-unknown-key@8:63",
      "compose-unknown-key@9:27",
      "schema-invalid-value@10:23",
      "compose-unknown-key@16:12",
      "compose-unknown-key@16:67",
      "compose-unknown-key@18:8",
    ]);
    const messages = loaded.diagnostics.map((d) => `${d.message} | ${d.hint}`);
    expect(messages[1]).toBe(
      "'dockerfil' is not a key Compose knows in services.a.build, so Compose refuses the file | did you mean 'dockerfile'?",
    );
    expect(messages[4]).toBe(
      "services.a.depends_on.b.condition is 'service_healty', which Compose does not take (service_started, service_healthy, service_completed_successfully) | did you mean 'service_healthy'?",
    );
  });

  it("reports text Compose reads as a boolean or a number, and cannot, where it is written", async () => {
    const file = write(
      "parsed.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    privileged: 'yes please'",
        "    read_only: 'true'",
        "    healthcheck: { test: [CMD, 'true'], retries: three }",
        "    deploy: { replicas: two, resources: { limits: { cpus: many } } }",
        "    ulimits: { nofile: lots, nproc: { soft: '10', hard: ten } }",
        "    scale: '${SCALE:-2}'",
        "    init: off",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@4:17",
      "schema-invalid-value@6:50",
      "schema-invalid-value@7:25",
      "schema-invalid-value@7:59",
      "schema-invalid-value@8:24",
      "schema-invalid-value@8:57",
    ]);
    expect(loaded.diagnostics.map((d) => `${d.message} | ${d.hint}`).slice(0, 3)).toEqual([
      "services.a.privileged is 'yes please', which Compose does not read as true or false | write true or false",
      "services.a.healthcheck.retries is 'three', which Compose does not read as a number | write a number, such as 0.5",
      "services.a.deploy.replicas is 'two', which Compose does not read as a whole number | write a whole number, such as 3",
    ]);
  });

  it("takes text Compose reads as true or false where the specification takes only a boolean, as Compose turns it into one first", async () => {
    const file = write(
      "cast.yaml",
      [
        "services:",
        "  a: { image: 'a:1', depends_on: { b: { condition: service_started, required: 'false' } } }",
        "  b: { image: 'b:1', depends_on: { c: { condition: service_started, required: 'maybe' } } }",
        "  c: { image: 'c:1' }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["schema-wrong-type@3:79"]);
    expect(loaded.diagnostics[0]!.message).toBe(
      'services.b.depends_on.c.required must be true or false, not string "maybe"',
    );
  });

  it("reports an entry written twice in a list the specification wants unique, as Compose refuses it", async () => {
    const file = write(
      "repeated.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        '    ports: ["127.0.0.1:514:514/udp", "127.0.0.1:514:514/udp", { target: 80, published: "8080" }, { published: "8080", target: 80 }]',
        "    dns: [1.1.1.1, 8.8.8.8]",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    const repeated = loaded.diagnostics.filter((d) => d.code === "schema-invalid-value");
    // An object the same but for the order of its keys is the same entry.
    expect(located(repeated, loaded.sources)).toEqual([
      "schema-invalid-value@4:38",
      "schema-invalid-value@4:98",
    ]);
    expect(repeated[0]!.message).toBe(
      "services.a.ports has '127.0.0.1:514:514/udp' twice (entries 1 and 2), which Compose refuses: each must be unique",
    );
  });

  it("reports an environment entry written twice to the letter once, as the entry Compose refuses", async () => {
    const file = write(
      "same-entry.yaml",
      "services:\n  app:\n    image: nextcloud:27-apache\n    environment:\n      - REDIS_HOST=redis\n      - REDIS_HOST=redis\n",
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["schema-invalid-value"]);
    expect(checkModel(loaded.model!, { sources: loaded.sources }).map((d) => d.code)).not.toContain(
      "duplicate-variable",
    );
  });

  it("reports an environment entry of the list form named __proto__ or constructor where it is written, and leaves it out", async () => {
    const file = write(
      "prototype-entries.yaml",
      [
        "services:",
        "  app:",
        "    image: app:1.0",
        "    environment: [constructor=1, LOG_LEVEL=info]",
        "  worker:",
        "    image: worker:1.0",
        "    environment:",
        "      - QUEUE=jobs",
        "      - __proto__",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["forbidden-key@4:19", "forbidden-key@9:9"]);
    expect(loaded.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        "warning",
        "the variable 'constructor' of 'app' is left out: the name constructor is refused for safety, as it could tamper with the objects that hold variables",
      ],
      [
        "warning",
        "the variable '__proto__' of 'worker' is left out: the name __proto__ is refused for safety, as it could tamper with the objects that hold variables",
      ],
    ]);
    const env = (id: string) => loaded.model!.services.find((s) => s.id === id)!.env.map((v) => v.name);
    expect(env("app")).toEqual(["LOG_LEVEL"]);
    expect(env("worker")).toEqual(["QUEUE"]);
  });

  it("reports what Compose wants to agree and does not, a build that names two Dockerfiles, a watch with nowhere to copy to, secrets and configs with no source or two, and what is external and made too", async () => {
    const file = write(
      "agreement.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    scale: 2",
        "    cpus: 0.5",
        "    mem_limit: 1g",
        "    mem_reservation: 512m",
        "    deploy: { replicas: 3, resources: { limits: { cpus: '0.5', memory: 1024M }, reservations: { memory: 256M } } }",
        "  b:",
        "    build: { context: ., dockerfile: Dockerfile, dockerfile_inline: FROM alpine, platforms: [linux/amd64] }",
        "    platform: linux/arm64",
        "    develop: { watch: [{ path: ./src, action: sync }, { path: ./package.json, action: rebuild }] }",
        "secrets:",
        "  token: {}",
        "  kept: { external: true }",
        "  older: { external: { name: x } }",
        "  read: { environment: TOKEN }",
        "  inline: { content: s3cret }",
        "configs:",
        "  both: { file: ./app.conf, content: 'a = 1' }",
        "  made: { driver: custom }",
        "volumes:",
        "  data: { external: true, driver: local }",
        "  named: { external: true, name: shop_data }",
        "networks:",
        "  front: { external: true, x-note: shared with the proxy }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    // 1g and 1024M are the same size, as 0.5 and '0.5' are the same CPUs.
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "compose-conflicting-keys@4:12",
      "compose-conflicting-keys@7:22",
      "compose-conflicting-keys@10:69",
      "compose-conflicting-keys@11:15",
      "schema-invalid-value@12:24",
      "schema-invalid-value@14:10",
      "compose-conflicting-keys@20:38",
      "compose-conflicting-keys@23:35",
      // A secret takes no inline content, and a config no driver.
      "compose-unknown-key@18:13",
      "compose-unknown-key@21:11",
    ]);
  });

  it("reports what the container runtime refuses: a capability Linux does not have, a kernel parameter of the host's, a protocol no port has", async () => {
    const file = write(
      "runtime.yaml",
      [
        "services:",
        "  es:",
        "    image: elasticsearch:8.15.0",
        "    sysctls: [vm.max_map_count=262144, net.core.somaxconn=1024, fs.mqueue.msg_max=100, kernel.shmmax=68719476736]",
        "    cap_add: [NET_ADMINS, cap_sys_ptrace, ALL]",
        "    cap_drop: [NET_RAWW]",
        "    ports: ['9200:9200/http', '9300:9300/udp', { target: 9400, protocol: TCP }]",
        "  edge:",
        "    image: nginx:1.27",
        "    network_mode: host",
        "    sysctls: { net.ipv4.ip_forward: 1 }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@7:13",
      "runtime-refused@4:15",
      "runtime-refused@11:37",
      "runtime-refused@5:15",
      "runtime-refused@6:16",
    ]);
    expect(loaded.diagnostics[1]!.hint).toBe(
      "set it on the host (sysctl -w, or /etc/sysctl.d), not in the container",
    );
    // Such errors hide no other finding: the file is linted all the same.
    expect(loaded.model).toBeDefined();
  });

  it("reports a bind mount's propagation that Docker does not know, which it refuses to mount", async () => {
    const file = write(
      "propagation.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    volumes:",
        "      - { type: bind, source: ./, target: /a, bind: { propagation: sideways } }",
        "      - { type: bind, source: ./, target: /b, bind: { propagation: rslave } }",
        "      - type: bind",
        "        source: ./",
        "        target: /c",
        "        bind:",
        "          propagation: RSHARED",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "runtime-refused@5:68",
      "runtime-refused@11:24",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "'a' mounts ./ with the propagation 'sideways', which Docker refuses: it takes private, rprivate, shared, rshared, slave or rslave",
    );
  });

  it("reports a stop signal Docker does not know, which it refuses to make the container with", async () => {
    const file = write(
      "signals.yaml",
      [
        "services:",
        "  a: { image: 'a:1.0', stop_signal: SIGFOO }",
        "  b: { image: 'b:1.0', stop_signal: sigquit }",
        "  c: { image: 'c:1.0', stop_signal: WINCH }",
        "  d: { image: 'd:1.0', stop_signal: 'SIGRTMIN+3' }",
        "  e: { image: 'e:1.0', stop_signal: '15' }",
        "  f: { image: 'f:1.0', stop_signal: '0' }",
        "  g: { image: 'g:1.0', stop_signal: SIGTERM }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "runtime-refused@2:37",
      "runtime-refused@7:37",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "'a' stops with the signal 'SIGFOO', which Docker does not know and refuses to make the container with",
    );
  });

  it("reports a fixed IPv4 address outside its network's subnets, or on a network with none given, which Docker refuses", async () => {
    const file = write(
      "addresses.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    networks:",
        "      back: { ipv4_address: 10.9.0.5 }",
        "      front: { ipv4_address: 172.28.1.10 }",
        "      plain: { ipv4_address: 192.168.5.5 }",
        "      outside: { ipv4_address: 10.0.0.9 }",
        "  b:",
        "    image: b:1.0",
        "    networks: { back: { ipv4_address: 10.8.255.254 } }",
        "networks:",
        "  back: { ipam: { config: [{ subnet: 10.8.0.0/16 }, { subnet: 'fd00::/64' }] } }",
        "  front: { ipam: { config: [{ subnet: 172.28.0.0/16, gateway: 172.28.0.1 }] } }",
        "  plain: {}",
        "  outside: { external: true }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "runtime-refused@5:29",
      "runtime-refused@7:30",
    ]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "'a' takes the address 10.9.0.5 on the network 'back', outside its subnet 10.8.0.0/16: Docker refuses it",
      "'a' takes the address 192.168.5.5 on the network 'plain', which gives no subnet: Docker takes a fixed address only on a network whose subnets are written",
    ]);
  });

  it("reports a negative count of containers, which Compose reads but crashes on at up", async () => {
    const file = write(
      "counts.yaml",
      [
        "services:",
        "  a: { image: a:1.0, scale: -1 }",
        "  b: { image: b:1.0, deploy: { replicas: -2 } }",
        "  c: { image: c:1.0, deploy: { replicas: 0 }, scale: 0 }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "runtime-refused@2:29",
      "runtime-refused@3:42",
    ]);
    expect(loaded.diagnostics[1]!.message).toBe(
      "'b' asks for -2 containers (deploy.replicas), which Compose cannot run: `up` stops with an internal error",
    );
    // The refused count does not reach the model, where it would be run -1 times.
    expect(loaded.model!.environments[0]!.instances.map((i) => [i.id, i.replicas.min])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 0],
    ]);
  });

  it("reports a port bound to a host name, which Compose refuses, and takes every form of an address", async () => {
    const file = write(
      "binds.yaml",
      "services:\n  db:\n    image: postgres:16\n    ports: ['localhost:5433:5432', '127.0.0.1:5434:5432', '[::1]:5435:5432', '::1:5436:5432', { target: 5432, published: 5437, host_ip: db.local }]\n",
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@4:13",
      "schema-invalid-value@4:95",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "the port 'localhost:5433:5432' of 'db' is not one Docker accepts: 'localhost' is no IP address, and Compose binds to addresses, not host names",
    );
  });

  it("reports a port bound to colons that make no IPv6 address, and takes those that do", async () => {
    const file = write(
      "colons.yaml",
      "services:\n  api:\n    image: a:1\n    ports: ['::8081:80', '1:2:8082:80', ':::8083:80', '1:2:3:4:5:6:7:8:8084:80', '::ffff:10.0.0.1:8085:80', 'fe80::1:2:3:4:5:6:7:8086:80', '10.0.0.1:::8087:80']\n",
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@4:13",
      "schema-invalid-value@4:26",
      "schema-invalid-value@4:109",
      "schema-invalid-value@4:140",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "the port '::8081:80' of 'api' is not one Docker accepts: ':' is no IP address, and Compose binds to addresses, not host names",
    );
  });

  it("reports a memory size too small for Docker to start in, and port ranges it cannot map, where they are written", async () => {
    const file = write(
      "small.yaml",
      [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    mem_reservation: 100",
        "    ports: ['8080-8079:80', '9000-9010:80-85', '6000:6000-6002', '7000-7002:7000-7002', '127.0.0.1:8000-8010:80']",
        "    deploy: { resources: { limits: { memory: 4m } } }",
        "  web: { image: 'web:1.0', mem_limit: 64m, deploy: { resources: { reservations: { memory: 6M } } } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@5:13",
      "schema-invalid-value@5:29",
      "schema-invalid-value@5:48",
      "runtime-refused@4:22",
      "runtime-refused@6:46",
    ]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "the port '8080-8079:80' of 'api' is not one Docker accepts: a range that ends before it starts",
      "the port '9000-9010:80-85' of 'api' is not one Docker accepts: the host and container ranges differ in length",
      "the port '6000:6000-6002' of 'api' is not one Docker accepts: the host and container ranges differ in length",
      "'api' sets a memory reservation of 100 bytes (mem_reservation: 100), where Docker refuses less than 6 MB",
      "'api' sets a memory limit of 4194304 bytes (deploy.resources.limits.memory: 4m), where Docker refuses less than 6 MB",
    ]);
    expect(loaded.diagnostics.map((d) => d.hint).slice(3)).toEqual([
      "a number without a unit is bytes: write 100m for megabytes",
      "give it at least 6m",
    ]);
  });

  it("refuses a whole number beyond what Compose parses, saying why", async () => {
    const file = write(
      "huge.yaml",
      "services:\n  web: { image: 'web:1.0', deploy: { replicas: 99999999999999999999 } }\n",
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "services.web.deploy.replicas must be a whole number or text, not number 99999999999999999999, beyond the largest Compose reads (9223372036854775807)",
    ]);
  });

  it("names a number YAML reads as no finite one as it is written, .nan or .inf, not as null", async () => {
    const file = write(
      "not-finite.yaml",
      "services:\n  web: { image: 'web:1.0', build: .nan, healthcheck: { test: [CMD, 'true'], timeout: -.inf } }\n",
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "services.web.build must be text or a mapping, not number .nan",
      "services.web.healthcheck.timeout must be text, not number -.inf",
    ]);
  });

  it("reads a port as Docker does, digits or a range of them: a sign or a half range is none, an empty host port is any", async () => {
    const file = write(
      "signs.yaml",
      [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    ports: ['-1:80', '80-:81', '8081:+82', ':83', '127.0.0.1::84', '0:85', { target: 86, published: '-86' }]",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "the port '-1:80' of 'api' is not one Docker accepts",
      "the port '80-:81' of 'api' is not one Docker accepts",
      "the port '8081:+82' of 'api' is not one Docker accepts",
      "the port 'target 86, published -86' of 'api' is not one Docker accepts",
    ]);
    expect(loaded.model!.services.find((s) => s.id === "api")!.ports.map((p) => p.port)).toEqual([
      83, 84, 85,
    ]);
  });

  it("names a long-syntax port without a target by what it writes, and says that it lacks one", async () => {
    const file = write(
      "no-target.yaml",
      "services:\n  api:\n    image: api:1.0\n    ports: [{ published: 8080 }, {}, { target: null, protocol: udp }]\n",
    );
    const loaded = await loadComposeAsModel([file]);
    const refused = loaded.diagnostics.filter((d) => d.code === "schema-invalid-value");
    expect(located(refused, loaded.sources)).toEqual([
      "schema-invalid-value@4:13",
      "schema-invalid-value@4:34",
      "schema-invalid-value@4:38",
    ]);
    expect(refused.map((d) => d.message)).toEqual([
      "the port 'published 8080' of 'api' is not one Docker accepts: it names no target, the port in the container",
      "the port '{}' of 'api' is not one Docker accepts: it names no target, the port in the container",
      "the port 'protocol udp' of 'api' is not one Docker accepts: it names no target, the port in the container",
    ]);
    expect(refused[0]!.hint).toBe("add target, the container's port: { target: 80, published: 8080 }");
  });

  it("refuses a range that ends past the last port, on the host or in the container, rather than spread it past 65535", async () => {
    const file = write(
      "range-ends.yaml",
      [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    ports: ['65530-65540:65530-65540', '65535-65536:80', '8000-8001:8000-8001']",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "the port '65530-65540:65530-65540' of 'api' is not one Docker accepts",
      "the port '65535-65536:80' of 'api' is not one Docker accepts",
    ]);
    expect(loaded.model!.services.find((s) => s.id === "api")!.ports.map((p) => p.port)).toEqual([
      8000, 8001,
    ]);
  });

  it("spreads a project's short ranges, of either syntax and of expose, until together they pass 4,096 ports; then none", async () => {
    const portsOf = async (name: string, services: string[]) => {
      const file = write(name, ["services:", ...services, ""].join("\n"));
      const loaded = await loadComposeAsModel([file]);
      return loaded.model!.services.map((s) => s.ports.length);
    };
    const ranged = (count: number) =>
      Array.from({ length: count }, (_, i) => {
        const first = 10000 + i * 256;
        const range = `${first}-${first + 255}`;
        // Each service writes its range its own way: short, long, exposed.
        const ports = [
          `ports: ['${range}:${range}']`,
          `ports: [{ target: '${range}', published: '${range}' }]`,
          `expose: ['${range}']`,
        ][i % 3];
        return `  s${i}: { image: 's:1', ${ports} }`;
      });
    // 16 ranges of 256 are 4,096 ports: each spread.
    expect(await portsOf("ranges-within.yaml", ranged(16))).toEqual(Array(16).fill(256));
    // One more, of any syntax, and each range stays one port.
    expect(await portsOf("ranges-beyond.yaml", ranged(17))).toEqual(Array(17).fill(1));
  });

  it("reports health check tests written so that they cannot work: a command line as one exec word, shell syntax in the exec form, CMD-SHELL in words", async () => {
    const file = write(
      "health-tests.yaml",
      [
        "services:",
        "  a: { image: 'a:1', healthcheck: { test: [CMD, 'curl -f http://localhost/health'] } }",
        "  b: { image: 'b:1', healthcheck: { test: [CMD-SHELL, curl, -f, 'http://localhost/health'] } }",
        "  c: { image: 'c:1', healthcheck: { test: [CMD, curl, -f, 'http://localhost/ || exit 1'] } }",
        "  d: { image: 'd:1', healthcheck: { test: [CMD, curl, -f, 'http://localhost/', '||', exit, '1'] } }",
        "  e: { image: 'e:1', healthcheck: { test: [CMD, /bin/bash, -c, 'exec 3<>/dev/tcp/127.0.0.1/80 && cat <&3 || exit 1'] } }",
        "  f: { image: 'f:1', healthcheck: { test: [CMD-SHELL, 'pg_isready -U app || exit 1'] } }",
        "  g: { image: 'g:1', healthcheck: { test: [CMD, redis-cli, ping] } }",
        "  h: { image: 'h:1', healthcheck: { test: 'curl -f http://localhost/ || exit 1' } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    // A shell's -c (e), the shell form (f, h) and an exec form of words (g) are as they should be.
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@2:49",
      "schema-invalid-value@3:61",
      "schema-invalid-value@4:59",
      "schema-invalid-value@5:80",
    ]);
    expect(loaded.diagnostics[0]!.hint).toBe(
      'split it into words, [CMD, curl, -f, http://localhost/health], or let a shell read it: [CMD-SHELL, "curl -f http://localhost/health"]',
    );
  });

  it("reports a health check test written as one line that starts with CMD, CMD-SHELL or NONE, which the shell takes for a program", async () => {
    const file = write(
      "health-lines.yaml",
      [
        "services:",
        "  a: { image: 'a:1', healthcheck: { test: 'CMD curl -f http://localhost/' } }",
        "  b: { image: 'b:1', healthcheck: { test: 'CMD-SHELL pg_isready' } }",
        "  c: { image: 'c:1', healthcheck: { test: NONE } }",
        "  d: { image: 'd:1', healthcheck: { test: 'CMDLINE=1 run-check' } }",
        "  e: { image: 'e:1', healthcheck: { test: 'curl -f http://localhost/ || exit 1' } }",
        "  f: { image: 'f:1', healthcheck: { test: 'CMD curl -f http://localhost/ || exit 1' } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@2:43",
      "schema-invalid-value@3:43",
      "schema-invalid-value@4:43",
      "schema-invalid-value@7:43",
    ]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "the health check of 'a' is one line, which Compose hands to a shell, and the shell runs a program named CMD, which does not exist: the check fails every time",
      "the health check of 'b' is one line, which Compose hands to a shell, and the shell runs a program named CMD-SHELL, which does not exist: the check fails every time",
      "the health check of 'c' is one line, which Compose hands to a shell, and the shell runs a program named NONE, which does not exist: the check fails every time",
      "the health check of 'f' is one line, which Compose hands to a shell, and the shell runs a program named CMD, which does not exist: the check fails every time",
    ]);
    expect(loaded.diagnostics.map((d) => d.hint)).toEqual([
      'write it as a list: [CMD, curl, -f, http://localhost/], or as the line alone: "curl -f http://localhost/"',
      'write it as a list: [CMD-SHELL, "pg_isready"], or as the line alone: "pg_isready"',
      "to turn the image's health check off, write [NONE] or disable: true",
      'a shell reads it: write the line alone, "curl -f http://localhost/ || exit 1"',
    ]);
  });

  it("reports a health check test of CMD or CMD-SHELL with no command after it, at the test", async () => {
    const file = write(
      "health-empty.yaml",
      [
        "services:",
        "  a: { image: 'a:1', healthcheck: { test: [CMD] } }",
        "  b: { image: 'b:1', healthcheck: { test: [CMD-SHELL] } }",
        "  c: { image: 'c:1', healthcheck: { test: [CMD, ''] } }",
        "  d: { image: 'd:1', healthcheck: { test: [NONE] } }",
        "  e: { image: 'e:1', healthcheck: { test: [CMD, 'true'] } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@2:43",
      "schema-invalid-value@3:43",
      "schema-invalid-value@4:43",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "the health check of 'a' is CMD with no command after it: Docker has nothing to run, and the check fails every time",
    );
    expect(loaded.diagnostics[1]!.message).toBe(
      "the health check of 'b' is CMD-SHELL with no command after it: the shell is given nothing to run, and the check fails every time",
    );
  });

  it("quotes a health check's command in its finding with the password it passes left out", async () => {
    const file = write(
      "health-secrets.yaml",
      [
        "services:",
        "  a: { image: 'a:1', healthcheck: { test: 'CMD curl -fsu elastic:s3cretpass1 http://localhost:9200' } }",
        "  b: { image: 'b:1', healthcheck: { test: [CMD, 'curl -u elastic:s3cretpass2 http://localhost:9200'] } }",
        "  c: { image: 'c:1', healthcheck: { test: [CMD-SHELL, mysqladmin, ping, -ps3cretpass3] } }",
        "  d: { image: 'd:1', healthcheck: { test: [CMD, redis-cli, -a, s3cretpass4, ping, '||', exit, '1'] } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    const said = loaded.diagnostics
      .filter((d) => d.code === "schema-invalid-value")
      .map((d) => `${d.message} ${d.hint}`);
    expect(said).toHaveLength(4);
    for (const text of said) expect(text).not.toMatch(/s3cretpass/);
  });

  it("reports volumes Docker refuses to mount at a relative path, and warns of an option Compose passes over", async () => {
    const file = write(
      "mounts.yaml",
      [
        "services:",
        "  a:",
        "    image: a:1.0",
        "    volumes: ['./data:data', './conf:/etc/app:rox', 'rv:/srv:ro,z', { type: bind, source: ./x, target: x }]",
        "    tmpfs: [run, /tmp]",
        "volumes: { rv: {} }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "runtime-refused@4:15",
      "schema-invalid-value@4:30",
      "runtime-refused@4:69",
      "runtime-refused@5:13",
    ]);
    expect(loaded.diagnostics[1]!.severity).toBe("warning");
    expect(loaded.diagnostics[1]!.message).toBe(
      "'a' mounts a volume with the option 'rox', which Compose passes over: the volume is mounted read-write",
    );
    // Reported where they are written, and left out of the model: the volume rv at /srv stays.
    expect(loaded.model!.services[0]!.volumes.map((v) => v.path)).toEqual(["/etc/app", "/srv", "/tmp"]);
  });

  it("takes deploy.restart_policy over restart, as Compose starts the container with it", async () => {
    const file = write(
      "deploy-restart.yaml",
      [
        "services:",
        "  a: { image: 'a:1', restart: always, deploy: { restart_policy: { condition: on-failure, max_attempts: 2 } } }",
        "  b: { image: 'b:1', restart: 'on-failure:5', deploy: { restart_policy: { condition: none } } }",
        "  c: { image: 'c:1', deploy: { restart_policy: { delay: 5s } } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(loaded.diagnostics).toEqual([]);
    const [a, b, c] = loaded.model!.services;
    expect([a!.restart, a!.maxRestarts]).toEqual(["on-failure", 2]);
    expect([b!.restart, b!.maxRestarts]).toEqual(["no", undefined]);
    // The condition Compose assumes when none is given: any.
    expect(c!.restart).toBe("always");
  });

  it("reads one folder's example env file for each compose file in it that a check names", async () => {
    const folder = folderWith({
      "compose.yaml": "services:\n  api:\n    image: shop/api:${API_TAG:-1}\n",
      "compose.worker.yaml":
        "services:\n  worker:\n    image: shop/worker:${WORKER_TAG:-1}\n    command: run ${QUEUE}\n",
      ".env.example": "API_TAG=1.4.2\nWORKER_TAG=1.4.2\n",
      ".env": "QUEUE=jobs\n",
    });
    const result = await runCli(
      [
        "check",
        "compose.yaml",
        "compose.worker.yaml",
        "--format",
        "json",
        "--rule",
        "missing-health-check=off",
      ],
      folder,
    );
    const found = JSON.parse(result.stdout).diagnostics.map(
      (d: { code: string; file: string; range: { start: { line: number } } }) =>
        `${d.code}@${d.file}:${d.range.start.line}`,
    );
    expect(found).toEqual(["undocumented-variable@compose.worker.yaml:4"]);
  });

  it("judges a file given with -f from another folder by the project's example env file, as Compose fills it in from the project's .env", async () => {
    const folder = folderWith({
      "compose.yaml": "services:\n  api:\n    image: shop/api:${API_TAG}\n",
      ".env.example": "API_TAG=1.4.2\nREGION=\n",
      "ops/override.yaml":
        "services:\n  api:\n    environment:\n      REGION: ${REGION}\n      ZONE: ${ZONE}\n",
      // Beside the override, but no .env that Compose reads is made from it.
      "ops/.env.example": "ZONE=\n",
    });
    const result = await runCli(
      [
        "check",
        "-f",
        "compose.yaml",
        "-f",
        "ops/override.yaml",
        "--format",
        "json",
        "--rule",
        "missing-health-check=off",
      ],
      folder,
    );
    const found = JSON.parse(result.stdout)
      .diagnostics.filter((d: { code: string }) => /^(?:undocumented|compose-unset)-variable$/.test(d.code))
      .map((d: { file: string; message: string; range: { start: { line: number } } }) => [
        `${d.file}:${d.range.start.line}`,
        d.message,
      ]);
    // Not set either, where no .env is: one finding says both.
    expect(found).toEqual([
      [
        "ops/override.yaml:5",
        "the variable ZONE is not set and has no default, and .env.example does not list it",
      ],
    ]);
  });

  it("keeps what a service waits for where it is not what the model assumes, and nothing more", async () => {
    const file = write(
      "waits.yaml",
      [
        "services:",
        "  api: { image: a:1, depends_on: [db, cache] }",
        "  web: { image: w:1, depends_on: { db: { condition: service_healthy } } }",
        "  db: { image: pg:16, healthcheck: { test: [CMD, pg_isready] } }",
        "  cache: { image: redis:7 }",
        "",
      ].join("\n"),
    );
    const { imported } = await importCompose([file]);
    const services = imported!.input.services as Record<string, { uses?: unknown }>;
    // The list form waits for the start; the model would wait for db's health check.
    expect(services.api!.uses).toEqual({ db: { wait: "started" }, cache: {} });
    expect(services.web!.uses).toEqual(["db"]);
  });

  it("says how to check a file that only adds to another with it", async () => {
    const file = write("compose.prod.yaml", "services:\n  api:\n    ports: ['443:8443']\n");
    const loaded = await loadComposeAsModel([file]);
    const [finding] = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "no-image",
    );
    expect(finding?.hint).toBe(
      "give 'api' an image or a build; if this file adds to another, check them together: deployview check -f <base file> -f compose.prod.yaml",
    );
  });

  it("refuses an empty compose file, as Compose does, saying so rather than ending silent", async () => {
    for (const text of ["", "# services come later\n", "null\n"]) {
      const file = write("empty.yaml", text);
      const loaded = await loadComposeAsModel([file]);
      expect(loaded.model).toBeUndefined();
      expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
        ["schema-missing-key", "error", "the compose file is empty: it defines no services"],
      ]);
      // The file as a whole, which has no line of its own to point at.
      expect(loaded.diagnostics[0]).toMatchObject({ file });
      expect(loaded.diagnostics[0]!.start).toBeUndefined();
    }
  });

  it("reports every name a service uses that nothing defines, where it is used", async () => {
    const file = write(
      "references.yaml",
      [
        "services:",
        "  api:",
        "    image: a:1",
        "    links: [db, 'cache:redis']",
        "    volumes_from: [files, 'container:outside', 'storage:ro']",
        "    secrets: [token, { source: cert, target: /tls.pem }]",
        "    configs: [settings]",
        "    networks: { default: {}, front: {}, back: {} }",
        "    volumes: ['data:/data', './conf:/conf', 'logs:/logs', { type: volume, source: cache, target: /c }, { type: bind, source: /srv, target: /srv }]",
        "  vpn: { image: v:1, network_mode: 'service:tunnel' }",
        "  db: { image: pg:16 }",
        "  files: { image: f:1 }",
        "  worker:",
        "    image: w:1",
        "    depends_on:",
        "      queue:",
        "        condition: service_started",
        "      db: { condition: service_started }",
        "    networks:",
        "      jobs:",
        "secrets: { token: { file: ./token } }",
        "networks: { front: {} }",
        "volumes: { data: {} }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([file]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      // A name written as a mapping's key is pointed at there, not at what follows it.
      "unknown-service@16:7",
      "unknown-service@4:17",
      "unknown-service@5:48",
      "unknown-secret@6:22",
      "unknown-config@7:15",
      "unknown-network@8:41",
      "unknown-volume@9:45",
      "unknown-volume@9:59",
      "unknown-service@10:36",
      "unknown-network@20:7",
    ]);
    expect(loaded.diagnostics.map((d) => d.message)).toContain(
      "'api' mounts the volume 'logs', which the file does not declare under volumes",
    );
  });

  it("reports unset variables and never crashes on bad files", async () => {
    const unset = await loadComposeAsModel([
      write("unset.yaml", "services:\n  a: { image: 'x:$" + "{MISSING}' }\n"),
    ]);
    expect(unset.diagnostics.map((d) => d.code)).toEqual(["compose-unset-variable"]);
    const bad = await loadComposeAsModel([write("bad.yaml", "services: [\n")]);
    expect(bad.model).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.code)).toContain("yaml-syntax");
  });
});

describe("interpolation", () => {
  it("follows the Compose rules", () => {
    const env = { SET: "v", EMPTY: "" };
    expect(interpolate("$SET ${SET} $$ ${EMPTY:-d} ${EMPTY-d} ${UNSET-d}", env).value).toBe("v v $ d  d");
    expect(interpolate("${UNSET:?need it}", env).missing).toEqual([{ name: "UNSET", message: "need it" }]);
    expect(interpolate("${UNSET}", env).unset).toEqual(["UNSET"]);
  });

  it("fills in the variables of a default, when the default is used", () => {
    const env = { D: "d", A: "a", SECRET: "s" };
    expect(interpolate("${A:-${D}}|${UNSET:-${D}}|${UNSET:-${NONE:-x}y}|$${A:-z}", env).value).toBe(
      "a|d|xy|${A:-z}",
    );
    // A default not used is not read: its variables are not reported as unset.
    expect(interpolate("${A:-${GONE}}", env).unset).toEqual([]);
    expect(interpolate("${UNSET:-${GONE}}", env).unset).toEqual(["GONE"]);
    expect(interpolate("${UNSET-${B:?need B}}", env).missing).toEqual([{ name: "B", message: "need B" }]);
    // A variable kept as written in a default stays written as it is.
    const kept = interpolate("${UNSET:-${SECRET}}", env, (name) => name === "SECRET");
    expect([kept.value, kept.kept]).toEqual(["${SECRET}", ["SECRET"]]);
    expect(interpolate("${A:-${D}", env).unclosed).toBe("${A:-${D}");
  });

  it("reads defaults nested past its depth as text, in time proportional to their length", () => {
    const depth = 100_000;
    const started = performance.now();
    const result = interpolate(`${"${A:-".repeat(depth)}x${"}".repeat(depth)}`, {});
    expect(result.unclosed).toBeUndefined();
    expect(result.value.startsWith("${A:-")).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("takes no value from what every object inherits", () => {
    const result = interpolate("${constructor}-${__proto__}-$toString", {});
    expect(result.value).toBe("--");
    expect(result.unset).toEqual(["constructor", "__proto__", "toString"]);
  });
});

describe("the corpus of real compose files", () => {
  const files = corpusComposeFiles();

  it.skipIf(files.length === 0)(
    "imports every file into a model, merge keys and anchors included, and lints it",
    async () => {
      for (const file of files) {
        const loaded = await loadComposeAsModel([file]);
        expect(loaded.model, `${file}: ${loaded.diagnostics.map((d) => d.message).join("; ")}`).toBeDefined();
        checkModel(loaded.model!, { sources: loaded.sources });
      }
      expect(files.length).toBeGreaterThan(20);
    },
  );
});

describe("check on compose files named as arguments", () => {
  it("lints each on its own, in one run", async () => {
    const copy = join(folderWith({ "compose.yaml": readFileSync(seed, "utf8") }), "compose.yaml");
    const result = await runCli(["check", seed, copy, "--format", "json"], repoRoot);
    expect(result.code).toBe(1);
    const conflicts = JSON.parse(result.stdout).diagnostics.filter(
      (d: { code: string }) => d.code === "host-port-conflict",
    );
    expect(conflicts).toHaveLength(2);
  });
});
