import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { type Diagnostic, uniqueDiagnostics } from "../../src/diagnostics.js";
import { limits } from "../../src/load/limits.js";
import type { JsonDiagnostic } from "../../src/report/json.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";

const dir = mkdtempSync(join(tmpdir(), "deployview-check-"));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const good = `system: { name: Shop }
services:
  api: { kind: api, image: api:1, memory: 256Mi, ports: { http: 80 }, health: { http: /health } }
environments:
  dev: { platform: compose, nodes: { laptop: { kind: host, budget: { memory: 1Gi }, run: [api] } } }
`;

describe("deployview check", () => {
  it("exits 0 on a clean model, reading deployview.yaml by default", async () => {
    write("deployview.yaml", good);
    const result = await runCli(["check"], dir);
    expect(result).toMatchObject({ code: 0, stdout: "No problems found.\n" });
  });

  it("says how many of what it found no problem in: models, Compose projects or sets of manifests", async () => {
    const deployment =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: 'nginx:1.27', securityContext: { readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } } }] }\n";
    const folder = folderWith({
      "a/deployview.yaml": good,
      "b/deployview.yaml": good,
      "c/compose.yaml": "services:\n  web: { image: 'nginx:1.27' }\n",
      "d/compose.yaml": "services:\n  web: { image: 'nginx:1.27' }\n",
      "k/app.yaml": deployment,
    });
    const clean = async (...paths: string[]) => {
      const args = [
        "check",
        ...paths,
        "--rule",
        "missing-health-check=off",
        "--rule",
        "no-resource-limits=off",
      ];
      const result = await runCli([...args, "--rule", "runs-as-root=off"], folder);
      return result.stdout;
    };
    expect(await clean("a/deployview.yaml", "b/deployview.yaml")).toBe("No problems found in 2 models.\n");
    expect(await clean("c/compose.yaml", "d/compose.yaml")).toBe(
      "No problems found in 2 Compose projects.\n",
    );
    expect(await clean("a/deployview.yaml", "c/compose.yaml", "k")).toBe(
      "No problems found in 1 model, 1 Compose project and 1 set of manifests.\n",
    );
    expect(await clean("c/compose.yaml")).toBe("No problems found.\n");
  });

  it("exits 1 on findings at error level", async () => {
    const file = write("over.yaml", good.replace("1Gi", "100Mi"));
    const result = await runCli(["check", file], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("over.yaml:5:38: error");
    expect(result.stdout).toContain("[memory-over-budget]");
  });

  it("exits 2 on unusable input, with file:line:col and no stack trace", async () => {
    const file = write("broken.yaml", good.replace("kind: api", "kind: apx"));
    const result = await runCli(["check", file], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^broken\.yaml:3:16: error/);
    expect(result.stdout).toContain("hint: did you mean 'api'?");
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a compose file with no services to check, as on an empty one", async () => {
    const exits = async (text: string) => {
      const folder = folderWith({ "compose.yaml": text });
      const result = await runCli(["check", "compose.yaml", "--format", "json"], folder);
      const found = (
        JSON.parse(result.stdout) as { diagnostics: { code: string; file: string; start?: number }[] }
      ).diagnostics;
      // A finding about the whole file has no place in it.
      return [result.code, ...found.map((d) => (d.start === undefined ? d.code : `${d.code}@${d.start}`))];
    };
    expect(await exits("")).toEqual([2, "schema-missing-key"]);
    expect(await exits("services:\n")).toEqual([2, "schema-missing-key@0"]);
    expect(await exits("name: shop\nservices: {}\n")).toEqual([2, "schema-missing-key@11"]);
    expect(await exits("services:\n  - web\n")).toEqual([2, "schema-wrong-type@12"]);
    // A warning or two, nothing unusable.
    expect((await exits("services:\n  web: { image: 'nginx:1.27' }\n"))[0]).toBe(0);
  });

  it("prints JSON with positions", async () => {
    const file = write("broken.json.yaml", good.replace("kind: api", "kind: apx"));
    const result = await runCli(["check", file, "--format", "json"], dir);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.diagnostics[0]).toMatchObject({
      code: "schema-invalid-value",
      file,
      range: { start: { line: 3, column: 16 } },
    });
  });

  it("exits 2 for a missing file and for bad usage", async () => {
    expect((await runCli(["check", "nope.yaml"], dir)).code).toBe(2);
    expect((await runCli(["check", "--format", "xml"], dir)).code).toBe(2);
    expect((await runCli(["check", "--bogus"], dir)).code).toBe(2);
    expect((await runCli(["frobnicate"], dir)).code).toBe(2);
  });

  it("refuses a path named beside -f rather than pass over it unread", async () => {
    const compose = write("compose.yaml", "services:\n  web: { image: nginx:1.27 }\n");
    const result = await runCli(["check", "-f", compose, "other.yaml"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("'other.yaml' is named without it");
  });

  it("builds nothing from a missing model, and says only that", async () => {
    const result = await runCli(["build", "nope.yaml"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^nope\.yaml: error no such file \[file-unreadable\]\n {2}hint: /);
  });

  it("says a file is missing at no line of it, with what to do", async () => {
    const missing = async (...args: string[]) => {
      const result = await runCli(["check", ...args, "--format", "json"], dir);
      const [found] = (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
      return { code: result.code, found: found! };
    };
    for (const args of [["nope.yaml"], ["-f", "nope-compose.yaml"], ["nope-folder/"]]) {
      const { code, found } = await missing(...args);
      expect(code).toBe(2);
      expect(found).toMatchObject({
        code: "file-unreadable",
        message: expect.stringMatching(/^no such file/),
      });
      expect(found.range).toBeUndefined();
      expect(found.start).toBeUndefined();
      expect(found.hint).toBeTruthy();
    }
  });

  it("says a file is too large to read at no line of it, in every format", async () => {
    const folder = folderWith(
      {
        "deployview.yaml": `# ${"x".repeat(limits.maxFileBytes)}\n`,
        "compose.yaml": `# ${"x".repeat(limits.maxFileBytes)}\n`,
        "k/app.yaml": `# ${"x".repeat(limits.maxFileBytes)}\n`,
      },
      "deployview-large-",
    );
    const check = (format: string, ...paths: string[]) =>
      runCli(["check", ...paths, "--format", format], folder);
    for (const paths of [["deployview.yaml"], ["-f", "compose.yaml"], ["k/app.yaml"]]) {
      const json = await check("json", ...paths);
      expect(json.code, paths.join(" ")).toBe(2);
      const [found] = (JSON.parse(json.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
      expect(found, paths.join(" ")).toMatchObject({ code: "file-too-large" });
      expect(found!.range, paths.join(" ")).toBeUndefined();
      expect(found!.start, paths.join(" ")).toBeUndefined();
    }
    const text = await check("text", "deployview.yaml");
    expect(text.stdout).toMatch(
      /^deployview\.yaml: error the file is larger than 8 MiB \[file-too-large\]\n/,
    );
    const github = await check("github", "deployview.yaml");
    expect(github.stdout).toMatch(
      /^::error file=deployview\.yaml,title=deployview file-too-large::the file is larger/,
    );
    const sarif = JSON.parse((await check("sarif", "deployview.yaml")).stdout);
    expect(sarif.runs[0].results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "deployview.yaml" } } },
    ]);
  });

  it("says a missing file named as compose files are is a compose file, not a model", async () => {
    const result = await runCli(["check", "docker-compose.yml", "--format", "json"], dir);
    const [found] = (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
    expect(result.code).toBe(2);
    expect(found).toMatchObject({ code: "file-unreadable", message: "no such file" });
    expect(found!.hint).toContain("compose file");
    expect(found!.hint).not.toContain("deployview.yaml");
  });

  it("fills a compose file's variables in from the environment it runs in before .env, as Compose does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-env-"));
    writeFileSync(join(dir, "compose.yaml"), "services:\n  web:\n    image: 'nginx:${TAG}'\n");
    writeFileSync(join(dir, ".env"), "TAG=latest\n");
    const codes = async (env?: Record<string, string>) =>
      JSON.parse(
        (await runCli(["check", "-f", "compose.yaml", "--format", "json"], dir, env)).stdout,
      ).diagnostics.map((d: { code: string }) => d.code);
    expect(await codes()).toContain("image-latest-tag");
    expect(await codes({ TAG: "1.27" })).not.toContain("image-latest-tag");
    writeFileSync(join(dir, ".env"), "");
    expect(await codes()).toContain("compose-unset-variable");
    expect(await codes({ TAG: "1.27" })).not.toContain("compose-unset-variable");
  });

  it("reads a model kept under a compose file's name as the model it is", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-named-"));
    cpSync(join(repoRoot, "examples/freshpoc/deployview.yaml"), join(dir, "my-compose.yaml"));
    const result = await runCli(["check", "my-compose.yaml", "--format", "json"], dir);
    const codes = JSON.parse(result.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).not.toContain("compose-unknown-key");
    expect(codes).toContain("production-without-gate");
  });

  it("prints the schema", async () => {
    const result = await runCli(["schema"], dir);
    expect(JSON.parse(result.stdout).title).toBe("deployview model");
  });
});

