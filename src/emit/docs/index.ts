/** The arc42 §7 deployment document, as one Markdown file. Pure: model in, file out. */
import { basename } from "node:path";
import type { Model } from "../../model/types.js";
import { type GeneratedFile, generatedHeader } from "../generated-file.js";
import { comparison } from "./comparison.js";
import { environmentSection } from "./environment-section.js";
import { changelog, front } from "./front.js";
import { overview } from "./overview.js";
import { blocks } from "./section.js";
import { catalogue, codeInspection, secrets } from "./services.js";
import { backup, cost, decisions, future, nfrs, observability, pattern } from "./system.js";

export interface DocsOptions {
  /** Path of the document, relative to the output folder. Default deployment-view.md. */
  path?: string;
  /** Widest line of the ASCII diagrams. Default 100. */
  asciiWidth?: number;
  /** Environment id → relative path of its SVG diagram, to show in the document. */
  images?: Record<string, string>;
}

type Section = (model: Model, number: string) => string | undefined;

export function renderDocument(model: Model, options: DocsOptions = {}): string {
  let counter = 0;
  const numbered = (build: Section) => {
    // A number is used only by a section that has content.
    const number = `7.${counter + 1}`;
    const content = build(model, number);
    if (content) counter++;
    return content;
  };
  const parts = [
    front(model),
    numbered(overview),
    ...model.environments.map((environment) =>
      numbered((m, number) =>
        environmentSection(m, environment, number, {
          asciiWidth: options.asciiWidth ?? 100,
          ...(options.images?.[environment.id] ? { image: options.images[environment.id] } : {}),
        }),
      ),
    ),
    numbered(comparison),
    numbered(catalogue),
    numbered(pattern),
    numbered(codeInspection),
    numbered(secrets),
    numbered(nfrs),
    numbered(observability),
    numbered(backup),
    numbered(cost),
    numbered(decisions),
    numbered(future),
    numbered(changelog),
  ];
  return `${generatedHeader("html", basename(model.file))}\n${blocks(...parts)}\n`;
}

export function emitDocs(model: Model, options: DocsOptions = {}): GeneratedFile[] {
  return [{ path: options.path ?? "deployment-view.md", content: renderDocument(model, options) }];
}
