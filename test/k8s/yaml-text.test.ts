import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateModelText } from "../../bench/generate-model.js";
import { emitCompose } from "../../src/emit/compose/index.js";
import { emitKubernetes } from "../../src/emit/k8s/index.js";
import { scalarText, yamlText } from "../../src/emit/k8s/yaml-text.js";
import { loadModelText } from "../../src/load/index.js";
import { budget } from "../helpers/pace.js";

/** YAML 1.1 reads these as booleans, null, numbers or timestamps; kubectl's reader is YAML 1.1. */
const yaml11Traps = [
  "yes",
  "No",
  "ON",
  "off",
  "y",
  "N",
  "~",
  "null",
  "1:20",
  "0x1F",
  "0o17",
  "1_000",
  ".inf",
  ".NaN",
  "2024-01-01",
  "1e3",
  "+1",
  "-",
  "? x",
  "- x",
  "a: b",
  "a #b",
  "#x",
  "&a",
  "*a",
  "!tag",
  "|",
  ">",
  "%x",
  "@x",
  "`x",
  "'x'",
  '"x"',
  "[a]",
  "{a}",
  "",
  " a",
  "a ",
  "line\nbreak",
  "tab\there",
  "é ü ₄",
  "\u2028",
];

describe("yamlText", () => {
  it("writes strings YAML could take for something else as quoted strings", () => {
    for (const trap of yaml11Traps) {
      expect(scalarText(trap), trap).toMatch(/^"/);
      expect(parse(`v: ${scalarText(trap)}`).v, trap).toBe(trap);
    }
    for (const ok of [
      "frappe/erpnext",
      "app.kubernetes.io/name",
      "postgres://db.data.svc:5432/req1",
      "ReadWriteOnce",
      "frappe/erpnext:v15",
    ]) {
      expect(scalarText(ok)).toBe(ok);
    }
  });

  it("reads back as the same data, whatever the data", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalised = JSON.parse(JSON.stringify(value));
        expect(parse(yamlText(normalised))).toEqual(normalised);
      }),
      { numRuns: 500 },
    );
  });

  it("writes mappings and sequences in block style, sequences indented under their key", () => {
    expect(yamlText({ a: 1, b: { c: [1, { d: "x", e: [] }], f: {} }, g: true })).toBe(
      "a: 1\nb:\n  c:\n    - 1\n    - d: x\n      e: []\n  f: {}\ng: true\n",
    );
  });
});

describe("speed on the 1,000-service model", () => {
  it("makes one environment's manifests and compose file within the budget", () => {
    const { model } = loadModelText(generateModelText(1000), "bench.yaml");
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      emitKubernetes(model!, "production");
      emitCompose(model!, "dev");
      times.push(performance.now() - started);
    }
    expect(Math.min(...times)).toBeLessThan(budget(500));
  });
});
