import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importCompose } from "../../src/import/compose/index.js";
import { exampleEnvironment, variableUses } from "../../src/import/compose/variables.js";
import { limits } from "../../src/load/limits.js";
import { parseTemplate, variablesOf } from "../../src/model/template.js";
import { folderWith } from "../helpers/files.js";

/**
 * The plain reading of the rule: every line, its text before a comment, each variable in it as
 * the template reader finds it (a `${` never closed takes the rest of the line and is no use).
 */
function usesLineByLine(text: string) {
  const uses: { name: string; start: number; end: number; file: string; operator?: string }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const comment = /(^|\s)#/.exec(line);
    const code = comment ? line.slice(0, comment.index) : line;
    for (const { name, operator, start, end } of variablesOf(parseTemplate(code).parts))
      uses.push({
        name,
        file: "f",
        start: offset + start,
        end: offset + end,
        ...(operator ? { operator } : {}),
      });
    offset += line.length + 1;
  }
  return uses;
}

describe("variable uses in a compose file", () => {
  it("are found where the line-by-line reading finds them, skipping lines without a $", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("$", "{", "}", "A", "b", "_", " ", "#", "\n", "\r", ":", "-", "1"),
          maxLength: 80,
        }),
        (text) => {
          expect(variableUses(text, "f")).toEqual(usesLineByLine(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("finds the variables of a default, where each is written", () => {
    const text = "x: ${DB:-${HOST:-$FALLBACK}:5432}\n";
    expect(variableUses(text, "f").map((u) => [u.name, text.slice(u.start, u.end)])).toEqual([
      ["DB", "${DB:-${HOST:-$FALLBACK}:5432}"],
      ["HOST", "${HOST:-$FALLBACK}"],
      ["FALLBACK", "$FALLBACK"],
    ]);
  });

  it("skips escaped dollars and comments", () => {
    const text = "a: $$NOT ${ONE:-x} # ${NOT_EITHER}\nb: $TWO\n";
    expect(variableUses(text, "f").map((u) => u.name)).toEqual(["ONE", "TWO"]);
  });

  it("takes a ${ never closed as no use, in time proportional to the text's length", () => {
    expect(variableUses("x: ${A:-$B\ny: ${C} $D\n", "f").map((u) => u.name)).toEqual(["C", "D"]);
    // `${A ` is no variable (Compose refuses it), and what follows is read on.
    expect(variableUses("x: ${A $B}\n", "f").map((u) => u.name)).toEqual(["B"]);
    const started = performance.now();
    expect(variableUses(`x: ${"${A:-".repeat(100_000)}`, "f")).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("the example env file", () => {
  it("is looked for in the folder of the project the files are read in, by that folder", async () => {
    const dir = folderWith({
      "compose.yaml": "services:\n  a: { image: 'a:${TAG}' }\n",
      "deploy/override.yaml": "services:\n  a: { environment: { X: '${X}' } }\n",
      ".env.example": "TAG=1\nX=2\n",
    });
    const asked: string[] = [];
    const imported = await importCompose([join(dir, "compose.yaml"), join(dir, "deploy/override.yaml")], {
      exampleFor: (folder) => {
        asked.push(folder);
        return exampleEnvironment(folder);
      },
    });
    expect([...new Set(asked)]).toEqual([dir]);
    expect(imported.variables.map((v) => [v.name, v.documented])).toEqual([
      ["TAG", true],
      ["X", true],
    ]);
  });

  it("is passed over when it is larger than deployview reads", () => {
    const small = folderWith({ "compose.yaml": "", ".env.example": "A=1\n" });
    expect(exampleEnvironment(small)?.values).toEqual({ A: "1" });
    const large = folderWith({
      "compose.yaml": "",
      ".env.example": `A=1\n${"# padding\n".repeat(limits.maxFileBytes / 10 + 1)}`,
    });
    expect(exampleEnvironment(large)).toBeUndefined();
  });
});
