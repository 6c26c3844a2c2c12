import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("deployview serve", () => {
  it("refuses a port that is not a port", async () => {
    for (const port of ["abc", "-1", "70000", "1.5"]) {
      const result = await runCli(["serve", "--port", port]);
      expect(result.code, port).toBe(2);
      expect(result.stderr).toContain("--port");
    }
  });

  it("says so when it cannot listen", async () => {
    const result = await runCli(["serve", "--host", "203.0.113.1", "--port", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/deployview serve: (cannot listen|the viewer's front-end is not built)/);
  });
});
