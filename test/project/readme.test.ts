import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadModelText } from "../../src/load/index.js";
import { lint, rules } from "../../src/rules/index.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";

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

describe("the README's examples of check", () => {
  const readme = readFileSync(`${repoRoot}README.md`, "utf8");
  /** The model the README starts a user with. */
  const model = /```yaml\n(# yaml-language-server[^\n]*\n[\s\S]*?)```/.exec(readme)![1]!;
  /** Each `deployview check` command the README shows in a code block, with what follows it on its line. */
  const commands = [...readme.matchAll(/```(?:sh|yaml)\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1]!.split("\n"))
    .map((line) => /(?:^|run: )(?:npx )?deployview (check(?: [^#\n]*)?)/.exec(line)?.[1]?.trim())
    .filter((command): command is string => command !== undefined);

  it("checks its starting model without a finding", () => {
    const loaded = loadModelText(model, "deployview.yaml");
    expect(loaded.diagnostics).toEqual([]);
    expect(lint(loaded.model!, { sources: loaded.sources })).toEqual([]);
  });

  it("shows only commands check takes, each clean on that model", async () => {
    expect(commands.length).toBeGreaterThanOrEqual(4);
    const folder = folderWith({ "deployview.yaml": model });
    for (const command of commands) {
      const result = await runCli(command.split(/\s+/), folder);
      expect([command, result.code, result.stderr]).toEqual([command, 0, ""]);
      if (!command.includes("--format")) expect(result.stdout).toBe("No problems found.\n");
    }
  });
});
