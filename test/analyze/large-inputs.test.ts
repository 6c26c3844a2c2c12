/**
 * Inputs far larger than any real one, as a hostile or generated file can be (a cluster's dump,
 * a compose file of thousands of services). Each is handled in time that grows with its size, not
 * its square, and no list of findings is too long to pass on. Where the bound is a time, it is
 * several times what the work takes here, and a fraction of what it took when it grew with the square.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startupOrder } from "../../src/analyze/startup-order.js";
import { checkModel } from "../../src/check/index.js";
import { checkCommand } from "../../src/cli/check-command.js";
import { diagnostic } from "../../src/diagnostics.js";
import { emitCompose } from "../../src/emit/compose/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { loadModelText } from "../../src/load/index.js";
import { limits } from "../../src/load/limits.js";
import type { Environment, Instance } from "../../src/model/types.js";
import { located } from "../helpers/positions.js";

const dir = mkdtempSync(join(tmpdir(), "deployview-large-"));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A Deployment whose pods are labelled app: `app` and run `container`, written as a flow mapping. */
const deployment = (name: string, app: string, container: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${app} } }
  template:
    metadata: { labels: { app: ${app} } }
    spec: { containers: [${container}] }`;

/** Just what the startup order reads of an environment whose services each use the next. */
function chain(length: number): Environment {
  const instances = Array.from({ length }, (_, index) => ({
    id: `s${index}`,
    workload: "Container",
    service: {
      id: `s${index}`,
      uses: index + 1 < length ? [{ target: `s${index + 1}`, optional: false }] : [],
    },
  }));
  return { instances } as unknown as Environment;
}

const ids = (instances: Instance[]) => instances.map((i) => i.id);

describe("large inputs", () => {
  it("orders the startup of a hundred thousand services in one chain", () => {
    const started = performance.now();
    const { waves, blocked } = startupOrder(chain(100_000));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(waves).toHaveLength(100_000);
    expect(ids(waves[0]!)).toEqual(["s99999"]);
    expect(ids(waves.at(-1)!)).toEqual(["s0"]);
    expect(blocked).toEqual([]);
  });

  it("keeps each wave in the environment's order, and sets a cycle and what waits on it apart", () => {
    const environment = chain(4);
    // s3 uses s1: s1 → s2 → s3 → s1 is a cycle, and s0 waits on it.
    (environment.instances[3]!.service as { uses: unknown[] }).uses = [{ target: "s1", optional: false }];
    const free = chain(3).instances.map((i) => ({
      ...i,
      id: `f${i.id}`,
      service: { ...i.service, uses: [] },
    }));
    const both = { instances: [...free, ...environment.instances] } as unknown as Environment;
    const { waves, blocked } = startupOrder(both);
    expect(waves.map(ids)).toEqual([["fs0", "fs1", "fs2"]]);
    expect(ids(blocked)).toEqual(["s0", "s1", "s2", "s3"]);
  });

  it("checks a compose file of 40,000 services, each with a secret in plain text and waiting for the next to complete", async () => {
    const count = 40_000;
    const lines = ["services:"];
    for (let i = 0; i < count; i++)
      lines.push(
        `  s${i}: { image: "app:${i}", environment: { DB_PASSWORD: hunter${i} }, depends_on: { s${(i + 1) % count}: { condition: service_completed_successfully } } }`,
      );
    const file = write("compose.yaml", `${lines.join("\n")}\n`);
    const started = performance.now();
    const loaded = await loadComposeAsModel([file]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(performance.now() - started).toBeLessThan(20_000);
    const counted = (code: string) => found.filter((d) => d.code === code).length;
    expect(counted("plaintext-secret")).toBe(count);
    // One ring: one finding.
    expect(counted("dependency-cycle")).toBe(1);
    // Each waits for the next to complete: none of them runs until stopped.
    expect(counted("wait-for-server-exit")).toBe(0);
  });

  it("checks 30,000 services that each start in a profile of their own on one host port and container name, without comparing each with every other", async () => {
    const count = 30_000;
    const lines = ["services:"];
    const service = (name: string, profiles: string) =>
      `  ${name}: { image: "nginx:1.27", container_name: web, ports: ["80:80"]${profiles} }`;
    for (let i = 0; i < count; i++) lines.push(service(`s${i}`, `, profiles: [p${i}]`));
    // In no profile, it starts with each of them.
    lines.push(service("always", ""));
    const file = write("profiles.yaml", `${lines.join("\n")}\n`);
    const started = performance.now();
    const loaded = await loadComposeAsModel([file]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(performance.now() - started).toBeLessThan(15_000);
    const messages = (code: string) => found.filter((d) => d.code === code).map((d) => d.message);
    // Each of them starts with it in a run of its own: all are named, in one finding.
    expect(messages("host-port-conflict")).toEqual([
      "'always' publishes host port 80, which 's0', 's1', 's2' and 29997 others already publish on this host",
    ]);
    expect(messages("container-name-conflict")).toEqual([
      "container name 'web' is already taken by 's0', 's1', 's2' and 29997 others on this host",
    ]);
  });

  it("checks 10,000 services in no profile after 10,000 alternatives, all on one host port and container name, finding what each meets once", async () => {
    const count = 10_000;
    const lines = ["services:"];
    const service = (name: string, profiles: string) =>
      `  ${name}: { image: "nginx:1.27", container_name: web, ports: ["80:80"]${profiles} }`;
    for (let i = 0; i < count; i++) lines.push(service(`s${i}`, `, profiles: [p${i}]`));
    for (let i = 0; i < count; i++) lines.push(service(`always${i}`, ""));
    const file = write("after-profiles.yaml", `${lines.join("\n")}\n`);
    const started = performance.now();
    const loaded = await loadComposeAsModel([file]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(performance.now() - started).toBeLessThan(15_000);
    const messages = found.filter((d) => d.code === "host-port-conflict").map((d) => d.message);
    expect(messages).toHaveLength(count);
    // Each after the first meets it too, in every run.
    expect(messages.at(-1)).toBe(
      "'always9999' publishes host port 80, which 's0', 's1', 's2' and 9998 others already publish on this host",
    );
  });

  it("checks 30,000 services that each publish one host port range in a profile of their own", async () => {
    const count = 30_000;
    const lines = ["services:"];
    for (let i = 0; i < count; i++)
      lines.push(`  s${i}: { image: "nginx:1.27", ports: ["8000-8009:8000-8009"], profiles: [p${i}] }`);
    lines.push(`  always: { image: "nginx:1.27", ports: ["8005:80"] }`);
    const file = write("ranges.yaml", `${lines.join("\n")}\n`);
    const started = performance.now();
    const loaded = await loadComposeAsModel([file]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(found.filter((d) => d.code === "host-port-conflict").map((d) => d.message)).toEqual([
      "'always' publishes host port 8005, which overlaps host ports 8000-8009 that 's0', 's1', 's2' and 29997 others already publish on this host",
    ]);
  });

  it("checks 3,000 Services that each select the pods of the same 3,000 Deployments", async () => {
    const count = 3000;
    const documents = Array.from(
      { length: count },
      (
        _,
        i,
      ) => `${deployment(`d${i}`, "x", '{ name: c, image: "nginx:1.27", ports: [{ containerPort: 80 }] }')}
