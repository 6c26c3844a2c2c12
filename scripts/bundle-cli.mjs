// How the CLI and the library are bundled; the build uses it, and so does the test of the launcher.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { schemasWithoutAnnotations } from "./schema-annotations.mjs";

/** Options both bundles share. */
export function bundleOptions(root) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    // Dependencies are bundled too: resolving and loading them one module at a time costs more than parsing them.
    external: ["elkjs", "kubernetes-models", "playwright-core"],
    // yaml's ES module build (its "browser" entry, the same code): bundled, it is evaluated as it is
    // used, where its CommonJS build runs every module at start-up.
    alias: { yaml: "./node_modules/yaml/browser/index.js" },
    // The Compose Specification is walked, never shown: its descriptions stay out of the bundles.
    plugins: [schemasWithoutAnnotations(/vendor[\\/]compose-spec[\\/]compose-spec\.json$/)],
    legalComments: "none",
    minify: !process.env.DEPLOYVIEW_DEBUG_BUILD,
    sourcemap: false,
    logLevel: "warning",
  };
}

/**
 * The CLI as CommonJS files in `outdir`: Node 20 keeps V8's code cache only for scripts, not for ES
 * modules (see bin/deployview.cjs). `cli.cjs` is the whole CLI; `check-compose.cjs` checks compose
 * files and nothing else, a third of the size, for the launcher to start where that is all a run
 * asks. Code a command imports lazily still runs only when it is imported. Each file is a function
 * expression taking what a CommonJS module takes: bin/deployview.cjs runs it, nothing requires it.
 */
export async function bundleCli(outdir, root = fileURLToPath(new URL("..", import.meta.url))) {
  await build({
    ...bundleOptions(root),
    outdir,
    entryPoints: { cli: "src/cli/run.ts", "check-compose": "src/cli/run-compose-check.ts" },
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    define: { "import.meta.url": "__bundleUrl" },
    // Written as the function Node's module wrapper would make of it, so that the launcher compiles
    // the file as read: wrapping it there copied all of it once more on every start.
    banner: {
      js: '(function (exports, require, module, __filename, __dirname) { const __bundleUrl = require("node:url").pathToFileURL(__filename).href;',
    },
    footer: { js: "\n})" },
  });
  // A debug build keeps some comments, which may say → or é: read as Latin-1 they only read oddly.
  if (!process.env.DEPLOYVIEW_DEBUG_BUILD)
    for (const name of ["cli.cjs", "check-compose.cjs"]) assertAscii(join(outdir, name));
}

/**
 * The launcher reads the bundles as Latin-1, which V8 keeps as one byte a character: decoding is
 * quicker and the string half the size of a two-byte one. esbuild escapes non-ASCII characters in
 * strings but not in regular expression literals, so one such character in the source would
 * garble the bundle: the build stops instead and says where.
 */
function assertAscii(file) {
  const text = readFileSync(file, "utf8");
  const at = text.search(/[\u0080-\uffff]/);
  if (at === -1) return;
  const line = text.slice(0, at).split("\n").length;
  throw new Error(
    `${file}:${line}: '${text[at]}' in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}: write it as a \\u escape in the source, so that the bundle stays ASCII`,
  );
}
