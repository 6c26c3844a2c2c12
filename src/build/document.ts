/** The document with its diagrams: kept apart from the other outputs so `docs` loads only what it needs. */
import { emitSvgDiagrams, svgFileNames } from "../emit/diagram/svg/index.js";
import { emitDocs } from "../emit/docs/index.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import type { Model } from "../model/types.js";

/** Folder beside the document where its SVG diagrams go. */
export const DIAGRAMS_FOLDER = "diagrams";

/** The document with its SVG diagrams beside it (the Mermaid text stays in it as the fallback). */
export async function documentFiles(
  model: Model,
  documentName: string,
  options: { previous?: (path: string) => string | undefined } = {},
): Promise<GeneratedFile[]> {
  const diagrams = await emitSvgDiagrams(model, { dir: DIAGRAMS_FOLDER, ...options });
  const images = Object.fromEntries(
    [...svgFileNames(model)].map(([id, file]) => [id, `${DIAGRAMS_FOLDER}/${file}`]),
  );
  return [...emitDocs(model, { path: documentName, images }), ...diagrams];
}
