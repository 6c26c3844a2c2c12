/** LikeC4 output checked by LikeC4's own validator (`likec4 validate`), one workspace per environment. */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { likeC4 } from "../../src/emit/diagram/likec4/likec4.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import type { Model } from "../../src/model/types.js";
import { examples, repoRoot } from "../helpers/examples.js";

const cli = `${repoRoot}node_modules/likec4/bin/likec4.mjs`;
const run = promisify(execFile);

async function validate(source: string): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), "deployview-likec4-"));
  writeFileSync(join(dir, "model.c4"), source);
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, "validate", dir], { timeout: 60_000 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync(cli))("LikeC4 validates our output", () => {
  it("every environment of every example", async () => {
    const models: { name: string; model: Model }[] = await Promise.all(
      examples().map(async (e) => ({ name: e.name, model: (await loadModelFile(e.model)).model! })),
    );
    const jobs = models.flatMap(({ name, model }) =>
      model.environments.map(async (environment) => ({
        where: `${name}/${environment.id}`,
        ...(await validate(likeC4(model, environment.id))),
      })),
    );
    const failures = (await Promise.all(jobs)).filter((r) => !r.ok).map((r) => `${r.where}\n${r.output}`);
    expect(failures).toEqual([]);
  }, 240_000);

  it("hostile names, and the validator does reject a broken file", async () => {
    const model = loadModelText(
      [
        "system: { name: 'S \"q\" \\\\ x' }",
        "services:",
        "  web: { kind: web, name: '<img src=x onerror=alert(1)>', technology: \"it's 'quoted'\", uses: { db: 'a \"b\"' } }",
        "  db: { kind: database, name: 'db } {', ports: { pg: 5432 } }",
        "environments:",
        "  dev: { platform: compose, nodes: { host: { kind: host, name: 'h', run: [web, db] } } }",
      ].join("\n"),
      "hostile.yaml",
    ).model!;
    const source = likeC4(model, "dev");
    const good = await validate(source);
    expect(good.output, good.output).toContain("Valid");
    expect(good.ok).toBe(true);
    expect(
      (await validate(source.replace("instanceOf system_system.s_db", "instanceOf system_system.s_nothing")))
        .ok,
    ).toBe(false);
  }, 120_000);
});
