import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedHeader } from "../../src/emit/generated-file.js";
import { writeGeneratedFiles } from "../../src/output/write-files.js";
import { repoRoot } from "../helpers/examples.js";

describe("writeGeneratedFiles", () => {
  const content = `${generatedHeader("hash", "deployview.yaml")}a: 1\n`;

  it("writes, then leaves unchanged files alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-write-"));
    const first = await writeGeneratedFiles(dir, [{ path: "sub/out.yaml", content }]);
    expect(first.written).toHaveLength(1);
    const second = await writeGeneratedFiles(dir, [{ path: "sub/out.yaml", content }]);
    expect(second.unchanged).toHaveLength(1);
    expect(readdirSync(join(dir, "sub"))).toEqual(["out.yaml"]);
  });

  it("never overwrites a file without the generated mark, unless forced", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-write-"));
    writeFileSync(join(dir, "out.yaml"), "hand: written\n");
    const refused = await writeGeneratedFiles(dir, [{ path: "out.yaml", content }]);
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["output-exists"]);
    expect(readFileSync(join(dir, "out.yaml"), "utf8")).toBe("hand: written\n");
    const forced = await writeGeneratedFiles(dir, [{ path: "out.yaml", content }], { force: true });
    expect(forced.written).toHaveLength(1);
  });

  it("reports a folder it cannot make, and why, rather than stop or hang", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-write-"));
    writeFileSync(join(dir, "taken"), "a file where a folder should be\n");
    const underFile = await writeGeneratedFiles(join(dir, "taken", "deep"), [{ path: "out.yaml", content }]);
    expect(underFile.diagnostics.map((d) => d.message)).toEqual([
      "cannot write the file: a part of its path is a file, not a folder",
    ]);
    expect(readdirSync(dir)).toEqual(["taken"]);
    // Linux answers that the parent is missing though it is there (under /proc), and Node's recursive
    // mkdir loops on that for ever: in a process of its own, so that a return of the loop fails the test.
    if (process.platform === "linux") {
      const script = `import { writeGeneratedFiles } from "./src/output/write-files.ts";
        const result = await writeGeneratedFiles("/proc/deployview-test/deep", [{ path: "out.yaml", content: "a: 1\\n" }]);
        console.log(JSON.stringify(result.diagnostics.map((d) => d.message)));`;
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(child.stdout.trim()).toBe('["cannot write the file: its folder cannot be made there"]');
    }
  });

  it("refuses paths that leave the output folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-write-"));
    const result = await writeGeneratedFiles(dir, [{ path: "../escape.yaml", content }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["write-failed"]);
  });
});
