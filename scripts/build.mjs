// Builds the package: derived schema artifacts, the bundled CLI (commands split so each loads lazily),
// the library entry, its type declarations, and the viewer's front-end when present.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: "inherit" });

run(process.execPath, ["--import", "tsx", "scripts/generate.ts"]);
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/run.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Dependencies are bundled too: resolving and loading them one module at a time costs more than parsing them.
  external: ["elkjs", "kubernetes-models", "playwright-core"],
  // yaml's ES module build (its "browser" entry, the same code): bundled as ES modules it is
  // evaluated as it is used, where its CommonJS build runs every module at start-up.
  alias: { yaml: "./node_modules/yaml/browser/index.js" },
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  minify: process.env.DEPLOYVIEW_DEBUG_BUILD ? false : true,
  // Bundled CommonJS dependencies call require() for built-ins; give ESM chunks one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  sourcemap: false,
  logLevel: "warning",
});
run(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"]);
if (existsSync(`${root}scripts/build-viewer.mjs`)) run(process.execPath, ["scripts/build-viewer.mjs"]);
