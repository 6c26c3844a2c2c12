/**
 * Drift between a model and the files committed beside it: every file the model's outputs name is
 * generated again and compared with what is on disk, byte for byte.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { buildOutputs } from "../build/outputs.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { isGenerated } from "../emit/generated-file.js";
import type { Model } from "../model/types.js";

async function existing(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * A diagram's layout key says which model it was drawn from, so an unchanged drawing can be reused;
 * a key that differs while the drawing does not is no drift.
 */
function withoutLayoutKey(text: string): string {
  return text.replace(/^<!-- deployview-layout [0-9a-f]+ -->\n/m, "");
}

/** First line where two texts differ (1-based), to point the finding at. */
function firstDifference(a: string, b: string): { line: number; offset: number } {
  const left = a.split("\n");
  const right = b.split("\n");
  let offset = 0;
  for (let i = 0; i < left.length; i++) {
    if (left[i] !== right[i]) return { line: i + 1, offset };
    offset += left[i]!.length + 1;
  }
  return { line: left.length, offset };
}

export async function detectDrift(
  model: Model,
  modelPath: string,
): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const { outputs } = await buildOutputs(model);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const output of outputs) {
    for (const file of output.files) {
      const path = join(dirname(modelPath), output.folder, file.path);
      const current = await existing(path);
      if (current === undefined) {
        diagnostics.push(
          diagnostic(
            "missing-generated-file",
            "error",
            "the model's outputs name this file, but it has not been generated",
            { file: path, start: 0, end: 0 },
            { hint: "run deployview build" },
          ),
        );
        continue;
      }
      if (current === file.content || withoutLayoutKey(current) === withoutLayoutKey(file.content)) continue;
      sources.set(path, current);
      if (!isGenerated(current)) {
        diagnostics.push(
          diagnostic(
            "edited-generated-file",
            "error",
            "this file has no generated mark: it was written or edited by hand, and differs from what the model generates",
            { file: path, start: 0, end: 0 },
            { hint: "move the change into the model, then run deployview build --force" },
          ),
        );
        continue;
      }
      const { line, offset } = firstDifference(current, file.content);
      const expected = file.content.split("\n")[line - 1] ?? "";
      diagnostics.push(
        diagnostic(
          "stale-generated-file",
          "error",
          `this generated file is stale: line ${line} should read '${expected.trim().slice(0, 80)}'`,
          { file: path, start: offset, end: offset + (current.split("\n")[line - 1]?.length ?? 0) },
          {
            hint: "run deployview build",
          },
        ),
      );
    }
  }
  return { diagnostics, sources };
}
