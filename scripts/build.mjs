// Builds the package: derived schema artifacts, the library (ES modules) and its type declarations,
// the bundled CLI and its code cache, and the viewer's front-end when present.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { bundleCli, bundleOptions } from "./bundle-cli.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: "inherit" });

run(process.execPath, ["--import", "tsx", "scripts/generate.ts"]);
rmSync(`${root}dist`, { recursive: true, force: true });
// The library, as an ES module.
await build({
  ...bundleOptions(root),
  outdir: "dist",
  entryPoints: { index: "src/index.ts" },
  splitting: true,
  format: "esm",
  chunkNames: "chunks/[name]-[hash]",
  // Bundled CommonJS dependencies call require() for built-ins; give ESM chunks one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
await bundleCli(`${root}dist`);
// The code caches, made by checking a compose file and a model (the whole CLI's cache, which every
// command shares), and a compose file alone (the cache of the bundle that checks compose files):
// the functions a check runs are compiled already when the next one starts.
const compose = "test/fixtures/seeds/freshpoc-compose.yaml";
const model = "examples/freshpoc/deployview.yaml";
if ([compose, model].every((file) => existsSync(`${root}${file}`))) {
  for (const args of [
    ["check", compose, model],
    ["check", compose],
  ]) {
    try {
      execFileSync(process.execPath, ["bin/deployview.cjs", ...args], { cwd: root, stdio: "ignore" });
    } catch {
      // It finds problems in both on purpose, and exits 1; the cache is written all the same.
    }
  }
}
run(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"]);
if (existsSync(`${root}scripts/build-viewer.mjs`)) run(process.execPath, ["scripts/build-viewer.mjs"]);
