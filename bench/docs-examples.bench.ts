/**
 * `deployview docs` on each bundled example, as a user runs it: a whole process, on a copy of the
 * example with its committed diagrams (so unchanged layouts are reused, as they are in a checkout).
 * Target (issue 2): within 150 ms wall each; bare `node` in the same run is the reference.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, row } from "./measure.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const deployview = join(root, "bin/deployview.cjs");

const run = (args: string[]) => execFileSync(process.execPath, args, { stdio: "ignore" });

if (!existsSync(join(root, "dist/cli.cjs"))) {
  console.log("skipped: needs the build (npm run build)");
} else {
  const bare = await median(() => run(["-e", ""]), 11);
  row("bare node (reference)", bare);
  for (const name of readdirSync(join(root, "examples")).sort()) {
    const copy = mkdtempSync(join(tmpdir(), `deployview-bench-${name}-`));
    cpSync(join(root, "examples", name), copy, { recursive: true });
    const model = join(copy, "deployview.yaml");
    const ms = await median(() => run([deployview, "docs", model]), 11);
    row(`docs ${name} (target 150 ms)`, ms, { label: "bare node", ms: bare });
  }
}
