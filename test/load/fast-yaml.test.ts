import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { fastParse } from "../../src/load/fast-yaml.js";
import { corpus } from "../helpers/corpus.js";
import { repoRoot } from "../helpers/examples.js";
import { treeOf } from "../helpers/yaml-trees.js";

/** The package's tree, or undefined when it reports an error or finds several documents. */
function packageTree(text: string): unknown {
  const parsed = parseAllDocuments(text, { merge: false, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  if (documents.length !== 1 || documents[0]!.errors.length > 0) return undefined;
  return treeOf(documents[0]!.contents);
}

/** The quick reader either gives up or agrees with the package on every node, value and range. */
function agrees(text: string): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  expect(treeOf(fast.contents), text).toEqual(packageTree(text));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const scalar = fc.oneof(
  fc.string({
    unit: fc.constantFrom("a", "b", " ", ":", "#", "-", "'", '"', "\\", "1", ".", "é", "\n"),
    maxLength: 8,
  }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "true",
    "NULL",
    "~",
    "0x1F",
    "0o17",
    "1e3",
    ".inf",
    "-.5",
    "007",
    "+1",
    "1_000",
    "yes",
    "2024-01-01",
  ),
);
const key = fc.string({
  unit: fc.constantFrom("a", "b", "-", "_", " ", "1", "é"),
  minLength: 1,
  maxLength: 5,
});
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, tie("map"), tie("list")),
  map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
  list: fc.array(tie("node"), { maxLength: 4 }),
})).node;

/** Comment lines put between the lines of a text, each at some indentation. */
const withComments = (text: string, at: number[], indents: number[]) => {
  const lines = text.split("\n");
  at.forEach((line, i) => {
    const index = line % (lines.length + 1);
    lines.splice(index, 0, `${" ".repeat(indents[i % indents.length]!)}# note ${i}`);
  });
  return lines.join("\n");
};

describe("the quick YAML reader", () => {
  it("reads the examples, fixtures and corpus files as the yaml package does, node for node", () => {
    const files = [
      ...yamlFiles(`${repoRoot}examples`),
      ...yamlFiles(`${repoRoot}test/fixtures`),
      ...(statSync(corpus, { throwIfNoEntry: false }) ? yamlFiles(corpus) : []),
    ];
    let read = 0;
    for (const file of files) if (agrees(readFileSync(file, "utf8"))) read++;
    // It must do the common case: most of these files are plain block YAML.
    expect(read).toBeGreaterThan(files.length / 3);
    for (const example of ["freshpoc", "req1", "ai-3tier", "yam-agri"])
      expect(fastParse(readFileSync(`${repoRoot}examples/${example}/deployview.yaml`, "utf8"))).toBeDefined();
  });

  it("agrees with the yaml package on any value written out in block or flow style, with comments anywhere", () => {
    let written = 0;
    let read = 0;
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(2, 4),
        fc.constantFrom("block", "flow", "any") as fc.Arbitrary<"block" | "flow" | "any">,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat({ max: 8 }), { minLength: 1, maxLength: 3 }),
        (v, indent, collectionStyle, at, indents) => {
          const text = stringify(v, { indent, collectionStyle, lineWidth: 0 });
          written += 2;
          if (agrees(text)) read++;
          if (agrees(withComments(text, at, indents))) read++;
        },
      ),
      { numRuns: 600 },
    );
    // Agreeing by giving up would prove nothing: most of these it must read itself.
    expect(read).toBeGreaterThan(written / 2);
  });

  it("gives up, never throws and never disagrees, on text changed at random", () => {
    const source = readFileSync(`${repoRoot}examples/req1/deployview.yaml`, "utf8");
    fc.assert(
      fc.property(
        fc.nat({ max: source.length }),
        fc.nat({ max: 4 }),
        fc.string({
          unit: fc.constantFrom(
            " ",
            "\n",
            ":",
            "-",
            "#",
            "{",
            "}",
            "[",
            "]",
            ",",
            "'",
            '"',
            "a",
            "&",
            "*",
            "|",
          ),
          maxLength: 3,
        }),
        (at, remove, insert) => {
          const text = source.slice(0, at) + insert + source.slice(at + remove);
          const fast = fastParse(text);
          if (fast) expect(treeOf(fast.contents)).toEqual(packageTree(text));
        },
      ),
      { numRuns: 800 },
    );
  });
});
