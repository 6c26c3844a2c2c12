import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleEnvironment, variableUses } from "../../src/import/compose/variables.js";
import { limits } from "../../src/load/limits.js";
import { folderWith } from "../helpers/files.js";

/**
 * The plain reading of the rule: every line, its text before a comment, each `$NAME` or `${NAME…}`
 * in it; a `${` never closed takes the rest of the line and is no use.
 */
function usesLineByLine(text: string) {
  const pattern = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)[^}]*(\}|$)|([A-Za-z_][A-Za-z0-9_]*))/g;
  const uses: { name: string; start: number; end: number; file: string }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const comment = /(^|\s)#/.exec(line);
    const code = comment ? line.slice(0, comment.index) : line;
    for (const match of code.matchAll(pattern)) {
      if (match[1] === "$" || match[3] === "") continue;
      const start = offset + match.index;
      uses.push({ name: (match[2] ?? match[4])!, file: "f", start, end: start + match[0].length });
    }
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

  it("skips escaped dollars and comments", () => {
    const text = "a: $$NOT ${ONE:-x} # ${NOT_EITHER}\nb: $TWO\n";
    expect(variableUses(text, "f").map((u) => u.name)).toEqual(["ONE", "TWO"]);
  });

  it("takes a ${ never closed as no use, in time proportional to the text's length", () => {
    expect(variableUses("x: ${A $B\ny: ${C} $D\n", "f").map((u) => u.name)).toEqual(["C", "D"]);
    const started = performance.now();
    expect(variableUses(`x: ${"${A:-".repeat(100_000)}`, "f")).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("the example env file", () => {
  it("is passed over when it is larger than deployview reads", () => {
    const small = folderWith({ "compose.yaml": "", ".env.example": "A=1\n" });
    expect(exampleEnvironment(join(small, "compose.yaml"))?.values).toEqual({ A: "1" });
    const large = folderWith({
      "compose.yaml": "",
      ".env.example": `A=1\n${"# padding\n".repeat(limits.maxFileBytes / 10 + 1)}`,
    });
    expect(exampleEnvironment(join(large, "compose.yaml"))).toBeUndefined();
  });
});
