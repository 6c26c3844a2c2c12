import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModelFile } from "../../src/load/index.js";
import { runCli } from "../helpers/cli.js";

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
  });

  it("never replaces an existing model without --force", async () => {
    const root = repository();
    writeFileSync(join(root, "deployview.yaml"), "# mine\n");
    const refused = await runCli(["init", root]);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(root, "deployview.yaml"), "utf8")).toBe("# mine\n");
    expect((await runCli(["init", root, "--force"])).code).toBe(0);
  });

  it("says so when there is nothing to start from", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-empty-"));
    const result = await runCli(["init", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("found no compose file");
    expect(existsSync(join(root, "deployview.yaml"))).toBe(false);
  });
});
