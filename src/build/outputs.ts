/**
 * Everything a model's `outputs:` section names, as files grouped by the folder they go to
 * (relative to the model's folder). Pure: the CLI writes them.
 */
import { basename, dirname } from "node:path/posix";
import type { Diagnostic } from "../diagnostics.js";
import { emitCompose } from "../emit/compose/index.js";
import { emitSvgDiagrams, svgFileNames } from "../emit/diagram/svg/index.js";
import { emitDocs } from "../emit/docs/index.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import { emitKubernetes } from "../emit/k8s/index.js";
import type { Model } from "../model/types.js";

export interface OutputSet {
  /** Folder relative to the model's folder. */
  folder: string;
  files: GeneratedFile[];
}

export const DEFAULT_DOCS_PATH = "docs/deployment-view.md";

/** Folder beside the document where its SVG diagrams go. */
export const DIAGRAMS_FOLDER = "diagrams";

/** The document with its SVG diagrams beside it (the Mermaid text stays in it as the fallback). */
export async function documentFiles(model: Model, documentName: string): Promise<GeneratedFile[]> {
  const diagrams = await emitSvgDiagrams(model, { dir: DIAGRAMS_FOLDER });
  const images = Object.fromEntries(
    [...svgFileNames(model)].map(([id, file]) => [id, `${DIAGRAMS_FOLDER}/${file}`]),
  );
  return [...emitDocs(model, { path: documentName, images }), ...diagrams];
}

export async function buildOutputs(
  model: Model,
): Promise<{ outputs: OutputSet[]; diagnostics: Diagnostic[] }> {
  const outputs: OutputSet[] = [];
  const diagnostics: Diagnostic[] = [];
  const docsPath = model.outputs.docs ?? DEFAULT_DOCS_PATH;
  outputs.push({ folder: dirname(docsPath), files: await documentFiles(model, basename(docsPath)) });
  for (const target of model.outputs.compose) {
    const result = emitCompose(model, target.environment);
    diagnostics.push(...result.diagnostics);
    // The compose file takes the name the model gives it (docker-compose.prod.yml, …).
    const files = result.files.map((f) =>
      f.path === "compose.yaml" ? { ...f, path: basename(target.path) } : f,
    );
    if (files.length > 0) outputs.push({ folder: dirname(target.path), files });
  }
  for (const target of model.outputs.kubernetes) {
    const result = emitKubernetes(model, target.environment);
    diagnostics.push(...result.diagnostics);
    if (result.files.length > 0) outputs.push({ folder: kubernetesFolder(target.path), files: result.files });
  }
  return { outputs, diagnostics };
}

/** A Kubernetes output names a folder (`deploy/production/`); a file name in it means its folder. */
export function kubernetesFolder(path: string): string {
  const folder = /\.ya?ml$/i.test(path) ? dirname(path) : path.replace(/\/+$/, "");
  return folder === "" ? "." : folder;
}
