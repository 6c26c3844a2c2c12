import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, [`${root}node_modules/${script}`, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: "pipe",
  });

describe("code quality", () => {
  it("passes Biome (format and lint)", () => {
    expect(() => run("@biomejs/biome/bin/biome", ["check", "--diagnostic-level=error", "."])).not.toThrow();
  });

  // A whole-project type check takes tens of seconds on two busy cores: more than a test's default.
  it("type-checks under strict TypeScript", () => {
    let output = "";
    try {
      output = run("typescript/bin/tsc", ["--noEmit", "-p", "tsconfig.json"]);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  }, 120_000);

  it("writes no pattern with a Unicode property class, which the bundle compiles anew at every use", () => {
    const files = readdirSync(`${root}src`, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".ts"),
    );
    const using = files.filter((file) => /\\p\{/.test(readFileSync(`${root}src/${file}`, "utf8")));
    expect(using).toEqual([]);
  });
});
