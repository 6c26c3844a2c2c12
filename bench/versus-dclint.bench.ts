/**
 * deployview's compose lint against dclint, whole processes on the same inputs in the same run:
 * one compose file, then every compose file of the corpus in one invocation each.
 * Targets (issue 5): at least 5× faster on one file, 30× on the corpus.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { interleavedMedians, row } from "./measure.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const deployview = join(root, "bin/deployview.cjs");
const dclint = join(root, "node_modules/dclint/bin/dclint.cjs");
const corpus = join(root, "../shared/corpus");

function run(args: string[]): void {
  try {
    execFileSync(process.execPath, args, { stdio: "ignore" });
  } catch {
    // Both exit non-zero when they find something; only the time matters here.
  }
}

function composeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return composeFiles(path);
    return /(^|[-.])compose[^/]*\.ya?ml$|^docker-compose.*\.ya?ml$/.test(name) ? [path] : [];
  });
}

if (!existsSync(join(root, "dist/cli.cjs")) || !existsSync(dclint)) {
  console.log("skipped: needs the build (npm run build) and the dclint dev dependency");
} else {
  const one = join(root, "test/fixtures/seeds/freshpoc-compose.yaml");
  const [bare, dclintOne, oursOne] = await interleavedMedians(
    [() => run(["-e", ""]), () => run([dclint, one]), () => run([deployview, "check", "-f", one])],
    11,
  );
  row("bare node (reference)", bare!);
  row("dclint, one compose file", dclintOne!, { label: "bare node", ms: bare! });
  row("deployview check -f, one compose file", oursOne!, { label: "bare node", ms: bare! });
  console.log(
    `deployview is ${(dclintOne! / oursOne!).toFixed(1)}× as fast as dclint on one file (target 5×)`,
  );
  if (existsSync(corpus)) {
    const files = composeFiles(corpus);
    const [dclintAll, oursAll] = await interleavedMedians(
      [() => run([dclint, ...files]), () => run([deployview, "check", ...files])],
      5,
    );
    row(`dclint, ${files.length} corpus files, one process`, dclintAll!);
    row("deployview check, the same files, one process", oursAll!);
    console.log(
      `deployview is ${(dclintAll! / oursAll!).toFixed(1)}× as fast as dclint on the corpus (target 30×)`,
    );
  }
}
