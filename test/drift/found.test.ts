import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), "deployview-drift-found-"));
  writeFileSync(
    join(root, "compose.yaml"),
    [
      "services:",
      "  web: { image: 'nginx:1.27', ports: ['8080:80'], depends_on: [db] }",
      "  db: { image: 'postgres:16', volumes: ['pg:/var/lib/postgresql/data'], environment: { POSTGRES_DB: app } }",
      "volumes: { pg: {} }",
      "",
    ].join("\n"),
  );
  writeFileSync(join(root, "docker-compose.prod.yml"), "services:\n  web: { ports: ['443:80'] }\n");
  mkdirSync(join(root, "k8s"));
  writeFileSync(
    join(root, "k8s", "web.yaml"),
    [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  replicas: 2",
      "  template:",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: nginx:1.27",
      "          ports: [{ containerPort: 80 }]",
      "",
    ].join("\n"),
  );
  return root;
}

async function drift(root: string): Promise<string[]> {
  const result = await runCli(["drift", join(root, "deployview.yaml"), "--format", "json"], root);
  return JSON.parse(result.stdout)
    .diagnostics.filter((d: { code: string }) => d.code !== "missing-generated-file")
    .map((d: { code: string; file: string; message: string }) => `${d.code} ${d.file}: ${d.message}`);
}

describe("deployview drift on the configuration a repository has", () => {
  it("compares the compose files and manifests init found with their environments, for what they run", async () => {
    const root = repository();
    expect((await runCli(["init", root])).code).toBe(0);
    expect(await drift(root)).toEqual([]);

    const edit = (path: string, from: string, to: string) => {
      const text = readFileSync(join(root, path), "utf8");
      expect(text).toContain(from);
      writeFileSync(join(root, path), text.replace(from, to));
    };
    edit("compose.yaml", "postgres:16", "postgres:17");
    edit("docker-compose.prod.yml", "443:80", "8443:80");
    edit("k8s/web.yaml", "replicas: 2", "replicas: 3");
    mkdirSync(join(root, "tools"));
    writeFileSync(
      join(root, "tools", "compose.yaml"),
      "services:\n  mailhog: { image: 'mailhog/mailhog:v1.0.1' }\n",
    );

    expect(await drift(root)).toEqual([
      // Once, though both the base set and the production set run it.
      "configuration-drift compose.yaml: in local, prod: 'db' runs postgres:17 here; the model says postgres:16",
      // Compose adds the production file's port to the base file's: prod publishes both.
      "configuration-drift docker-compose.prod.yml: in prod: 'web' publishes 8080→80, 8443→80 here; the model says 443→80, 8080→80",
      "configuration-drift k8s/web.yaml: in k8s: 'web' runs 3 replicas here; the model says 2 replicas",
      "unmodelled-configuration tools/compose.yaml: compose files at tools/compose.yaml describe no environment of the model, so drift does not compare them",
    ]);
  });

  it("masks a password in the frame of a finding on the line of a committed compose file that holds it, in every format", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-drift-secret-"));
    const line = (image: string) =>
      `  db: { image: '${image}', environment: { POSTGRES_PASSWORD: hunter2secret }, volumes: ['pg:/var/lib/postgresql/data'] }`;
    const compose = (image: string) => ["services:", line(image), "volumes: { pg: {} }", ""].join("\n");
    writeFileSync(join(root, "compose.yaml"), compose("postgres:16"));
    expect((await runCli(["init", root])).code).toBe(0);
    writeFileSync(join(root, "compose.yaml"), compose("postgres:17"));

    const text = (await runCli(["drift", join(root, "deployview.yaml")], root)).stdout;
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("compose.yaml:2:16: error "));
    expect(at, text).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe(`  2 | ${line("postgres:17").replace("hunter2secret", "*************")}`);
    for (const format of ["text", "json", "sarif", "github"]) {
      const result = await runCli(["drift", join(root, "deployview.yaml"), "--format", format], root);
      expect(result.stdout, format).not.toContain("hunter2secret");
    }
  });
});