describe("deployview check, on what generated configuration needs", () => {
  const compose = `system: { name: Shop }
services:
  api: { kind: api, image: "api:1", ports: { http: 8080 }, env: { TOKEN: { secret: api-token } } }
  db: { kind: database, image: "postgres:16" }
environments:
  dev: { platform: compose, nodes: { laptop: { kind: host, run: { api: { publish: [http] }, db: } } } }
`;

  it("reports what would keep the environment from starting, located, with exit 1", async () => {
    write("preflight.yaml", compose);
    const result = await runCli(["check", "preflight.yaml", "--format", "json"], dir);
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout)
      .diagnostics.filter((d: { severity: string }) => d.severity === "error")
      .map(
        (d: { code: string; range: { start: { line: number; column: number } } }) =>
          `${d.code}@${d.range.start.line}:${d.range.start.column}`,
      );
    expect(found).toEqual(["secret-without-source@3:67", "stateful-without-volume@4:3"]);
  });
});

describe("deployview check on Kubernetes manifests and repositories", () => {
  it("lints a manifest folder, a kustomize overlay and a single manifest file", async () => {
    const fixtures = `${repoRoot}test/fixtures/kubernetes`;
    const folder = await runCli(["check", `${fixtures}/shop`, "--format", "json"]);
    expect(JSON.parse(folder.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain(
      "replicas-without-disruption-budget",
    );
    const overlay = await runCli(["check", `${fixtures}/kustomize/overlays/prod`]);
    expect(overlay.code).toBe(1);
    expect(overlay.stdout).toContain("kustomization.yaml:7:5: error 'missing.yaml' does not exist");
    const file = await runCli(["check", `${fixtures}/shop/edge.yaml`, "--format", "json"]);
    expect(JSON.parse(file.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain(
      "replicas-without-disruption-budget",
    );
  });

  it("lints each compose set and manifest set of a repository on its own", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-check-repo-"));
    writeFileSync(
      join(root, "compose.yaml"),
      "services:\n  db: { image: 'postgres:16', ports: ['5432:5432'] }\n",
    );
    cpSync(`${repoRoot}test/fixtures/kubernetes/shop`, join(root, "k8s"), { recursive: true });
    const result = await runCli(["check", root, "--format", "json"]);
    const files = new Set(
      JSON.parse(result.stdout).diagnostics.map((d: { file: string }) =>
        d.file.split(/[\\/]/).slice(-2).join("/"),
      ),
    );
    expect([...files].sort()).toEqual([
      `${basename(root)}/compose.yaml`,
      "k8s/app.yaml",
      "k8s/data.yaml",
      "k8s/edge.yaml",
    ]);
    // A base file that two compose sets share says each of its findings once.
    writeFileSync(join(root, "compose.prod.yaml"), "services:\n  web: { image: 'nginx:1.27' }\n");
    const shared = await runCli(["check", root, "--format", "json"]);
    const findings = JSON.parse(shared.stdout).diagnostics.map(
      (d: { code: string; file: string; start: number }) => `${d.code}@${basename(d.file)}:${d.start}`,
    );
    expect(findings.filter((f: string) => f.includes("@compose.yaml:")).length).toBeGreaterThan(0);
    expect(findings).toEqual([...new Set(findings)]);
    const empty = await runCli(["check", mkdtempSync(join(tmpdir(), "deployview-check-empty-"))]);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toContain("found no deployview.yaml, compose file or Kubernetes manifest here");
  });

  it("checks a fragment that another fragment adds to over the base only, so a variable it requires is reported once", async () => {
    const root = folderWith({
      "compose.yaml": "services:\n  web: { image: 'nginx:1.27' }\n",
      "example.env": "SITE=example.com\n",
      "overrides/compose.domain.yaml": [
        "services:",
        "  domain:",
        "    image: 'caddy:2.8'",
        "    labels: ['traefik.http.routers.${ROUTER?ROUTER not set}.rule=Host(`x`)']",
        "",
      ].join("\n"),
      "overrides/compose.domain-tls.yaml":
        "services:\n  domain:\n    labels: ['traefik.http.routers.app.tls=true']\n",
    });
    const result = await runCli(["check", root, "--format", "json"]);
    const found = (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics
      .filter((d) => d.code === "compose-required-variable")
      .map((d) => `${relative(root, d.file ?? "")}:${d.range?.start.line}:${d.range?.start.column}`);
    expect(found).toEqual(["overrides/compose.domain.yaml:4:36"]);
  });

  it("says a finding in a kustomize base once, whatever name each overlay gives its object", async () => {
    const root = folderWith({
      "base/app.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: 'nginx:latest'\n",
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "overlays/dev/kustomization.yaml": "resources: [../../base]\nnamePrefix: dev-\n",
      "overlays/prod/kustomization.yaml": "resources: [../../base]\nnamePrefix: prod-\n",
    });
    const result = await runCli(["check", root, "--format", "json"]);
    const findings = (JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] })
      .diagnostics;
    expect(findings.filter((d) => d.code === "image-latest-tag").map((d) => d.message)).toEqual([
      "'dev-web' runs nginx:latest, which is not pinned to a version",
    ]);
  });

  it("calls a suppression unused only where every run that read its file read all of it", async () => {
    const unused = async (root: string, ...paths: string[]) => {
      const result = await runCli(["check", ...paths, "--format", "json"], root);
      const found = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] };
      return found.diagnostics
        .filter((d) => d.code === "unused-suppression")
        .map((d) => `${d.file}:${d.range?.start.line}`);
    };
    const suppressed =
      "    # deployview-disable-next-line image-latest-tag -- the vendor tags nothing else\n";
    const compose = folderWith({
      "compose.yaml": `services:\n  web:\n${suppressed}    image: 'nginx:1.27'\n`,
      "compose.prod.yaml": "services:\n  web:\n    image: 'nginx:latest'\n",
    });
    expect(await unused(compose, "compose.yaml")).toEqual(["compose.yaml:3"]);
    // Checked alone the base file has nothing to suppress, but over it the production file has.
    expect(await unused(compose, "-f", "compose.yaml", "-f", "compose.prod.yaml")).toEqual([]);
    expect(await unused(compose, ".")).toEqual([]);
    // What a variable holds where the check runs is not what it holds everywhere the file is used.
    const variable = folderWith({
      "compose.yaml": `services:\n  web:\n${suppressed}    image: 'nginx:\${TAG:-1.27}'\n`,
    });
    expect(await unused(variable, "compose.yaml")).toEqual([]);
    const deployment = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n${suppressed.replace("    ", "          ")}          image: '${image}'\n`;
    const kustomize = folderWith({
      "base/app.yaml": deployment("nginx:latest"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "overlays/prod/kustomization.yaml":
        "resources: [../../base]\nimages: [{ name: nginx, newTag: '1.27' }]\n",
      "plain/app.yaml": deployment("nginx:1.27"),
    });
    expect(await unused(kustomize, "overlays/prod")).toEqual([]);
    expect(await unused(kustomize, "plain/app.yaml")).toEqual(["plain/app.yaml:9"]);
    expect(await unused(kustomize, "plain/app.yaml", "--rule", "image-latest-tag=off")).toEqual([]);
  });

  it("keeps two findings of one configuration at one place that name different things", async () => {
    const root = folderWith({
      "deployview.yaml": `system: { name: Shop }
services:
  api: { kind: api, image: api:1, uses: { db: { protocol: SQL }, cache: { protocol: RESP } } }
  db: { kind: database, image: postgres:16 }
  cache: { kind: cache, image: redis:7 }
environments:
  dev: { platform: compose, nodes: { laptop: { kind: host, run: [api] } } }
`,
    });
    const result = await runCli(["check", join(root, "deployview.yaml"), "--format", "json"]);
    const findings = (JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] })
      .diagnostics;
    expect(findings.filter((d) => d.code === "used-service-not-deployed").map((d) => d.message)).toEqual([
      "'api' uses 'db', which 'dev' does not run",
      "'api' uses 'cache', which 'dev' does not run",
    ]);
  });

  it("checks a folder of manifests that holds no workload, as it checks one of its files", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-check-configmaps-"));
    writeFileSync(
      join(root, "settings.yaml"),
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LEVEL: info\n",
    );
    writeFileSync(
      join(root, "old.yaml"),
      "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec: {}\n",
    );
    const folder = await runCli(["check", root, "--format", "json"]);
    const file = await runCli(["check", join(root, "old.yaml"), "--format", "json"]);
    const codes = (output: string) => JSON.parse(output).diagnostics.map((d: { code: string }) => d.code);
    expect(codes(folder.stdout)).toContain("removed-api-version");
    expect(codes(folder.stdout)).not.toContain("file-unreadable");
    expect(codes(folder.stdout)).toEqual(codes(file.stdout));
  });

  it("checks manifest files named together as one set, as kubectl applies them, and a folder beside them apart", async () => {
    const root = folderWith({
      "app.yaml": [
        "apiVersion: v1",
        "kind: Service",
        "metadata: { name: web }",
        "spec: { selector: { app: web }, ports: [{ port: 80 }] }",
        "",
      ].join("\n"),
      "ingress.yaml": [
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: web }",
        "spec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }",
        "",
      ].join("\n"),
    });
    const codes = async (...paths: string[]) =>
      JSON.parse((await runCli(["check", ...paths, "--format", "json"])).stdout).diagnostics.map(
        (d: { code: string }) => d.code,
      );
    expect(await codes(join(root, "ingress.yaml"))).toContain("unknown-service");
    expect(await codes(join(root, "app.yaml"), join(root, "ingress.yaml"))).not.toContain("unknown-service");
    // A file named twice is applied once: none of its objects is defined twice.
    expect(
      await codes(join(root, "app.yaml"), join(root, "ingress.yaml"), join(root, "app.yaml")),
    ).not.toContain("manifest-duplicate-object");
  });

  it("checks the manifests of a subfolder with no workload with those of the nearest folder that has one", async () => {
    const root = folderWith({
      "deploy/apps/redis.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: redis }\nspec:\n  selector: { matchLabels: { app: redis } }\n  template:\n    metadata: { labels: { app: redis } }\n    spec: { containers: [{ name: redis, image: 'redis:7.2' }] }\n",
      "deploy/net/svc.yaml":
        "apiVersion: v1\nkind: Service\nmetadata: { name: redis }\nspec: { selector: { app: redis }, ports: [{ port: 6379 }] }\n",
      "deploy/net/pdb.yaml":
        "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: { name: pdb }\nspec: { maxUnavailable: 1, selector: { matchLabels: { app: redis } } }\n",
      // Beside two folders of workloads, a third with none goes with neither: it is checked on its own.
      "other/a/a.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: a }\nspec: { template: { spec: { containers: [{ name: a, image: 'a:1' }] } } }\n",
      "other/b/b.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: b }\nspec: { template: { spec: { containers: [{ name: b, image: 'b:1' }] } } }\n",
      "other/c/old.yaml":
        "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: old }\nspec: {}\n",
      // Beside two, one whose Service selects the pods of one of them goes with that one.
      "two/a/a.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: a }\nspec: { template: { metadata: { labels: { app: a } }, spec: { containers: [{ name: a, image: 'a:1' }] } } }\n",
      "two/b/b.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: b }\nspec: { template: { metadata: { labels: { app: b } }, spec: { containers: [{ name: b, image: 'b:1' }] } } }\n",
      "two/net/svc.yaml":
        "apiVersion: v1\nkind: Service\nmetadata: { name: b }\nspec: { selector: { app: b }, ports: [{ port: 80 }] }\n",
    });
    const run = await runCli(["check", root, "--format", "json"]);
    const found = JSON.parse(run.stdout).diagnostics.map(
      (d: { code: string; file: string }) => `${d.code}@${relative(root, d.file)}`,
    );
    expect(found).toContain("removed-api-version@deploy/net/pdb.yaml");
    expect(found).toContain("removed-api-version@other/c/old.yaml");
    // The Service is read with the Deployment it selects.
    expect(found).not.toContain("service-selects-nothing@deploy/net/svc.yaml");
    expect(found).not.toContain("service-selects-nothing@two/net/svc.yaml");
  });

  it("checks a folder of variant files as kubectl applies it, every file's findings with the objects it defines again", async () => {
    const service =
      "apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n";
    const deployment = (extra: string) =>
      `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: 'web:1'${extra} }] }\n`;
    const root = folderWith({
      "app.yaml": service + deployment(""),
      "app-hardened.yaml": service + deployment(", securityContext: { runAsNonRoot: true }"),
      "ingress.yaml":
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  defaultBackend: { service: { name: web, port: { number: 8081 } } }\n",
    });
    const run = await runCli(["check", root, "--format", "json"]);
    const found = JSON.parse(run.stdout).diagnostics.map(
      (d: { code: string; file: string; range: { start: { line: number; column: number } } }) =>
        `${d.code}@${relative(root, d.file)}:${d.range.start.line}:${d.range.start.column}`,
    );
    expect(found).toContain("unknown-port@ingress.yaml:5:49");
    // app.yaml comes after app-hardened.yaml, as kubectl reads a folder's files: one finding for
    // the two objects it defines again.
    expect(found.filter((f: string) => f.startsWith("manifest-duplicate-object"))).toEqual([
      "manifest-duplicate-object@app.yaml:3:19",
    ]);
    expect(run.code).toBe(1);
  });

  it("reads manifests written as JSON, and a manifest after a long licence header, as manifests", async () => {
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "j" },
      spec: { template: { spec: { hostPID: true, containers: [{ name: "j", image: "nginx:1.27" }] } } },
    };
    const root = folderWith({
      "deploy/d.json": `${JSON.stringify(deployment, null, 2)}\n`,
      "deploy/package.json": '{ "name": "not-a-manifest" }\n',
      "licensed.yaml": `${"# Licensed under the Apache License, Version 2.0 (the License).\n".repeat(100)}apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec: { ports: [{ port: 80 }] }\n`,
    });
    const codes = async (path: string) =>
      JSON.parse((await runCli(["check", path, "--format", "json"])).stdout).diagnostics.map(
        (d: { code: string }) => d.code,
      );
    expect(await codes(root)).toContain("host-namespace");
    expect(await codes(join(root, "deploy/d.json"))).toContain("host-namespace");
    // Named alone, it is read as manifests, not as a model that lacks a system.
    expect(await codes(join(root, "licensed.yaml"))).not.toContain("schema-missing-key");
  });

  it("knows a compose file by another name from its keys, and a model by its own", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-check-stack-"));
    const compose = "version: '3.8'\nservices:\n  db: { image: postgres, ports: ['5432:5432'] }\n";
    writeFileSync(join(root, "stack.yml"), compose);
    writeFileSync(join(root, "compose.yaml"), compose);
    const codes = (output: string) => JSON.parse(output).diagnostics.map((d: { code: string }) => d.code);
    const stack = await runCli(["check", join(root, "stack.yml"), "--format", "json"]);
    expect(codes(stack.stdout)).toContain("exposed-datastore");
    expect(codes(stack.stdout)).toEqual(
      codes((await runCli(["check", join(root, "compose.yaml"), "--format", "json"])).stdout),
    );
    // A model keeps being read as one, by its keys or by its name, even with only services in it.
    writeFileSync(join(root, "shop.yaml"), good);
    expect((await runCli(["check", join(root, "shop.yaml")])).code).toBe(0);
    writeFileSync(join(root, "deployview.prod.yaml"), "services:\n  api: { kind: api }\n");
    const partial = await runCli(["check", join(root, "deployview.prod.yaml"), "--format", "json"]);
    expect(codes(partial.stdout)).toContain("schema-missing-key");
  });
});

describe("the findings check reports once", () => {
  const at = (message: string): Diagnostic => ({
    code: "used-service-not-deployed",
    severity: "warning",
    message,
    file: "deployview.yaml",
    start: 10,
    end: 20,
  });

  it("are those of each run, less what an earlier run said of the same place by other names", () => {
    const dev = [at("'dev-api' uses 'dev-db'"), at("'dev-api' uses 'dev-cache'")];
    const prod = [at("'prod-api' uses 'prod-db'"), at("'prod-api' uses 'prod-cache'")];
    expect(uniqueDiagnostics([dev, prod]).map((d) => d.message)).toEqual(dev.map((d) => d.message));
  });

  it("count a finding an earlier run said word for word among those said of its place", () => {
    const found = uniqueDiagnostics([
      [at("'api' uses 'db'")],
      [at("'api' uses 'db'"), at("'api' uses 'cache'")],
    ]);
    expect(found.map((d) => d.message)).toEqual(["'api' uses 'db'", "'api' uses 'cache'"]);
  });

  it("say a finding of services sharing one setting once, though another run overrides some of them", () => {
    // A base file's anchor gives three services a password; a variant takes one of them from a variable.
    const base = at("'DB_PASSWORD' of 'a' and 2 others holds what looks like a secret in plain text");
    const variant = at("'DB_PASSWORD' of 'a' and 1 other holds what looks like a secret in plain text");
    const path = at("the path ./conf that 'a' (and 2 other services) mounts is not here");
    const fewer = at("the path ./conf that 'a' (and 1 other service) mounts is not here");
    expect(
      uniqueDiagnostics([
        [base, path],
        [variant, fewer],
      ]),
    ).toEqual([base, path]);
  });

  it("say a finding of a file two runs share once, though one run knew more to hint at than the other", () => {
    // A base compose file checked alone, and with an override that publishes the service's port.
    const alone = { ...at("'web' has no health check"), hint: 'add a healthcheck: { test: ["CMD", …] }' };
    const overridden = { ...alone, hint: 'add a healthcheck: { test: ["CMD", "curl", …] }' };
    expect(uniqueDiagnostics([[alone], [overridden]])).toEqual([alone]);
  });
});
