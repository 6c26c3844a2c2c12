#!/usr/bin/env node
// Starts the bundled CLI from V8's code cache. Compiling the bundle costs a short command (one
// compose file checked) about a fifth of its time; with the cache V8 skips parsing and compiling
// everything the cache holds. The cache is made at build time; when it is missing, or V8 rejects
// it (another Node version, other V8 flags), this run makes a new one, if dist/ is writable.
"use strict";
const {
  accessSync,
  closeSync,
  constants: fs,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

// The names compose files go by (as src/import/compose/file-names.ts has them; a test holds the two alike).
const COMPOSE_FILE = /(?:^|[-._])compose[^/\\]*\.ya?ml$|^pwd\.yml$/;
const VALUE_OPTIONS = new Set(["--format", "--rule", "--max-warnings"]);

function isFile(path) {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

// A top-level system key, which a model has and no compose file (as src/import/compose/file-names.ts
// tells them apart): a model kept under a compose file's name is for the whole CLI.
const MODEL_KEY = /^(?:system|"system"|'system')[ \t]*:(?:[ \t]|$)/m;

// One buffer for every file: a check of forty compose files reads the start of each. A model
// names its system first, as init writes it and the schema orders it: 16 KiB reach past any header.
let start;

function holdsModel(path) {
  let fd;
  try {
    fd = openSync(path, "r");
    start ??= Buffer.allocUnsafe(16 * 1024);
    return MODEL_KEY.test(start.latin1Slice(0, readSync(fd, start, 0, start.length, 0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether `check`'s arguments name compose files and nothing else: files there, by the name, or given with -f. */
function composeFilesOnly(args) {
  let files = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-f" || arg === "--file") {
      files++;
      i++;
    } else if (arg.startsWith("--file=") || (arg.startsWith("-f") && arg.length > 2)) files++;
    else if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith("-")) {
      if (!COMPOSE_FILE.test(arg.split(/[/\\]/).pop())) return false;
      // A folder, a missing file or one the system cannot stat (a symbolic link loop) by that name
      // is for the whole CLI to say what it is.
      if (!isFile(arg) || holdsModel(arg)) return false;
      files++;
    }
  }
  return files > 0;
}

// The cache file starts with a line naming the commands whose code it holds. A cache made by one
// command (the first run after Node changed, often `init` or `--help`) lacks what the others
// compile, so the first run of each other command writes it again, adding what that one compiled.
const HEADER = "deployview-cache 1 ";
const command = /^[a-z][a-z-]*$/.test(process.argv[2] ?? "") ? process.argv[2] : "";
// A check of compose files needs neither the model's schema validator (a third of the whole CLI)
// nor the other readers and the generators: it starts from a bundle, and a cache, of its own.
const name = command === "check" && composeFilesOnly(process.argv.slice(3)) ? "check-compose" : "cli";
const bundle = join(__dirname, `../dist/${name}.cjs`);
const cacheFile = join(__dirname, `../dist/${name}.cache`);
let cachedData;
let covered = [];
try {
  const file = readFileSync(cacheFile);
  const newline = file.indexOf(10);
  const header = file.toString("latin1", 0, Math.max(newline, 0));
  if (newline > 0 && header.startsWith(HEADER)) {
    covered = header.slice(HEADER.length).split(",");
    cachedData = file.subarray(newline + 1);
  }
} catch {
  // No cache yet: this run writes one.
}

let source;
try {
  // The build keeps the bundle ASCII (scripts/bundle-cli.mjs): Latin-1 reads it as it is, and quicker.
  source = readFileSync(bundle, "latin1");
} catch {
  process.stderr.write("deployview: the CLI is not built yet; run `npm run build` in its folder\n");
  process.exit(2);
}

// No `importModuleDynamically`: Node 20 loses it for a script compiled from the cache, so the
// bundle requires what it loads lazily and never imports a module dynamically (a test holds it to that).
// The bundle is written wrapped as a CommonJS module (scripts/bundle-cli.mjs): compiled as read.
const script = new Script(source, { filename: bundle, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));

const cacheState = cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "used";
if (process.env.DEPLOYVIEW_DEBUG) process.stderr.write(`deployview: code cache ${cacheState}\n`);

cli.exports.run().then((code) => {
  process.exitCode = code;
  if (cacheState !== "used") writeCache([command]);
  // Bounded, so that a stream of mistyped commands does not rewrite it forever.
  else if (!covered.includes(command) && covered.length < 16) writeCache([...covered, command]);
  // Done: exit rather than let Node tear down the heap object by object, which took a check of
  // forty compose files 10 to 25 ms. Only once the output has reached the system, so none is lost.
  if (!cli.exports.outputPending()) process.exit(code);
});

// Written beside the bundle under a private name, then renamed: a concurrent run never reads half a file.
// Where dist/ is read-only (an installation owned by another user), every run would otherwise pay
// for making a cache it cannot keep.
function writeCache(commands) {
  try {
    accessSync(dirname(cacheFile), fs.W_OK);
  } catch {
    return;
  }
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(
      temporary,
      Buffer.concat([Buffer.from(`${HEADER}${commands.join(",")}\n`), script.createCachedData()]),
    );
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}
