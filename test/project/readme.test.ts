import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/index.js";
import { repoRoot } from "../helpers/examples.js";

describe("the README", () => {
  it("counts the rules the catalogue has", () => {
    const readme = readFileSync(`${repoRoot}README.md`, "utf8");
    expect(/`deployview check` runs (\d+) rules/.exec(readme)?.[1]).toBe(String(rules.length));
  });
});
