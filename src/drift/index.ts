/**
 * Drift between a model and the files committed beside it: every file the model's outputs name is
 * generated again and compared with what is on disk; compose files and manifests are compared for
 * what they run (images, ports, replicas, volumes, variables, health checks), the rest byte for byte.
 * Compose files and manifests the outputs do not name are found in the repository and compared for
 * what they run with the environment of the same name.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { buildOutputs, type OutputSet } from "../build/outputs.js";
import { append } from "../collections.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { isGenerated } from "../emit/generated-file.js";
import { isManifestText, MANIFEST_FILE } from "../import/kubernetes/read-file.js";
import type { Model } from "../model/types.js";
import { committedModel } from "./committed-model.js";
import { foundConfigurationDrift } from "./found.js";
import { unexplainedLines } from "./line-drift.js";
import { importText, semanticDrift } from "./semantic.js";

/** A committed file's text; a checkout with CRLF line ends is the same file. */
async function existing(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, "utf8")).replace(/\r\n/g, "\n");
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

const CONFIGURATION = /\.ya?ml$/i;

/**
 * Manifest files (YAML, or JSON as kubectl takes it) in a folder that the model does not generate:
 * hand-added manifests are drift too.
 */
async function extraManifests(folder: string, generated: Set<string>): Promise<string[]> {
  try {
    return (await readdir(folder, { withFileTypes: true }))
      .filter(
        (e) =>
          e.isFile() &&
          MANIFEST_FILE.test(e.name) &&
          !generated.has(e.name) &&
          e.name !== "kustomization.yaml",
      )
      .map((e) => join(folder, e.name));
  } catch {
    return [];
  }
}

/**
 * Compose files and manifests that differ from what the model generates are compared for what
 * they run, and generated ones also line by line for what that leaves out; these findings replace
 * the one-line report of those files. A hand-written file in a generated file's place is held to
 * its meaning only: its layout is its author's.
 */
async function configurationDrift(
  output: OutputSet,
  folder: string,
  sources: Map<string, string>,
): Promise<{ diagnostics: Diagnostic[]; explained: Set<string>; committed?: Model }> {
  const explained = new Set<string>();
  if (output.kind === "docs") return { diagnostics: [], explained };
  const configuration = output.files.filter(
    (f) => CONFIGURATION.test(f.path) && f.path !== "kustomization.yaml",
  );
  const committed: { path: string; text: string; generated?: string }[] = [];
  let changed = false;
  for (const file of configuration) {
    const path = join(folder, file.path);
    const text = await existing(path);
    if (text === undefined) continue;
    committed.push({ path, text, generated: file.content });
    if (text !== file.content) changed = true;
  }
  if (output.kind === "kubernetes") {
    for (const path of await extraManifests(folder, new Set(configuration.map((f) => f.path)))) {
      const text = await existing(path);
      if (text !== undefined && isManifestText(text)) {
        committed.push({ path, text });
        changed = true;
      }
    }
  }
  if (!changed || committed.length === 0) return { diagnostics: [], explained };
  const expected = importText(
    output.kind,
    configuration.map((f) => ({ path: join(folder, f.path), text: f.content })),
  );
  const actual = importText(output.kind, committed);
  if (!expected || !actual) return { diagnostics: [], explained };
  const found = semanticDrift(expected, actual, committed[0]!.path);
  const { diagnostics } = found;
  const lines: Diagnostic[] = [];
  for (const file of committed) {
    const edited = file.generated !== undefined && file.text !== file.generated;
    if (edited && isGenerated(file.text))
      append(lines, unexplainedLines(file.path, file.text, file.generated!, found));
    else if (edited && !diagnostics.some((d) => d.file === file.path)) continue;
    sources.set(file.path, file.text);
    explained.add(file.path);
  }
  const reported = [...diagnostics, ...lines];
  // Resolved again only where a finding's frame will show the committed files.
  const model = reported.length > 0 ? committedModel(output.kind, actual, committed[0]!.path) : undefined;
  return { diagnostics: reported, explained, ...(model ? { committed: model } : {}) };
}

export interface Drift {
  diagnostics: Diagnostic[];
  /** The text of each file a finding points at. */
  sources: Map<string, string>;
  /** The committed compose files and manifests compared, as models: a report hides their secrets. */
  committed: Model[];
}

export async function detectDrift(model: Model, modelPath: string): Promise<Drift> {
  const { outputs } = await buildOutputs(model);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const committed: Model[] = [];
  const named = new Set<string>();
  for (const output of outputs) {
    const folder = join(dirname(modelPath), output.folder);
    if (output.kind === "kubernetes") named.add(resolve(folder));
    for (const file of output.files) named.add(resolve(folder, file.path));
    const configuration = await configurationDrift(output, folder, sources);
    append(diagnostics, configuration.diagnostics);
    if (configuration.committed) committed.push(configuration.committed);
    for (const file of output.files) {
      const path = join(folder, file.path);
      if (configuration.explained.has(path)) continue;
      const current = await existing(path);
      if (current === undefined) {
        diagnostics.push(
          diagnostic(
            "missing-generated-file",
            "error",
            "the model's outputs name this file, but it has not been generated",
            { file: path },
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
            { file: path },
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
  const found = await foundConfigurationDrift(model, modelPath, named);
  for (const [file, text] of found.sources) sources.set(file, text);
  append(committed, found.committed);
  return { diagnostics: [...diagnostics, ...found.diagnostics], sources, committed };
}
