import { join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { shownPath, shownPaths } from "../../src/report/position.js";

describe("a file as a report names it", () => {
  const cwd = join(sep, "work", "project");

  it("is relative to where the command ran, inside that folder", () => {
    expect(shownPath(cwd, join(cwd, "deploy", "compose.yaml"))).toBe(join("deploy", "compose.yaml"));
    expect(shownPath(cwd, join(cwd, "..x", "a.yaml"))).toBe(join("..x", "a.yaml"));
  });

  it("is the whole path outside it, rather than a count of folders up", () => {
    expect(shownPath(cwd, join(sep, "tmp", "a.yaml"))).toBe(join(sep, "tmp", "a.yaml"));
    expect(shownPath(cwd, join(sep, "work"))).toBe(join(sep, "work"));
    expect(shownPath(cwd, cwd)).toBe(cwd);
  });

  it("is the same when a report names the file for each of its findings", () => {
    const shown = shownPaths(cwd);
    const files = [join(cwd, "compose.yaml"), join(sep, "tmp", "a.yaml"), join(cwd, "compose.yaml"), cwd];
    expect(files.map(shown)).toEqual(files.map((file) => shownPath(cwd, file)));
    expect(files.map(shown)).toEqual(["compose.yaml", join(sep, "tmp", "a.yaml"), "compose.yaml", cwd]);
  });
});
