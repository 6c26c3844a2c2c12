import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd,
    encoding: "utf8",
    stdio: "pipe",
  });

describe("the npm package", () => {
  it("packs into a tarball that installs and runs in an empty folder", () => {
    const out = mkdtempSync(join(tmpdir(), "deployview-pack-"));
    npm(["pack", "--pack-destination", out], root);
    const tarball = readdirSync(out).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    const project = mkdtempSync(join(tmpdir(), "deployview-install-"));
    npm(["init", "-y"], project);
    npm(["install", join(out, tarball!)], project);
    const help = execFileSync(join(project, "node_modules/.bin/deployview"), ["--help"], {
      encoding: "utf8",
    });
    expect(help).toContain("Usage: deployview <command>");
    const schema = execFileSync(join(project, "node_modules/.bin/deployview"), ["schema"], {
      encoding: "utf8",
    });
    expect(JSON.parse(schema).title).toBe("deployview model");
    // Diagrams load ELK from the installed dependencies, when first drawn.
    copyFileSync(join(root, "examples/freshpoc/deployview.yaml"), join(project, "deployview.yaml"));
    execFileSync(join(project, "node_modules/.bin/deployview"), ["docs"], { cwd: project, stdio: "pipe" });
    expect(readFileSync(join(project, "docs/diagrams/production.svg"), "utf8")).toContain("<svg");
  }, 240_000);
});
