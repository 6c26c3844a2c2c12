import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/index.js";
import { repoRoot } from "../helpers/examples.js";

describe("the README", () => {
  it("counts the rules the catalogue has", () => {
    const readme = readFileSync(`${repoRoot}README.md`, "utf8");
    expect(/`deployview check` runs (\d+) rules/.exec(readme)?.[1]).toBe(String(rules.length));
  });

  it("names, where it sets deployview beside dclint and kube-linter, only rules the catalogue has", () => {
    const readme = readFileSync(`${repoRoot}README.md`, "utf8");
    const section = readme
      .split("#### In place of dclint and kube-linter")[1]!
      .split("\n\nBeyond either")[0]!;
    const ours = section
      .split("\n")
      .filter(
        (line) => line.startsWith("| ") && !line.startsWith("| dclint") && !line.startsWith("| kube-linter"),
      )
      .map((line) => line.split("|")[2]!)
      .flatMap((cell) => cell.match(/\b[a-z]+(?:-[a-z]+)+\b/g) ?? []);
    const known = new Set(rules.map((rule) => rule.id));
    const named = ours.filter((word) => !["schema-invalid-value", "unknown-port"].includes(word));
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });
});
