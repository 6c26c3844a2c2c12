/**
 * Everything a model's `outputs:` section names, as files grouped by the folder they go to
 * (relative to the model's folder). Pure: the CLI writes them.
 */
import { dirname } from "node:path/posix";
import type { Diagnostic } from "../diagnostics.js";
import { emitDocs } from "../emit/docs/index.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import type { Model } from "../model/types.js";

export interface OutputSet {
  /** Folder relative to the model's folder. */
  folder: string;
  files: GeneratedFile[];
}

export const DEFAULT_DOCS_PATH = "docs/deployment-view.md";

export function buildOutputs(model: Model): { outputs: OutputSet[]; diagnostics: Diagnostic[] } {
  const docsPath = model.outputs.docs ?? DEFAULT_DOCS_PATH;
  const folder = dirname(docsPath);
  const name = docsPath.slice(folder === "." ? 0 : folder.length + 1);
  return { outputs: [{ folder, files: emitDocs(model, { path: name }) }], diagnostics: [] };
}
