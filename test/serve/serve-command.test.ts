import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";

const model = `${repoRoot}examples/ai-3tier/deployview.yaml`;

describe("deployview serve", () => {
  it("refuses a port that is not a port", async () => {
    for (const port of ["abc", "-1", "70000", "1.5"]) {
      const result = await runCli(["serve", "--port", port]);
      expect(result.code, port).toBe(2);
      expect(result.stderr).toContain("--port");
    }
  });

  it("refuses a model that is not there, rather than serve a page of nothing", async () => {
    for (const path of ["nope.yaml", repoRoot]) {
      const result = await runCli(["serve", path, "--port", "0"]);
      expect(result.code, path).toBe(2);
      expect(result.stderr).toMatch(
        /^deployview serve: .* is not a model file; name one, or write one with deployview init\n$/,
      );
    }
  });

  it("says so when it cannot listen", async () => {
    const result = await runCli(["serve", model, "--host", "203.0.113.1", "--port", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/deployview serve: (cannot listen|the viewer's front-end is not built)/);
  });
});
