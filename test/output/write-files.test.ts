import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedHeader } from "../../src/emit/generated-file.js";
import { writeGeneratedFiles } from "../../src/output/write-files.js";

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

  it("refuses paths that leave the output folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-write-"));
    const result = await writeGeneratedFiles(dir, [{ path: "../escape.yaml", content }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["write-failed"]);
  });
});
