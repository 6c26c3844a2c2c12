/** Shared by the viewer tests: the front-end built into a temporary folder, and copies of models to edit. */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { repoRoot } from "../helpers/examples.js";

let built: string | undefined;
const made: string[] = [];

// Every folder made here goes when the test file is done (servers are closed in the files' own afterAll, which runs first).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  built = undefined;
});

/** Builds the page once per test file, with the same script the package build uses. */
export function buildAssets(): string {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), "deployview-viewer-"));
  made.push(dir);
  execFileSync(process.execPath, [`${repoRoot}scripts/build-viewer.mjs`, dir], {
    cwd: repoRoot,
    stdio: "pipe",
  });
  built = dir;
  return dir;
}

/** A model file in a fresh folder, so a test can edit it. */
export function modelCopy(source: string | { text: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "deployview-model-"));
  made.push(dir);
  const target = join(dir, "deployview.yaml");
  if (typeof source === "string") copyFileSync(source, target);
  else writeFileSync(target, source.text);
  return target;
}

export const hostileModel = [
  "system: { name: '<img src=x onerror=alert(1)>' }",
  "services:",
  "  web:",
  "    kind: web",
  "    name: '<img src=x onerror=alert(1)>'",
  "    technology: '<script>alert(2)</script>'",
  "    description: '\"><svg onload=alert(3)>'",
  "    ports: { http: 80 }",
  "    env: { TOKEN: { secret: api-token }, GREETING: '<b>hi</b>', DB_PASSWORD: hunter2 }",
  "    uses: { db: '<iframe src=javascript:alert(4)>' }",
  "  db: { kind: database, name: '</text><script>alert(5)</script>', ports: { pg: 5432 } }",
  "secrets:",
  "  api-token: { description: token }",
  "environments:",
  "  '<b>env</b>':",
  "    name: '<img src=x onerror=alert(6)>'",
  "    platform: compose",
  "    nodes: { host: { kind: host, name: '<i>host</i>', run: [web, db] } }",
].join("\n");
