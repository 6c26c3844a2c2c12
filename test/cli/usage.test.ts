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

  it("reports a --rule for a rule named like a property every object has as unknown, where the file starts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-usage-"));
    writeFileSync(join(dir, "compose.yaml"), "services:\n  web: { image: 'nginx:1.27' }\n");
    const args = ["check", "compose.yaml", "--rule", "__proto__=off", "--rule", "constructor=warn"];
    const result = await runCli(args, dir);
    const unknown = result.stdout.split("\n").filter((line) => line.endsWith("[unknown-rule]"));
    expect(unknown).toEqual([
      "compose.yaml:1:1: warning no lint rule is named '__proto__' [unknown-rule]",
      "compose.yaml:1:1: warning no lint rule is named 'constructor' [unknown-rule]",
    ]);
  });
});
