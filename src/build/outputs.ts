/**
 * Everything a model's `outputs:` section names, as files grouped by the folder they go to
 * (relative to the model's folder). Pure: the CLI writes them.
 */
import { basename, dirname, join } from "node:path/posix";
import { append } from "../collections.js";
import type { Diagnostic } from "../diagnostics.js";
import { emitCompose } from "../emit/compose/index.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import { emitKubernetes } from "../emit/k8s/index.js";
import type { Model } from "../model/types.js";
import { documentFiles } from "./document.js";

export interface OutputSet {
  kind: "docs" | "compose" | "kubernetes";
  /** Folder relative to the model's folder. */
  folder: string;
  files: GeneratedFile[];
}

export { DIAGRAMS_FOLDER, documentFiles } from "./document.js";

export const DEFAULT_DOCS_PATH = "docs/deployment-view.md";

/**
 * `previous` reads a file as it is now, relative to the model's folder, so unchanged diagrams are
 * kept instead of laid out again; without it everything is generated afresh.
 */
export async function buildOutputs(
  model: Model,
  options: { previous?: (path: string) => string | undefined } = {},
): Promise<{ outputs: OutputSet[]; diagnostics: Diagnostic[] }> {
  const outputs: OutputSet[] = [];
  const diagnostics: Diagnostic[] = [];
  const docsPath = model.outputs.docs ?? DEFAULT_DOCS_PATH;
  const docsFolder = dirname(docsPath);
  const read = options.previous;
  const previous = read ? { previous: (path: string) => read(join(docsFolder, path)) } : {};
  outputs.push({
    kind: "docs",
    folder: docsFolder,
    files: await documentFiles(model, basename(docsPath), previous),
  });
  for (const target of model.outputs.compose) {
    const result = emitCompose(model, target.environment, { folder: dirname(target.path) });
    append(diagnostics, result.diagnostics);
    // The compose file takes the name the model gives it (docker-compose.prod.yml, …).
    const files = result.files.map((f) =>
      f.path === "compose.yaml" ? { ...f, path: basename(target.path) } : f,
    );
    if (files.length > 0) outputs.push({ kind: "compose", folder: dirname(target.path), files });
  }
  for (const target of model.outputs.kubernetes) {
    const result = emitKubernetes(model, target.environment);
    append(diagnostics, result.diagnostics);
    if (result.files.length > 0)
      outputs.push({ kind: "kubernetes", folder: kubernetesFolder(target.path), files: result.files });
  }
  return { outputs, diagnostics };
}

/** A Kubernetes output names a folder (`deploy/production/`); a file name in it means its folder. */
export function kubernetesFolder(path: string): string {
  const folder = /\.ya?ml$/i.test(path) ? dirname(path) : path.replace(/\/+$/, "");
  return folder === "" ? "." : folder;
}
