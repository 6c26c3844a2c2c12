import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** Layers run one way: a layer imports only from layers before it (STYLE.md). */
const order = [
  "collections",
  "diagnostics",
  "model",
  "load",
  "import",
  "analyze",
  "emit",
  "rules",
  "check",
  "build",
  "drift",
  "report",
  "output",
  "serve",
  "cli",
];
const src = fileURLToPath(new URL("../../src", import.meta.url));

function layerOf(file: string): string {
  const first = relative(src, file).split("/")[0]!;
  if (first.startsWith("diagnostic")) return "diagnostics";
  if (first === "lint.ts") return "rules";
  return first.replace(/\.ts$/, "");
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("layering", () => {
  it("no module imports from a later layer", () => {
    const violations: string[] = [];
    for (const file of files(src)) {
      const layer = layerOf(file);
      if (layer === "index") continue;
      const rank = order.indexOf(layer);
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/from "(\.[^"]+)"/g)) {
        const target = join(file, "..", match[1]!);
        const targetLayer = layerOf(target);
        const targetRank = order.indexOf(targetLayer);
        if (rank >= 0 && targetRank > rank)
          violations.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