---
apiVersion: v1
kind: Service
metadata: { name: s${i} }
spec: { selector: { app: x }, ports: [{ port: 80, targetPort: 8080 }] }
`,
    );
    const file = write("selected.yaml", documents.join("---\n"));
    const started = performance.now();
    const loaded = await loadManifestsAsModel([file]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(performance.now() - started).toBeLessThan(15_000);
    const unknown = found.filter((d) => d.code === "service-target-port-unknown");
    expect(unknown).toHaveLength(count);
    // The message names a few of the thousands it selects.
    expect(unknown[0]!.message).toBe(
      "Service 's0' sends traffic to port 8080, which no container of 'd0', 'd1', 'd2' and 2997 others declares (they declare 80)",
    );
  });

  it("checks a compose file of 40,000 services with a suppression in it, finding each finding's line once", async () => {
    const count = 40_000;
    const lines = ["services:", "  # deployview-disable-next-line plaintext-secret -- a local test password"];
    for (let i = 0; i < count; i++)
      lines.push(`  s${i}: { image: "app:${i}", environment: { DB_PASSWORD: hunter${i} } }`);
    const file = write("suppressed.yaml", `${lines.join("\n")}\n`);
    const loaded = await loadComposeAsModel([file]);
    const started = performance.now();
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(performance.now() - started).toBeLessThan(20_000);
    const secrets = found.filter((d) => d.code === "plaintext-secret");
    // The comment holds for the line after it, where s0 is written, and no other.
    expect(secrets).toHaveLength(count - 1);
    expect(secrets.some((d) => d.message.includes("'s0'"))).toBe(false);
  });

  it("checks a compose file that includes 4,000 files of a service each", async () => {
    const count = 4000;
    const project = mkdtempSync(join(tmpdir(), "deployview-includes-"));
    for (let i = 0; i < count; i++)
      writeFileSync(join(project, `part${i}.yaml`), `services:\n  s${i}:\n    image: "nginx:1.27"\n`);
    const includes = Array.from({ length: count }, (_, i) => `  - part${i}.yaml`);
    writeFileSync(join(project, "compose.yaml"), `include:\n${includes.join("\n")}\n`);
    const started = performance.now();
    const loaded = await loadComposeAsModel([join(project, "compose.yaml")]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(performance.now() - started).toBeLessThan(15_000);
    const health = found.filter((d) => d.code === "missing-health-check");
    expect(health).toHaveLength(count);
    // Each points into the file that defines its service.
    expect(health.every((d) => d.file!.endsWith(`part${d.message.match(/'s(\d+)'/)![1]}.yaml`))).toBe(true);
  });

  it("writes the compose file of a model of 40,000 services that use one another", async () => {
    const count = 40_000;
    const lines = ["services:"];
    for (let i = 0; i < count; i++)
      lines.push(
        `  s${i}: { image: "app:${i}", environment: { NEXT: "http://s${i + 1}:80" }${i + 1 < count ? `, depends_on: [s${i + 1}]` : ""} }`,
      );
    const loaded = await loadComposeAsModel([write("uses-compose.yaml", `${lines.join("\n")}\n`)]);
    const started = performance.now();
    const result = emitCompose(loaded.model!, loaded.model!.environments[0]!.id);
    expect(performance.now() - started).toBeLessThan(30_000);
    const compose = result.files.find((f) => f.path.endsWith("compose.yaml"))!.content;
    expect(compose).toContain("  s39998:\n");
    expect(compose).toMatch(/ {2}s0:[\s\S]*?depends_on:\n {6}s1:\n {8}condition: service_started\n/);
  });

  it("reads manifests of 10,000 Deployments, each behind its Service and guarded by its budget", async () => {
    const count = 10_000;
    const documents: string[] = [];
    for (let i = 0; i < count; i++)
      documents.push(
        `apiVersion: apps/v1
