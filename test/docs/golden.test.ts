import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildOutputs } from "../../src/build/outputs.js";
import { renderDocument } from "../../src/emit/docs/index.js";
import { loadModelFile } from "../../src/load/index.js";
import { examples } from "../helpers/examples.js";
import { budget } from "../helpers/pace.js";

const update = process.env.UPDATE_GOLDEN === "1";

describe("the generated document of each example", () => {
  for (const example of examples()) {
    it(`${example.name}: matches the committed document, byte for byte`, async () => {
      const { model, diagnostics } = await loadModelFile(example.model);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const { outputs } = await buildOutputs(model!);
      for (const output of outputs) {
        for (const file of output.files) {
          const path = `${example.dir}/${output.folder}/${file.path}`;
          if (update) writeFileSync(path, file.content);
          expect(file.content, `${path} is stale: run npm run examples`).toBe(readFileSync(path, "utf8"));
        }
      }
    });

    it(`${example.name}: renders the same bytes twice, quickly`, async () => {
      const { model } = await loadModelFile(example.model);
      const first = renderDocument(model!);
      const started = performance.now();
      const second = renderDocument(model!);
      expect(performance.now() - started).toBeLessThan(budget(150));
      expect(second).toBe(first);
      expect(first).not.toMatch(/\r/);
    });
  }
});
