import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { bundleCli } from "../../scripts/bundle-cli.mjs";
import { isModelText } from "../../src/import/compose/file-names.js";
import { runCli } from "../helpers/cli.js";
import { folderWith } from "../helpers/files.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = join(root, "test/fixtures/seeds/freshpoc-compose.yaml");
const model = join(root, "examples/freshpoc/deployview.yaml");

/** The launcher and the bundle, laid out as in the package, in a folder of their own. */
let folder: string;
const cache = () => join(folder, "dist/cli.cache");
const cli = (args: string[]) => {
  try {
    return {
      code: 0,
      stdout: execFileSync(process.execPath, [join(folder, "bin/deployview.cjs"), ...args], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, stdout: failed.stdout };
  }
};
/** What the launcher made of the cache: missing, rejected or used. */
const debugLine = () =>
  spawnSync(process.execPath, [join(folder, "bin/deployview.cjs"), "--version"], {
    encoding: "utf8",
    env: { ...process.env, DEPLOYVIEW_DEBUG: "1" },
  }).stderr;

describe("the launcher and its code cache", () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "deployview-launcher-"));
    mkdirSync(join(folder, "bin"));
    copyFileSync(join(root, "bin/deployview.cjs"), join(folder, "bin/deployview.cjs"));
    // Where an installed package finds its dependencies: ELK, which diagrams load lazily.
    symlinkSync(join(root, "node_modules"), join(folder, "node_modules"));
    await bundleCli(join(folder, "dist"), root);
  }, 60_000);

  it("writes a cache on its first run, which the next run uses", () => {
    expect(cli(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(readFileSync(cache()).length).toBeGreaterThan(1000);
    expect(debugLine()).toBe("deployview: code cache used\n");
  });

  it("draws diagrams from the cache: docs on a model with no layouts yet, without a warning", () => {
    expect(debugLine()).toBe("deployview: code cache used\n");
    const project = mkdtempSync(join(tmpdir(), "deployview-fresh-"));
    copyFileSync(join(root, "examples/freshpoc/deployview.yaml"), join(project, "deployview.yaml"));
    const result = spawnSync(
      process.execPath,
      [join(folder, "bin/deployview.cjs"), "docs", "deployview.yaml"],
      {
        cwd: project,
        encoding: "utf8",
      },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(join(project, "docs/diagrams/production.svg"), "utf8")).toContain("<svg");
  });

  it("reports a named pipe as not a file, by any name and with -f, rather than wait for a writer", () => {
    // In a process of its own: a read that waits for a writer would stop the tests' own thread.
    const project = mkdtempSync(join(tmpdir(), "deployview-pipe-"));
    for (const name of ["compose.yaml", "stack.yml", "app.yaml"])
      execFileSync("mkfifo", [join(project, name)]);
    for (const args of [["compose.yaml"], ["stack.yml"], ["app.yaml"], ["-f", "compose.yaml"]]) {
      const result = spawnSync(process.execPath, [join(folder, "bin/deployview.cjs"), "check", ...args], {
        cwd: project,
        encoding: "utf8",
        timeout: 20_000,
      });
      expect({ args, status: result.status }).toEqual({ args, status: 2 });
      expect(result.stdout).toContain("not a file");
    }
  });

  it("reports a symbolic link loop by a compose file's name as unreadable, without a stack trace", () => {
    const project = mkdtempSync(join(tmpdir(), "deployview-loop-"));
    symlinkSync("b-compose.yaml", join(project, "a-compose.yaml"));
    symlinkSync("a-compose.yaml", join(project, "b-compose.yaml"));
    for (const args of [
      ["check", "a-compose.yaml"],
      ["init", "a-compose.yaml"],
      ["serve", "a-compose.yaml"],
    ]) {
      const result = spawnSync(process.execPath, [join(folder, "bin/deployview.cjs"), ...args], {
        cwd: project,
        encoding: "utf8",
        timeout: 20_000,
      });
      expect({ args, status: result.status }).toEqual({ args, status: 2 });
      expect(result.stdout + result.stderr).not.toMatch(/internal error|\n\s+at |node:fs/);
    }
  });

  it("checks standard input named -, as what it holds: a model, manifests or a compose file", () => {
    const project = folderWith({}, "deployview-stdin-any-");
    const check = (input: string) =>
      spawnSync(process.execPath, [join(folder, "bin/deployview.cjs"), "check", "-"], {
        cwd: project,
        input,
        encoding: "utf8",
        timeout: 20_000,
      });
    const model = check(
      "system: { name: Shop }\nservices:\n  api: { kind: api, image: 'shop/api:latest', health: { tcp: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api] } } }\n",
    );
    expect(model.stdout).toMatch(/^<stdin>:3:\d+: warning .* \[image-latest-tag\]$/m);
    const manifests = check(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec: { containers: [{ name: api, image: 'api:1.0', securityContext: { privileged: true } }] }\n",
    );
    expect(manifests.stdout).toMatch(/^<stdin>:8:\d+: error .* \[privileged-container\]$/m);
    expect(manifests.status).toBe(1);
    const compose = check("services:\n  db: { image: 'postgres:16', ports: ['5432:5432'] }\n");
    expect(compose.stdout).toMatch(/^<stdin>:2:\d+: error .* \[exposed-datastore\]$/m);
    for (const result of [model, manifests, compose]) expect(result.stderr).toBe("");
  });

  it("checks a compose file from standard input with -f -, its paths and .env read from the folder it runs in", () => {
    const project = folderWith(
      { ".env": "TAG=1.4\n", "web/Dockerfile": "FROM nginx:1.27\n" },
      "deployview-stdin-",
    );
    const check = (input: string, format = "text", name = "-") =>
      spawnSync(
        process.execPath,
        [join(folder, "bin/deployview.cjs"), "check", "-f", name, "--format", format],
        { cwd: project, input, encoding: "utf8", timeout: 20_000 },
      );
    const compose = [
      "services:",
      "  web: { build: ./web, image: 'shop/web:${TAG}', ports: ['8080:80'] }",
      "  api: { build: ./api, image: shop/api:1.0, ports: ['8080:81'] }",
      "",
    ].join("\n");
    // The system's name for standard input reads the same: its paths are not looked for in /dev.
    for (const name of ["-", "/dev/stdin"]) {
      const result = check(compose, "json", name);
      expect(result.status, name).toBe(1);
      const found = JSON.parse(result.stdout) as {
        diagnostics: { code: string; file: string; range: { start: { line: number } } }[];
      };
      // ./web is there, ./api is not; TAG is set by .env; the clash is found as in any file.
      const missing = found.diagnostics.filter((d) => d.code === "missing-path");
      expect(missing.map((d) => d.range.start.line)).toEqual([3]);
      expect(found.diagnostics.map((d) => d.code)).toContain("host-port-conflict");
      expect(found.diagnostics.map((d) => d.code)).not.toContain("compose-unset-variable");
      expect(new Set(found.diagnostics.map((d) => d.file))).toEqual(new Set(["<stdin>"]));
    }

    const broken = check("services: [\n");
    expect(broken.status).toBe(2);
    expect(broken.stdout).toMatch(/^<stdin>:1:11: error .* \[yaml-syntax\]$/m);

    const empty = check("");
    expect(empty.status).toBe(2);
    expect(empty.stdout).toContain("<stdin>: error the compose file is empty: it defines no services");
  });

  it("runs every command from the bundle on a fresh copy of a model, with nothing on stderr", () => {
    const project = mkdtempSync(join(tmpdir(), "deployview-commands-"));
    copyFileSync(join(root, "examples/ai-3tier/deployview.yaml"), join(project, "deployview.yaml"));
    const commands = [
      ["check", "deployview.yaml"],
      ["build", "deployview.yaml"],
      ["drift", "deployview.yaml"],
      ["compose", "deployview.yaml", "--env", "dev", "--out", "out/dev"],
      ["k8s", "deployview.yaml", "--env", "production", "--out", "out/production"],
      ...["svg", "ascii", "mermaid", "c4", "structurizr", "likec4", "d2", "plantuml"].map((format) => [
        "diagram",
        "deployview.yaml",
        "--env",
        "production",
        "--format",
        format,
      ]),
      ["rules"],
      ["schema"],
    ];
    for (const args of commands) {
      const result = spawnSync(process.execPath, [join(folder, "bin/deployview.cjs"), ...args], {
        cwd: project,
        encoding: "utf8",
      });
      expect({ args, stderr: result.stderr, status: result.status }).toEqual({ args, stderr: "", status: 0 });
    }
  }, 60_000);

  it("holds bundles that import no module dynamically, which a script from the cache cannot do", () => {
    for (const bundle of ["cli.cjs", "check-compose.cjs"])
      expect(readFileSync(join(folder, "dist", bundle), "utf8")).not.toMatch(/\bimport\(/);
  });

  it("checks compose files alone from a bundle without the other readers, and says what the whole CLI says", async () => {
    const size = (bundle: string) => readFileSync(join(folder, "dist", bundle)).length;
    expect(size("check-compose.cjs")).toBeLessThan(size("cli.cjs") / 2);
    const project = folderWith({
      "compose.yaml": readFileSync(fixture, "utf8"),
      "other.yml": "services: {}\n",
    });
    const runs = [
      ["check", "compose.yaml"],
      ...["json", "sarif", "github"].map((format) => ["check", "compose.yaml", "--format", format]),
      ["check", "-f", "compose.yaml", "-f", "other.yml", "--rule", "missing-health-check=off"],
      ["check", "compose.yaml", "--help"],
    ];
    for (const args of runs) {
      const bundled = spawnSync(process.execPath, [join(folder, "bin/deployview.cjs"), ...args], {
        cwd: project,
        encoding: "utf8",
      });
      // The whole CLI, from the sources, on the same run.
      const whole = await runCli(args, project);
      expect({ args, code: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr }).toEqual({
        args,
        ...whole,
      });
    }
  });

  it("adds each command's code to a cache another command made, once", () => {
    const header = () => readFileSync(cache()).toString("latin1", 0, 200).split("\n")[0];
    rmSync(cache());
    cli(["--version"]);
    expect(header()).toBe("deployview-cache 1 ");
    const small = readFileSync(cache()).length;
    cli(["check", model]);
    expect(header()).toBe("deployview-cache 1 ,check");
    const grown = readFileSync(cache());
    expect(grown.length).toBeGreaterThan(small);
    expect(debugLine()).toBe("deployview: code cache used\n");
    cli(["check", model]);
    expect(readFileSync(cache()).equals(grown)).toBe(true);
  });

  it("starts a check of compose files alone from a bundle and cache of their own, every other command from the whole CLI's", () => {
    const composeCache = join(folder, "dist/check-compose.cache");
    const project = folderWith({
      "compose.yaml": readFileSync(fixture, "utf8"),
      "docker-compose.prod.yml": "services: {}\n",
      "deployview.yaml": readFileSync(join(root, "examples/freshpoc/deployview.yaml"), "utf8"),
      "other.yaml": "services: {}\n",
      "my-compose.yaml": readFileSync(join(root, "examples/freshpoc/deployview.yaml"), "utf8"),
      "stack/compose.yaml/deployview.yaml": readFileSync(
        join(root, "examples/freshpoc/deployview.yaml"),
        "utf8",
      ),
    });
    const cacheOf = (args: string[]) => {
      rmSync(cache(), { force: true });
      rmSync(composeCache, { force: true });
      spawnSync(process.execPath, [join(folder, "bin/deployview.cjs"), ...args], { cwd: project });
      return [existsSync(composeCache) && "compose", existsSync(cache()) && "shared"].filter(Boolean);
    };
    expect(cacheOf(["check", "compose.yaml", "docker-compose.prod.yml", "--format", "json"])).toEqual([
      "compose",
    ]);
    expect(cacheOf(["check", "--rule", "image-latest-tag=off", "-f", "other.yaml"])).toEqual(["compose"]);
    expect(cacheOf(["check", "compose.yaml", "deployview.yaml"])).toEqual(["shared"]);
    // Named like a compose file, but a folder, or not there: the whole CLI says what it is.
    expect(cacheOf(["check", "stack/compose.yaml"])).toEqual(["shared"]);
    expect(cacheOf(["check", "missing/compose.yaml"])).toEqual(["shared"]);
    // Named like a compose file, but a model: read as the model it is.
    expect(cacheOf(["check", "my-compose.yaml"])).toEqual(["shared"]);
    expect(cacheOf(["check"])).toEqual(["shared"]);
    expect(cacheOf(["build", "deployview.yaml"])).toEqual(["shared"]);
  });

  it("knows compose files by the names the importer knows them by", () => {
    const pattern = (text: string) => /const COMPOSE_FILE = (\/.+\/);/.exec(text)?.[1];
    const launcher = pattern(readFileSync(join(root, "bin/deployview.cjs"), "utf8"));
    expect(launcher).toBeDefined();
    expect(launcher).toBe(pattern(readFileSync(join(root, "src/import/compose/file-names.ts"), "utf8")));
  });

  it("tells a model kept under a compose file's name as the CLI tells it", () => {
    const source = /const MODEL_KEY = \/(.+)\/m;/.exec(
      readFileSync(join(root, "bin/deployview.cjs"), "utf8"),
    )?.[1];
    expect(source).toBeDefined();
    const launcher = new RegExp(source!, "m");
    for (const text of [
      "system: { name: Shop }\nservices: {}\n",
      "# a model\n\nservices:\n  a: {}\n'system':\n  name: S\n",
      '"system" : { name: S }\n',
      "services:\n  system:\n    image: a:1\n",
      "x-system: 1\nservices: {}\n",
      "systems: []\n",
    ])
      expect(launcher.test(text), text).toBe(isModelText(text));
  });

  /** Forty copies of the fixture, each checked on its own: far more output than a pipe holds. */
  const copies = () => {
    const texts = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`copy-${i}/compose.yaml`, readFileSync(fixture, "utf8")]),
    );
    const root = folderWith(texts, "deployview-copies-");
    return Object.keys(texts).map((path) => join(root, path));
  };

  it("writes all of a long output through a pipe before it exits", () => {
    const { stdout } = cli(["check", ...copies()]);
    expect(stdout.length).toBeGreaterThan(4 * 64 * 1024);
    expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/^\d+ errors, \d+ warnings$/);
  });

  it("stops writing quietly when the reader closes the pipe early, and exits with the check's verdict", () => {
    // Far more output than a pipe holds, so the writer meets the closed pipe.
    const piped = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${join(folder, "bin/deployview.cjs")}" check ${copies()
          .map((copy) => `"${copy}"`)
          .join(" ")} | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}`,
      ],
      { encoding: "utf8" },
    );
    // The copies hold errors: the pipeline learns so (set -o pipefail), though nobody read them.
    expect(piped.stdout.trim()).toBe("1");
    expect(piped.stderr).toBe("");
  });

  it("says the CLI is not built, without a stack trace, where the bundle is missing", () => {
    const bare = mkdtempSync(join(tmpdir(), "deployview-unbuilt-"));
    mkdirSync(join(bare, "bin"));
    copyFileSync(join(root, "bin/deployview.cjs"), join(bare, "bin/deployview.cjs"));
    const result = spawnSync(process.execPath, [join(bare, "bin/deployview.cjs"), "--version"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("deployview: the CLI is not built yet; run `npm run build` in its folder\n");
  });

  it("replaces a cache V8 rejects, and checks the same either way", () => {
    const first = cli(["check", model, fixture]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("8080");
    writeFileSync(cache(), "deployview-cache 1 check\nnot a code cache");
    expect(debugLine()).toBe("deployview: code cache rejected\n");
    writeFileSync(cache(), "deployview-cache 1 check\nnot a code cache");
    expect(cli(["check", model, fixture])).toEqual(first);
    expect(debugLine()).toBe("deployview: code cache used\n");
    // A file without the header (an older build's cache) is no cache at all.
    writeFileSync(cache(), "not a code cache");
    expect(debugLine()).toBe("deployview: code cache missing\n");
  });
});