kind: Deployment
metadata: { name: app${i} }
spec:
  replicas: 2
  selector: { matchLabels: { app: app${i} } }
  template:
    metadata: { labels: { app: app${i}, tier: web } }
    spec: { containers: [{ name: c, image: "app:${i}", env: [{ name: NEXT, value: "http://svc${(i + 1) % count}" }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: svc${i} }
spec: { selector: { app: app${i} }, ports: [{ port: 80 }] }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: pdb${i} }
spec: { minAvailable: 1, selector: { matchLabels: { tier: web, app: app${i} } } }`,
      );
    const file = write("app.yaml", `${documents.join("\n---\n")}\n`);
    const started = performance.now();
    const loaded = await loadManifestsAsModel([file]);
    expect(performance.now() - started).toBeLessThan(30_000);
    const services = loaded.model!.services;
    expect(services).toHaveLength(count);
    expect(services.find((s) => s.id === "app7")!.uses.map((u) => u.target)).toEqual(["app8"]);
    const instance = loaded.model!.environments[0]!.instances.find((i) => i.id === "app7")!;
    expect(instance.disruptionBudget).toBeDefined();
  });

  it("passes on more findings than a call can take as arguments", async () => {
    const many = Array.from({ length: 300_000 }, (_, i) =>
      diagnostic("unknown-service", "error", `finding ${i}`, { file: "x.yaml", start: i, end: i + 1 }),
    );
    const command = checkCommand(async () => [
      async () => ({ model: undefined, sources: new Map(), diagnostics: many }),
    ]);
    let output = "";
    const io = {
      stdout: { write: (t: string) => (output += t) },
      stderr: { write: () => true },
      cwd: dir,
      color: false,
    };
    const code = await command.run({ positionals: ["x.yaml"], options: { format: "json" } }, io);
    expect(code).toBe(2);
    expect(JSON.parse(output).diagnostics).toHaveLength(300_000);
  });

  it("refuses, where they are defined, more services or objects than it reads, rather than running out of memory", async () => {
    const count = limits.maxServices + 1;
    const services = Array.from({ length: count }, (_, i) => `  s${i}: { image: a }\n`).join("");
    const compose = await loadComposeAsModel([write("compose.yaml", `name: big\nservices:\n${services}`)]);
    expect(compose.model).toBeUndefined();
    expect(located(compose.diagnostics, compose.sources)).toEqual(["file-too-large@2:1"]);
    expect(compose.diagnostics[0]!.message).toBe(
      "50,001 services are defined here, more than the 50,000 deployview reads",
    );
    const model = loadModelText(`system: { name: Big }\nservices:\n${services}`, "model.yaml");
    expect(located(model.diagnostics, model.sources)).toEqual(["file-too-large@2:1"]);
    const objects = Array.from(
      { length: count },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c${i} }`,
    );
    const manifests = await loadManifestsAsModel([write("objects.yaml", `${objects.join("\n---\n")}\n`)]);
    expect(manifests.model).toBeUndefined();
    expect(manifests.diagnostics.map((d) => d.message)).toEqual([
      "at least 50,001 Kubernetes objects are defined here, more than the 50,000 deployview reads",
    ]);
  });

  it("still reads as many as it takes", async () => {
    const services = Array.from({ length: limits.maxServices }, (_, i) => `  s${i}: { image: "a:1" }\n`).join(
      "",
    );
    const compose = await loadComposeAsModel([write("compose-max.yaml", `services:\n${services}`)]);
    expect(compose.model!.services).toHaveLength(limits.maxServices);
  });

  it("reports thousands of references to nothing, each with its hint, without comparing each with every name", () => {
    const pad = (i: number) => String(i).padStart(5, "0");
    const model = (services: string[], environment: string) =>
      `system: { name: X }\nservices:\n${services.join("")}environments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [${environment}] } } }\n`;
    // 20,000 services, each using one that does not exist: every hint compared all 20,000 names.
    const wide = Array.from(
      { length: 20_000 },
      (_, i) => `  s${pad(i)}: { kind: api, image: "a:1", uses: [t${pad(i)}] }\n`,
    );
    let started = performance.now();
    let loaded = loadModelText(model(wide, "s00000"), "wide.yaml");
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(loaded.diagnostics.filter((d) => d.code === "unknown-service")).toHaveLength(20_000);
    // A thousand services, each using forty misspelt names of the same length as theirs.
    const deep = Array.from(
      { length: 1_000 },
      (_, i) =>
        `  s${pad(i)}: { kind: api, image: "a:1", uses: [${Array.from({ length: 40 }, (_, j) => `t${pad(i * 40 + j)}`).join(", ")}] }\n`,
    );
    started = performance.now();
    loaded = loadModelText(model(deep, "s00000"), "deep.yaml");
    expect(performance.now() - started).toBeLessThan(20_000);
    const hints = loaded.diagnostics.filter((d) => d.code === "unknown-service").map((d) => d.hint);
    expect(hints).toHaveLength(40_000);
    expect(hints[0]).toBe("did you mean 's00000'?");
    expect(hints.at(-1)).toMatch(/^known services: s00000, s00001, /);
  });

  it("reads manifests of 12,000 Deployments, each taking a key of a Secret of its own", async () => {
    const count = 12_000;
    const documents = Array.from({ length: count }, (_, i) =>
      deployment(
        `app${i}`,
        `app${i}`,
        `{ name: c, image: "app:${i}", env: [{ name: PW, valueFrom: { secretKeyRef: { name: s${i}, key: pw } } }] }`,
      ),
    );
    const file = write("secret-refs.yaml", `${documents.join("\n---\n")}\n`);
    const started = performance.now();
    const loaded = await loadManifestsAsModel([file]);
    // Each service and instance made a set of every secret's name: 12,000 × 12,000, twice.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(loaded.model!.services).toHaveLength(count);
    expect(Object.keys(loaded.model!.secrets ?? {})).toHaveLength(count);
  });

  it("follows a chain of 20,000 services extending one another as far as its budget, without running out of memory", async () => {
    const count = 20_000;
    const services = Array.from({ length: count }, (_, i) =>
      i === 0
        ? `  s0: { image: "a:1" }\n`
        : `  s${i}: { extends: { service: s${i - 1} }, environment: [A${i}=1] }\n`,
    );
    const file = write("extends-chain.yaml", `services:\n${services.join("")}`);
    const started = performance.now();
    // Each copied every one before it: the chain's arrays alone took 4 GB, and the run ended in a crash.
    const loaded = await loadComposeAsModel([file]);
    expect(performance.now() - started).toBeLessThan(20_000);
    const s600 = loaded.model!.services.find((s) => s.id === "s600")!;
    expect(s600.env.map((v) => v.name)).toHaveLength(600);
    const refused = loaded.diagnostics.filter((d) => d.code === "compose-extends-invalid");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.message).toMatch(/copy more than the 200,000 values deployview reads$/);
  });

  it("stops reading a folder of manifests once past the objects it reads, rather than filling memory with the rest", async () => {
    const folder = mkdtempSync(join(tmpdir(), "deployview-many-files-"));
    const objects = (file: number) =>
      Array.from(
        { length: 30_000 },
        (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c${file}-${i} }`,
      );
    for (const file of [0, 1, 2])
      writeFileSync(join(folder, `f${file}.yaml`), `${objects(file).join("\n---\n")}\n`);
    const loaded = await loadManifestsAsModel([folder]);
    expect(loaded.model).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "at least 60,000 Kubernetes objects are defined here, more than the 50,000 deployview reads",
    ]);
    // The third file was never read.
    expect([...loaded.sources.keys()].map((file) => file.slice(folder.length + 1))).toEqual([
      "f0.yaml",
      "f1.yaml",
    ]);
  });
});
