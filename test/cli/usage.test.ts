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

  it("names the option meant by a misspelt one, in one line", async () => {
    const result = await runCli(["check", "--formt", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "deployview check: unknown option '--formt'; did you mean '--format'?",
    );
    const unknown = await runCli(["check", "--frobnicate"]);
    expect(unknown.stderr.split("\n")[0]).toBe("deployview check: unknown option '--frobnicate'");
  });
});
