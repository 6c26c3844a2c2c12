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

function composeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return composeFiles(path);
    return /(^|[-.])compose[^/]*\.ya?ml$|^docker-compose.*\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Both tools, and a bare node for reference, run as processes in `env`. */
async function compare(env: NodeJS.ProcessEnv): Promise<void> {
  const run = (args: string[]): void => {
    try {
      execFileSync(process.execPath, args, { stdio: "ignore", env });
    } catch {
      // Both exit non-zero when they find something; only the time matters here.
    }
  };
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
  if (!existsSync(corpus)) return;
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

if (!existsSync(join(root, "dist/cli.cjs")) || !existsSync(dclint)) {
  console.log("skipped: needs the build (npm run build) and the dclint dev dependency");
} else {
  await compare(process.env);
  // Node 20 reads every certificate of NODE_EXTRA_CA_CERTS before it runs a line of JavaScript
  // (on a machine that trusts a proxy's certificates, most of a bare node's start): a cost both
  // tools pay alike, which narrows the ratio. The first figures are the target's; these show where
  // the time goes on a machine without that variable.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    console.log("\nthe same, without NODE_EXTRA_CA_CERTS (which this machine sets):");
    const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
    await compare(env);
  }
}
