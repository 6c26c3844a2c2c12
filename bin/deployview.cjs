#!/usr/bin/env node
// Starts the bundled CLI from V8's code cache. Compiling the bundle costs a short command (one
// compose file checked) about a fifth of its time; with the cache V8 skips parsing and compiling
// everything the cache holds. The cache is made at build time; when it is missing, or V8 rejects
// it (another Node version, other V8 flags), this run makes a new one, if dist/ is writable.
"use strict";
const { accessSync, constants: fs, readFileSync, renameSync, unlinkSync, writeFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const bundle = join(__dirname, "../dist/cli.cjs");
const cacheFile = join(__dirname, "../dist/cli.cache");

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet: this run writes one.
}

let source;
try {
  source = readFileSync(bundle, "utf8");
} catch {
  process.stderr.write("deployview: the CLI is not built yet; run `npm run build` in its folder\n");
  process.exit(2);
}

// No `importModuleDynamically`: Node 20 loses it for a script compiled from the cache, so the
// bundle requires what it loads lazily and never imports a module dynamically (a test holds it to that).
const script = new Script(wrap(source), { filename: bundle, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));

const cacheState = cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "used";
if (process.env.DEPLOYVIEW_DEBUG) process.stderr.write(`deployview: code cache ${cacheState}\n`);

cli.exports.run().then((code) => {
  process.exitCode = code;
  if (cacheState !== "used") writeCache();
  // Done: exit rather than let Node tear down the heap object by object, which took a check of
  // forty compose files 10 to 25 ms. Only once the output has reached the system, so none is lost.
  if (!cli.exports.outputPending()) process.exit(code);
});

// Written beside the bundle under a private name, then renamed: a concurrent run never reads half a file.
// Where dist/ is read-only (an installation owned by another user), every run would otherwise pay
// for making a cache it cannot keep.
function writeCache() {
  try {
    accessSync(dirname(cacheFile), fs.W_OK);
  } catch {
    return;
  }
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}
