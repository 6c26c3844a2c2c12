// Bundles the viewer's front-end (src/serve/web) into one script, its stylesheet and page, so the
// package ships everything the page needs and nothing is fetched from elsewhere.
// Usage: node scripts/build-viewer.mjs [out-dir]   (default dist/viewer)
import { copyFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = resolve(process.argv[2] ?? `${root}dist/viewer`);
mkdirSync(outDir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ["src/serve/web/main.ts"],
  outfile: `${outDir}/app.js`,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
for (const file of ["index.html", "app.css"])
  copyFileSync(`${root}src/serve/web/${file}`, `${outDir}/${file}`);
