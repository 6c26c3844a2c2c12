import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("usage mistakes", () => {
  it("names the command meant by a misspelt one", async () => {
    const result = await runCli(["chek", "compose.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'chek'; did you mean 'check'?");
  });

  it("takes the names every object has for unknown commands, not for commands of its own", async () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const result = await runCli([name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown command '${name}'`);
      expect(result.stderr).not.toContain("internal error");
    }
  });

  it("refuses a path more than a command takes, rather than pass over it unread", async () => {
    const cases = [
      [
        ["compose", "a.yaml", "b.yaml", "--env", "dev"],
        "deployview compose: takes one path; 'b.yaml' is one too many",
      ],
      [["diagram", "a.yaml", "b.yaml"], "deployview diagram: takes one path; 'b.yaml' is one too many"],
      [["serve", "a.yaml", "b.yaml"], "deployview serve: takes one path; 'b.yaml' is one too many"],
      [["schema", "extra"], "deployview schema: takes no path; 'extra' is one too many"],
    ] as const;
    for (const [args, message] of cases) {
      const result = await runCli([...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(message);
    }
  });

  it("names the option meant by a misspelt one, in one line", async () => {
    const result = await runCli(["check", "--formt", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "deployview check: unknown option '--formt'; did you mean '--format'?",
    );
    const unknown = await runCli(["check", "--frobnicate"]);
    expect(unknown.stderr.split("\n")[0]).toBe("deployview check: unknown option '--frobnicate'");
  });

  it("refuses a --rule that names no rule, a property every object has included, and names the rule meant", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-usage-"));
    writeFileSync(join(dir, "compose.yaml"), "services:\n  web: { image: 'nginx:1.27' }\n");
    for (const [id, line] of [
      ["__proto__", "deployview check: --rule names no lint rule '__proto__' (deployview rules lists them)"],
      [
        "constructor",
        "deployview check: --rule names no lint rule 'constructor' (deployview rules lists them)",
      ],
      [
        "image-latest-tags",
        "deployview check: --rule names no lint rule 'image-latest-tags'; did you mean 'image-latest-tag'? (deployview rules lists them)",
      ],
    ]) {
      const result = await runCli(["check", "compose.yaml", "--rule", `${id}=off`], dir);
      expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
        code: 2,
        stdout: "",
        stderr: `${line}\n`,
      });
    }
  });

  it("refuses a --rule of a severity it does not take, and names the one meant", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-usage-"));
    writeFileSync(join(dir, "compose.yaml"), "services:\n  web: { image: 'nginx:1.27' }\n");
    const result = await runCli(["check", "compose.yaml", "--rule", "image-latest-tag=warning"], dir);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr:
        "deployview check: --rule takes id=off|info|warn|error, not 'image-latest-tag=warning'; did you mean 'image-latest-tag=warn'?\n",
    });
    const unlike = await runCli(["check", "compose.yaml", "--rule", "image-latest-tag=loud"], dir);
    expect(unlike.stderr).toBe(
      "deployview check: --rule takes id=off|info|warn|error, not 'image-latest-tag=loud'\n",
    );
  });

  it("shows in check's help every severity --rule takes, and takes every one it shows", async () => {
    const help = await runCli(["check", "--help"]);
    const shown = /--rule id=([a-z|]+)\]/.exec(help.stdout)?.[1]?.split("|");
    expect(shown).toEqual(["off", "info", "warn", "error"]);
    const dir = mkdtempSync(join(tmpdir(), "deployview-usage-"));
    writeFileSync(join(dir, "compose.yaml"), "services:\n  web: { image: 'nginx:1.27' }\n");
    for (const severity of shown ?? []) {
      const result = await runCli(["check", "compose.yaml", "--rule", `image-latest-tag=${severity}`], dir);
      expect(result.code, severity).not.toBe(2);
    }
  });
});
