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

  it("reports exactly the edits: a stale file at its first changed line, a missing one, a hand-edited one", async () => {
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
      "edited-generated-file deploy/devcontainer/compose.yaml",
      "stale-generated-file deploy/production-compose/compose.yaml",
      "stale-generated-file deploy/production-k8s/pg-primary.yaml",
      "stale-generated-file deploy/production-k8s/pg-replica.yaml",
      "stale-generated-file docs/deployment-view.md",
    ]);
  });
});
