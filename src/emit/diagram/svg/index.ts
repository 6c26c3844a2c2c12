/** SVG deployment diagrams: one file per environment, laid out by ELK. */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { Model } from "../../../model/types.js";
import { VERSION } from "../../../version.js";
import { type GeneratedFile, generatedHeader } from "../../generated-file.js";
import { layoutEnvironment } from "../layout/index.js";
import type { Layout } from "../layout/types.js";
import { renderSvgTree } from "./render.js";
import { serialize } from "./tree.js";

export { FONT_FAMILY, renderSvgTree } from "./render.js";
export { type SvgChild, type SvgElement, serialize } from "./tree.js";

/** The SVG text of a layout; byte-identical for the same layout. */
export function renderSvg(layout: Layout): string {
  return `${serialize(renderSvgTree(layout))}\n`;
}

/** A file name for an environment's diagram: its id, made safe for every file system and URL. */
export function svgFileName(environmentId: string): string {
  const safe = environmentId
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return `${safe || "environment"}.svg`;
}

export interface SvgOptions {
  /** Folder the files go in, relative to the output folder ("" for the folder itself). */
  dir?: string;
  /**
   * The file now at a path (relative to the output folder), if any. A diagram whose layout input is
   * unchanged is taken from it as it is, so ELK runs only for what changed.
   */
  previous?: (path: string) => string | undefined;
}

/**
 * What a diagram is drawn from: the environment with its instances and their services, minus
 * source positions (`at`, or `imageAt` and the like), which move when lines are added above.
 */
export function layoutKey(model: Model, environmentId: string): string {
  const environment = model.environments.find((e) => e.id === environmentId);
  const groups = model.groups.map((g) => [g.id, g.name]);
  const input = JSON.stringify({ version: VERSION, environment, groups }, (key, value) =>
    key === "at" || key.endsWith("At") ? undefined : value,
  );
  return createHash("sha256").update(input).digest("hex").slice(0, 20);
}

/**
 * One `<environment>.svg` per environment, each starting with the generated-file
 * header. Paths are relative to the caller's output folder, under `options.dir`.
 */
export async function emitSvgDiagrams(model: Model, options: SvgOptions = {}): Promise<GeneratedFile[]> {
  const prefix = options.dir ? `${options.dir.replace(/\/+$/, "")}/` : "";
  const header = generatedHeader("html", basename(model.file));
  const names = svgFileNames(model);
  const files: GeneratedFile[] = [];
  for (const environment of model.environments) {
    const path = `${prefix}${names.get(environment.id)!}`;
    const mark = `<!-- deployview-layout ${layoutKey(model, environment.id)} -->\n`;
    const before = options.previous?.(path);
    if (before?.startsWith(`${header}${mark}`)) {
      files.push({ path, content: before });
      continue;
    }
    const layout = await layoutEnvironment(model, environment.id);
    files.push({ path, content: `${header}${mark}${renderSvg(layout)}` });
  }
  return files;
}

/** The file name emitSvgDiagrams gives each environment, for documents that link to them. */
export function svgFileNames(model: Model): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const environment of model.environments) {
    let name = svgFileName(environment.id);
    for (let n = 2; used.has(name); n++) name = svgFileName(`${environment.id}-${n}`);
    used.add(name);
    names.set(environment.id, name);
  }
  return names;
}
