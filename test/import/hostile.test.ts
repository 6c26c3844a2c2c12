/** Importers meet anything: random documents, hostile YAML, odd shapes. They report; they never throw. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkModel } from "../../src/check/index.js";
import { importCompose, loadComposeAsModel } from "../../src/import/compose/index.js";
import { importManifests, loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { initFromRepository } from "../../src/import/repository/index.js";

const dir = mkdtempSync(join(tmpdir(), "deployview-hostile-"));
let count = 0;
const file = (text: string, name = "compose.yaml") => {
  const folder = join(dir, String(count++));
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

/**
 * Any JSON value, whose mappings are keyed now and then by what every object inherits: a value read
 * with String() instead of asText() throws on `{ toString: 1 }`.
 */
const anything = (maxDepth: number) =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { maxDepth, depthSize: "small" },
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("toString", "valueOf")),
        tie("value"),
        { maxKeys: 3 },
      ),
    ),
  })).value;

/** Values shaped a little like compose files and manifests, so the importers get past the first checks. */
const shaped = fc.oneof(
  fc.record({
    services: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  }),
  fc.record({
    apiVersion: fc.constantFrom("apps/v1", "v1", "networking.k8s.io/v1"),
    kind: fc.constantFrom(
      "Deployment",
      "Service",
      "Ingress",
      "StatefulSet",
      "CronJob",
      "HorizontalPodAutoscaler",
      "PodDisruptionBudget",
      "Thing",
    ),
    metadata: fc.record({ name: fc.string({ maxLength: 6 }) }),
    spec: fc.jsonValue({ maxDepth: 4 }),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

const hostile = [
  "a: &a [*a]\n",
  `${"[".repeat(200)}${"]".repeat(200)}\n`,
  "services:\n  __proto__: { image: x }\n",
  "x: &x [1,1,1,1,1,1,1,1,1,1]\ny: &y [*x,*x,*x,*x,*x,*x,*x,*x,*x,*x]\nz: &z [*y,*y,*y,*y,*y,*y,*y,*y,*y,*y]\nw: [*z,*z,*z,*z,*z,*z,*z,*z,*z,*z]\n",
  "services: !reset\n",
  "include: [../../../../etc/passwd]\nservices: {}\n",
  "services:\n  a:\n    extends: { file: /dev/null, service: b }\n",
  "apiVersion: v1\nkind: List\nitems: [1, {kind: Deployment}]\n",
  "\u0000\u0001 garbage: [",
  "services:\n  toString: { image: 'a:1' }\n  valueOf: { image: 'b:1', depends_on: [toString, hasOwnProperty] }\n",
];

describe("importers on anything", () => {
  it("never throw on random documents, compose-shaped or manifest-shaped", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shaped, { minLength: 1, maxLength: 3 }), async (documents) => {
        const text = documents.map((d) => stringify(d)).join("---\n");
        await importCompose([file(stringify(documents[0]))]);
        await loadComposeAsModel([file(stringify(documents[0]))]);
        await importManifests([file(text, "app.yaml")]);
        await loadManifestsAsModel([file(text, "app.yaml")]);
      }),
      { numRuns: 80 },
    );
  });

  it("never throw, nor does any rule, on services whose known keys hold anything", async () => {
    const keys = [
      "image",
      "build",
      "command",
      "ports",
      "expose",
      "volumes",
      "volumes_from",
      "links",
      "networks",
      "network_mode",
      "secrets",
      "configs",
      "depends_on",
      "environment",
      "env_file",
      "healthcheck",
      "user",
      "privileged",
      "cap_add",
      "ipc",
      "pid",
      "container_name",
      "deploy",
      "labels",
      "extends",
      "cap_drop",
      "sysctls",
      "develop",
      "platform",
      "scale",
      "cpus",
      "mem_limit",
      "mem_reservation",
      "pids_limit",
      "restart",
      "tmpfs",
      "ulimits",
      "hostname",
      "dns",
      "extra_hosts",
      "uts",
      "cgroup",
      "pull_policy",
      "stop_grace_period",
      "security_opt",
      "expose",
      "profiles",
    ];
    const service = fc.dictionary(fc.constantFrom(...keys), anything(3), { maxKeys: 6 });
    const top = fc.record({
      services: fc.dictionary(fc.constantFrom("a", "b", "db"), service, { minKeys: 1, maxKeys: 3 }),
      volumes: fc.option(anything(2), { nil: undefined }),
      networks: fc.option(anything(2), { nil: undefined }),
      secrets: fc.option(anything(2), { nil: undefined }),
      configs: fc.option(anything(2), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(top, async (document) => {
        const loaded = await loadComposeAsModel([file(stringify(document))]);
        if (loaded.model) checkModel(loaded.model, { sources: loaded.sources });
        for (const d of loaded.diagnostics) expect(d.file).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });

  it("never throw, nor does any rule, on resources out of range, which leave the file linted all the same", async () => {
    const amount = fc.oneof(
      fc.constantFrom("512m", "1g", "2G", "100k", "0.5", "2", "1.5gb", "-1g", "lots", ""),
      fc.integer({ min: -10, max: 1 << 30 }),
      fc.double({ noNaN: true }),
    );
    const resources = fc.record({ memory: amount, cpus: amount }, { requiredKeys: [] });
    const document = fc.record({
      limits: fc.option(resources, { nil: undefined }),
      reservations: fc.option(resources, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(document, async (given) => {
        const text = stringify({ services: { api: { image: "api:1.0", deploy: { resources: given } } } });
        const loaded = await loadComposeAsModel([file(text)]);
        const errors = loaded.diagnostics.filter((d) => d.severity === "error");
        // Values out of range are findings; the file is still linted.
        if (errors.every((d) => d.code === "invalid-range" || d.code === "invalid-quantity"))
          expect(loaded.model).toBeDefined();
        if (loaded.model) checkModel(loaded.model, { sources: loaded.sources });
      }),
      { numRuns: 200 },
    );
  });

  it("never throw, nor does any rule, on workloads, Services, budgets and autoscalers whose known fields hold anything", async () => {
    const any = anything(3);
    const container = fc.dictionary(
      fc.constantFrom(
        "name",
        "image",
        "command",
        "args",
        "ports",
        "env",
        "envFrom",
        "volumeMounts",
        "resources",
        "securityContext",
        "livenessProbe",
      ),
      any,
      { maxKeys: 5 },
    );
    const pod = fc.record({
      containers: fc.oneof(fc.array(container, { maxLength: 2 }), any),
      initContainers: fc.option(fc.array(container, { maxLength: 1 }), { nil: undefined }),
      volumes: fc.option(any, { nil: undefined }),
      securityContext: fc.option(any, { nil: undefined }),
      hostIPC: fc.option(any, { nil: undefined }),
    });
    const workload = fc.record({
      apiVersion: fc.constant("apps/v1"),
      kind: fc.constantFrom("Deployment", "StatefulSet", "DaemonSet"),
      metadata: fc.record({ name: fc.constantFrom("api", "db"), labels: fc.option(any, { nil: undefined }) }),
      spec: fc.record({
        replicas: fc.option(any, { nil: undefined }),
        template: fc.record({ metadata: fc.record({ labels: any }), spec: pod }),
      }),
    });
    const service = fc.record({
      apiVersion: fc.constant("v1"),
      kind: fc.constant("Service"),
      metadata: fc.record({ name: fc.constantFrom("api", "web") }),
      spec: fc.record({ selector: any, ports: any, type: fc.option(any, { nil: undefined }) }),
    });
    // Objects that aim at a workload: by a reference, by a label selector of any shape.
    const selector = fc.oneof(
      any,
      fc.record(
        {
          matchLabels: fc.oneof(any, fc.dictionary(fc.constantFrom("app", "tier"), any)),
          matchExpressions: fc.oneof(
            any,
            fc.array(
              fc.record(
                { key: any, operator: fc.oneof(any, fc.constantFrom("In", "NotIn", "Exists")), values: any },
                { requiredKeys: [] },
              ),
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    const budget = fc.record({
      apiVersion: fc.constantFrom("policy/v1", "policy/v1beta1"),
      kind: fc.constant("PodDisruptionBudget"),
      metadata: fc.record({ name: fc.constantFrom("api", "db") }),
      spec: fc.record({ selector, minAvailable: any, unhealthyPodEvictionPolicy: any }, { requiredKeys: [] }),
    });
    const autoscaler = fc.record({
      apiVersion: fc.constant("autoscaling/v2"),
      kind: fc.constant("HorizontalPodAutoscaler"),
      metadata: fc.record({ name: fc.constantFrom("api", "db") }),
      spec: fc.record({
        scaleTargetRef: fc.oneof(
          any,
          fc.record({ kind: fc.oneof(any, fc.constantFrom("Deployment", "StatefulSet")), name: any }),
        ),
        minReplicas: any,
        maxReplicas: any,
      }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(workload, service, budget, autoscaler), { minLength: 1, maxLength: 3 }),
        async (objects) => {
          const loaded = await loadManifestsAsModel([
            file(objects.map((o) => stringify(o)).join("---\n"), "app.yaml"),
          ]);
          if (loaded.model) checkModel(loaded.model, { sources: loaded.sources });
          for (const d of loaded.diagnostics) expect(d.file).toBeDefined();
        },
      ),
      { numRuns: 150 },
    );
  });

  it("report hostile files instead of hanging or crashing", async () => {
    for (const text of hostile) {
      const compose = await loadComposeAsModel([file(text)]);
      const manifests = await loadManifestsAsModel([file(text, "app.yaml")]);
      for (const d of [...compose.diagnostics, ...manifests.diagnostics]) expect(d.file).toBeDefined();
    }
    const repository = join(dir, "repository");
    mkdirSync(repository, { recursive: true });
    for (const [index, text] of hostile.entries())
      writeFileSync(join(repository, `docker-compose.v${index}.yml`), text);
    const init = await initFromRepository(repository);
    expect(init.diagnostics.length).toBeGreaterThan(0);
    // Names that are also properties of every object are services like any other.
    expect(init.services.map((s) => s.id)).toEqual(expect.arrayContaining(["toString", "valueOf"]));
    expect(init.services.find((s) => s.id === "valueOf")!.uses).toEqual(["toString"]);
  });

  it("never throw on a kustomization whose labels, annotations and replica counts hold anything", async () => {
    const any = anything(3);
    const kustomization = fc.record(
      {
        commonLabels: any,
        labels: fc.oneof(
          any,
          fc.array(fc.record({ pairs: any, includeSelectors: any, includeTemplates: any })),
        ),
        commonAnnotations: any,
        replicas: fc.oneof(any, fc.array(fc.record({ name: fc.oneof(any, fc.constant("api")), count: any }))),
      },
      { requiredKeys: [] },
    );
    const app = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: api }",
      "spec:",
      "  selector: { matchLabels: { app: api } }",
      "  template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: 'api:1.0' }] } }",
      "---",
      "apiVersion: v1",
      "kind: Service",
      "metadata: { name: api }",
      "spec: { selector: { app: api }, ports: [{ port: 80 }] }",
      "",
    ].join("\n");
    await fc.assert(
      fc.asyncProperty(kustomization, async (value) => {
        const folder = join(dir, `kustomize-${count++}`);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, "app.yaml"), app);
        writeFileSync(join(folder, "kustomization.yaml"), stringify({ resources: ["app.yaml"], ...value }));
        const loaded = await loadManifestsAsModel([folder]);
        if (loaded.model) checkModel(loaded.model, { sources: loaded.sources });
        for (const d of loaded.diagnostics) expect(d.file).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });

  it("take a kustomization's backtracking name pattern as written, and read generators' files only in or below its folder, with or without a repository", async () => {
    const folder = join(dir, "kustomize");
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "app.yaml"),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${"a".repeat(60)}! }\nspec: { template: { spec: { containers: [{ name: c, image: 'x:1' }] } } }\n`,
    );
    writeFileSync(
      join(folder, "kustomization.yaml"),
      [
        "resources: [app.yaml]",
        "configMapGenerator: [{ name: c, envs: [../../../../../etc/passwd], files: [/etc/hostname] }]",
        "patches:",
        "  - target: { name: '(a+)+$' }",
        "    patch: '[{ op: add, path: /spec/replicas, value: 2 }]'",
        "",
      ].join("\n"),
    );
    const started = Date.now();
    const { diagnostics } = await importManifests([folder], { root: folder });
    expect(Date.now() - started).toBeLessThan(2000);
    const outside = (file: string) =>
      `kustomize-missing-resource: '${file}' is not in or below the kustomization's folder, so kustomize refuses to read it`;
    // Checked as a folder of manifests, not a repository, the same files are refused as kustomize refuses them.
    const alone = await importManifests([folder]);
    expect(alone.diagnostics.map((d) => `${d.code}: ${d.message}`).slice(0, 2)).toEqual([
      outside("../../../../../etc/passwd"),
      outside("/etc/hostname"),
    ]);
    expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([
      outside("../../../../../etc/passwd"),
      outside("/etc/hostname"),
      "kustomize-patch-unmatched: no object matches this patch's target",
      `manifest-invalid: Deployment '${"a".repeat(60)}!' has a name the API server refuses: a name is up to 253 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit`,
    ]);
  });
  it("never overflow the stack setting the images of an object JSON patches nest deeper than any document may", async () => {
    // Each operation adds a mapping 50 deep at the bottom of the last: 400 of them nest it some 20,000 deep.
    const nested = `${"{a: ".repeat(50)}{containers: [{name: c, image: 'nginx:1'}]}${"}".repeat(50)}`;
    let bottom = `/spec/x${"/a".repeat(50)}`;
    const operations = [`- { op: add, path: /spec/x, value: ${nested} }`];
    for (let i = 0; i < 400; i++) {
      operations.push(`- { op: add, path: ${bottom}/b, value: ${nested} }`);
      bottom += `/b${"/a".repeat(50)}`;
    }
    const folder = join(dir, "deep-patches");
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "app.yaml"),
      "apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\nspec: { containers: [{ name: c, image: 'nginx:1.27' }] }\n",
    );
    writeFileSync(join(folder, "patch.yaml"), `${operations.join("\n")}\n`);
    writeFileSync(
      join(folder, "kustomization.yaml"),
      "resources: [app.yaml]\npatches: [{ path: patch.yaml, target: { kind: Widget } }]\nimages: [{ name: nginx, newTag: '1.28' }]\n",
    );
    const { diagnostics } = await importManifests([folder]);
    expect(diagnostics.map((d) => d.code)).toEqual(["manifest-kind-skipped"]);
  });
});
