import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { fastParse, fastParseAll } from "../../src/load/fast-yaml.js";
import { limits } from "../../src/load/limits.js";
import { corpus } from "../helpers/corpus.js";
import { repoRoot } from "../helpers/examples.js";
import { treeOf } from "../helpers/yaml-trees.js";

/** The package's trees, one per document, or undefined when it reports an error. */
function packageTrees(text: string): unknown[] | undefined {
  const parsed = parseAllDocuments(text, { merge: false, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  if (documents.some((document) => document.errors.length > 0)) return undefined;
  return documents.map((document) => treeOf(document.contents));
}

/** The quick reader either gives up or agrees with the package on every document, node, value and range. */
function agrees(text: string): boolean {
  const fast = fastParseAll(text);
  if (!fast) return false;
  expect(
    fast.map((document) => treeOf(document.contents)),
    text,
  ).toEqual(packageTrees(text));
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

const COMPOSE = `---
x-defaults: &defaults
  restart: unless-stopped
  # shared by every service
  logging: &logging
    driver: json-file
services:
  web:
    <<: *defaults
    image: nginx:1.27
    command: >
      nginx -g
      'daemon off;'

        indented
    healthcheck:
      test:
        [
          "CMD", # the probe
          "curl", "-f",
          "http://localhost"
        ]
    ports: [&http "8080:80", *http]
  worker:
    <<: [*defaults]
    logging: *logging
    entrypoint: |
      run
        --fast
  cache:
    image: redis:7
    ports: !reset []
    command: !reset null
    environment: !override
      MODE: "1"
`;

const MANIFESTS = `# Licensed under the Apache License
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
spec:
  template:
    spec:
      containers:
        - name: server
          image: frontend:1.2
          ports:
          - containerPort: 8080
          env:
          - name: PORT
            value: "8080"
          # - name: DISABLED
          #   value: "x"
          - name: EMPTY
            value:
          resources:
            limits: { cpu: 200m, memory: 128Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
spec:
  ports:
  - name: http
    port: 80
    targetPort: 8080
---
`;

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

  it.each([
    ["a model", readFileSync(`${repoRoot}examples/req1/deployview.yaml`, "utf8")],
    ["a compose file with anchors, flow collections over lines and block scalars", COMPOSE],
    ["Kubernetes manifests, several documents with lists at their keys' indentation", MANIFESTS],
  ])("gives up, never throws and never disagrees, on %s changed at random", (_, source) => {
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
          agrees(text);
        },
      ),
      { numRuns: 800 },
    );
  });

  it("agrees on anchors, aliases and local tags, as compose files use them", () => {
    let read = 0;
    fc.assert(
      fc.property(
        value,
        value,
        fc.constantFrom("block", "flow", "any") as fc.Arbitrary<"block" | "flow" | "any">,
        fc.array(fc.nat(), { maxLength: 3 }),
        (shared, other, collectionStyle, at) => {
          // The same object twice: the package writes it once with an anchor, then an alias.
          const text = stringify(
            { first: shared, other, again: shared, list: [other, shared] },
            { collectionStyle },
          );
          if (agrees(text)) read++;
          agrees(withComments(text, at, [0, 2, 6]));
        },
      ),
      { numRuns: 300 },
    );
    expect(read).toBeGreaterThan(150);
    for (const text of [
      "x-base: &base\n  image: a\n  # note\nsvc:\n  <<: *base\n  ports: [*p]\n",
      "a: &p 80\nb: [&q x, *q, *p]\nc: *p # note\n",
      "key:\n  &anchored\n  # before the mapping\n  inner: 1\nother: *anchored\n",
      "---\n# a document marker first\nlist: &l\n- 1\nsame: *l\n",
      "a: &x !reset 1\nb: !override &y\n  k: *x\nc: !reset 'q' # note\nd:\n  - !reset\n    - 1\n",
      COMPOSE,
    ])
      expect(agrees(text), text).toBe(true);
  });

  it("agrees on flow collections written over several lines, with comments between their items", () => {
    let read = 0;
    fc.assert(
      fc.property(value, fc.nat({ max: 30 }), fc.array(fc.nat(), { maxLength: 3 }), (v, width, at) => {
        // A narrow line makes the package break flow collections over lines.
        const text = stringify({ key: v }, { collectionStyle: "flow", lineWidth: 10 + width });
        if (agrees(text)) read++;
        agrees(text.replace(/,\n/g, ", # note\n"));
        agrees(withComments(text, at, [2, 4, 8]));
      }),
      { numRuns: 400 },
    );
    // About 55% of these random texts are the quick reader's; the bound leaves room for the draw.
    expect(read).toBeGreaterThan(160);
    for (const text of [
      'test:\n  [\n    "CMD", # first\n    # alone\n    "curl"\n  ]\nnext: 1\n',
      's:\n  test: [\n      "CMD",\n    ]\n',
    ])
      expect(agrees(text), text).toBe(true);
  });

  it("agrees on empty values followed by comments, at the end of the text or not", () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: 3 }),
        fc.boolean(),
        fc.array(fc.nat({ max: 8 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom("", "next: 1\n", "  other: 2\n"),
        fc.boolean(),
        (depth, inList, indents, after, newline) => {
          const lines = ["top:"];
          for (let level = 1; level <= depth; level++) lines.push(`${"  ".repeat(level)}k${level}:`);
          if (inList) lines.push(`${"  ".repeat(depth + 1)}- item:`);
          for (const [i, indent] of indents.entries()) lines.push(`${" ".repeat(indent)}# note ${i}`);
          const text = `${lines.join("\n")}${newline || after ? "\n" : ""}${after}`;
          if (agrees(text)) read++;
        },
      ),
      { numRuns: 500 },
    );
    expect(read).toBeGreaterThan(100);
  });

  it("agrees on streams of several documents, with comments and empty ones", () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.array(fc.option(value, { nil: undefined }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom("", " # note"),
        fc.array(fc.nat(), { maxLength: 3 }),
        (documents, leadingMarker, markerComment, at) => {
          const parts = documents.map((v) => (v === undefined ? "" : stringify(v)));
          const text = (leadingMarker ? `---${markerComment}\n` : "") + parts.join(`---${markerComment}\n`);
          if (agrees(text)) read++;
          agrees(withComments(text, at, [0, 2]));
        },
      ),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(200);
    for (const text of ["a: 1\n---\n", "# c\n---\na: 1\n---\n# only\n", "---\n---\na: 1\n", "", "# only\n"])
      expect(agrees(text), text).toBe(true);
    // A `...` line, and content on a `---` line, are left to the package.
    expect(fastParseAll("a: 1\n...\n")).toBeUndefined();
    expect(fastParseAll("--- a: 1\n")).toBeUndefined();
  });

  it("leaves to the package everything the loader must report, so what it reads needs no further check", () => {
    for (const text of [
      "__proto__: 1\n",
      "a:\n  constructor: x\n",
      "{ __proto__: 1 }\n",
      "a: &x\n  b: *x\n",
      "a: &x [1, *x]\n",
    ])
      expect(fastParseAll(text), text).toBeUndefined();
    const nested = (depth: number) =>
      `${Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}k${level}:`).join("\n")} 1\n`;
    expect(fastParseAll(nested(limits.maxDepth))).toBeDefined();
    expect(fastParseAll(nested(limits.maxDepth + 1))).toBeUndefined();
    // A name used again inside its own anchor's node: the alias after it names the inner node, no cycle.
    expect(agrees("a: &x { b: &x 1, c: *x }\n")).toBe(true);
    expect(fastParseAll("a: &x { b: &x [*x] }\n")).toBeUndefined();
  });

  it("agrees on empty keys and list items followed by comments, whether their collection goes on or not", () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: 3 }),
        fc.constantFrom("key", "dash", "dash-at-key"),
        fc.array(fc.nat({ max: 10 }), { maxLength: 3 }),
        fc.constantFrom("", "same", "dash", "outer", "deeper"),
        fc.boolean(),
        (depth, kind, indents, after, newline) => {
          const lines = ["top:"];
          for (let level = 1; level <= depth; level++) lines.push(`${"  ".repeat(level)}k${level}:`);
          const pad = "  ".repeat(depth + 1);
          // Kubernetes writes a list at its key's indentation ("dash-at-key").
          const itemPad = kind === "dash" ? `${pad}  ` : pad;
          if (kind === "key") lines.push(`${pad}a: 1`, `${pad}empty:`);
          else lines.push(`${pad}list:`, `${itemPad}- a`, `${itemPad}-`);
          for (const [i, indent] of indents.entries()) lines.push(`${" ".repeat(indent)}# note ${i}`);
          const next = {
            "": "",
            same: `${pad}b: 2`,
            dash: `${itemPad}- c`,
            outer: "other: 3",
            deeper: `${pad}    x: 1`,
          }[after];
          if (next) lines.push(next);
          if (agrees(lines.join("\n") + (newline ? "\n" : ""))) read++;
        },
      ),
      { numRuns: 500 },
    );
    expect(read).toBeGreaterThan(100);
  });

  it("agrees on folded and literal block scalars, with empty and more indented lines", () => {
    const line = fc.oneof(
      fc.constant(""),
      fc.string({ unit: fc.constantFrom("a", "b", " ", "#", ":"), minLength: 1, maxLength: 6 }),
    );
    let read = 0;
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(">", ">-", "|", "|-"),
        fc.constantFrom("", "  # after\n", "# after\n", "   \n", "  \n  # after\n"),
        (lines, header, after) => {
          const body = lines.map((l) => (l === "" ? "" : `    ${l}`)).join("\n");
          const text = `map:\n  key: ${header}\n${body}\n${after}  next: 1\n`;
          if (agrees(text)) read++;
        },
      ),
      { numRuns: 600 },
    );
    expect(read).toBeGreaterThan(170);
    // A line of spaces alone, less indented than the text, is an empty line of the scalar.
    expect(fastParseAll("a: |-\n   # note 0\n  \n   # note 1\n  #\n")).toBeUndefined();
  });
});
