import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadModelText } from "../../src/load/index.js";
import type { KeyPath } from "../../src/model/resolve/context.js";
import { lazyLocate } from "../../src/model/resolve/lazy-range.js";

describe("ranges found when read", () => {
  it("locates a path once, and only when a field is read", () => {
    const asked: KeyPath[] = [];
    const locate = lazyLocate((path) => {
      asked.push(path);
      return { file: "m.yaml", start: path.length, end: path.length + 1 };
    });
    const range = locate(["services", "api"]);
    expect(asked).toEqual([]);
    expect([range.file, range.start, range.end]).toEqual(["m.yaml", 2, 3]);
    expect(JSON.parse(JSON.stringify(range))).toEqual({ file: "m.yaml", start: 2, end: 3 });
    expect(asked).toEqual([["services", "api"]]);
  });

  it("gives a loaded model's elements the places they are written", () => {
    const file = fileURLToPath(new URL("../../examples/freshpoc/deployview.yaml", import.meta.url));
    const text = readFileSync(file, "utf8");
    const { model } = loadModelText(text, file);
    expect(model?.services.length).toBeGreaterThan(0);
    for (const service of model!.services) {
      expect(text.slice(service.at.start, service.at.end)).toBe(service.id);
      expect(service.at.file).toBe(file);
    }
  });
});
