/**
 * What `check` can be pointed at, and how each is loaded: a model file; a compose file; a manifest
 * file, manifest folder or kustomization; or a repository, whose compose file sets and manifest
 * sets are each checked on their own (as `init` would find them).
 */
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { unreadableFile } from "../diagnostics.js";
import {
  isComposeFileName,
  isComposeText,
  looksLikeComposeFile,
  looksLikeModelFile,
} from "../import/compose/file-names.js";
import { type ComposeImportOptions, loadComposeAsModel } from "../import/compose/index.js";
import { chartNotChecked, chartOfTemplate, isChartFolder } from "../import/kubernetes/helm-charts.js";
import type { LoadResult } from "../load/index.js";
import { isStandardInput, readStandardInput } from "../load/standard-input.js";

export type Load = () => Promise<LoadResult>;

// Each reader is loaded only when something of its kind is checked: the model loader with its
// schema validator, the Kubernetes importer, the repository walk. A compose file needs none.
const loadModelFile = async (path: string) => (await import("../load/index.js")).loadModelFile(path);
const kubernetes = () => import("../import/kubernetes/index.js");
const loadManifests = async (paths: string[]) => (await kubernetes()).loadManifestsAsModel(paths);

const MODEL_FILE = "deployview.yaml";

/**
 * The loads of every path named. Manifest files named one by one are one set, as `kubectl apply
 * -f a.yaml -f b.yaml` applies them: a Service in one and the Ingress in front of it in another.
 * Every other path is checked on its own.
 */
export async function loadsForAll(
  paths: string[],
  compose: Pick<ComposeImportOptions, "exampleFor"> = {},
): Promise<Load[]> {
  const manifestFiles: string[] = [];
  const loads: Load[] = [];
  for (const path of paths) {
    const found = await targetOf(path, compose);
    if (found !== MANIFEST_FILE_NAMED) {
      loads.push(...found);
      continue;
    }
    if (manifestFiles.length === 0) loads.push(() => loadManifests(manifestFiles));
    // A file named twice is applied once: read twice, each of its objects would be defined twice.
    if (!manifestFiles.some((named) => resolve(named) === resolve(path))) manifestFiles.push(path);
  }
  return loads;
}

/** `compose`: how compose files are read, shared by every load of one run. */
export async function loadsFor(
  path: string,
  compose: Pick<ComposeImportOptions, "exampleFor"> = {},
): Promise<Load[]> {
  const found = await targetOf(path, compose);
  return found === MANIFEST_FILE_NAMED ? [() => loadManifests([path])] : found;
}

/** A manifest file, which goes into a set with the others named beside it. */
const MANIFEST_FILE_NAMED = Symbol("manifest file");

/** What a path is, each looked at once: its loads, or a manifest file to load with the others. */
async function targetOf(
  path: string,
  compose: Pick<ComposeImportOptions, "exampleFor">,
): Promise<Load[] | typeof MANIFEST_FILE_NAMED> {
  if (isStandardInput(path)) return [await standardInputLoad(path, compose)];
  let isDirectory = false;
  try {
    const stat = statSync(path);
    // A pipe or a device is not read to see what it holds (opening a pipe waits for a writer): the
    // model loader says it is not a file.
    if (!stat.isFile() && !stat.isDirectory()) return [() => loadModelFile(path)];
    isDirectory = stat.isDirectory();
  } catch {
    // A missing docker-compose.yml is a compose file that is not there, not a model.
    if (isComposeFileName(basename(path))) return [() => loadComposeAsModel([path], compose)];
    return [() => loadModelFile(path)];
  }
  if (!isDirectory) {
    // The chart's own files (Chart.yaml, values.yaml) are no manifests or model either.
    const chart = isChartFolder(dirname(path)) ? dirname(path) : chartOfTemplate(path);
    if (chart !== undefined) return [chartLoad(chart)];
    if (isComposeFileName(basename(path)) && !looksLikeModelFile(path))
      return [() => loadComposeAsModel([path], compose)];
    if ((await kubernetes()).looksLikeManifest(path)) return MANIFEST_FILE_NAMED;
    // A model is named for what it is; a compose file by another name is known by its keys.
    if (!basename(path).startsWith("deployview") && looksLikeComposeFile(path))
      return [() => loadComposeAsModel([path], compose)];
    return [() => loadModelFile(path)];
  }
  if (existsSync(join(path, MODEL_FILE))) return [() => loadModelFile(join(path, MODEL_FILE))];
  if (isChartFolder(path)) return [chartLoad(path)];
  if ((await kubernetes()).kustomizationIn(path)) return [() => loadManifests([path])];
  const { findConfigurationSets } = await import("../import/repository/sets.js");
  // A folder is checked as `kubectl apply -f` would apply it: variants of one object are defined twice.
  const sets = findConfigurationSets(path, { variants: "together" });
  const loads: Load[] = [
    ...sets.compose.map((set) => () => loadComposeAsModel(set.files, compose)),
    ...sets.manifests.map((set) => () => loadManifests(set.paths)),
    ...sets.charts.map(chartLoad),
  ];
  if (loads.length > 0) return loads;
  // Manifests with no workload among them (the Services and ConfigMaps a base shares) make no
  // environment for a repository, but are still a folder of manifests to check.
  if ((await kubernetes()).manifestFilesIn(path).length > 0) return [() => loadManifests([path])];
  return [
    async () => ({
      model: undefined,
      sources: new Map(),
      diagnostics: [
        unreadableFile(
          "found no deployview.yaml, compose file or Kubernetes manifest here",
          path,
          "name a model, a compose file or a manifest folder, or run deployview init",
        ),
      ],
    }),
  ];
}

/** A Helm chart, checked as far as deployview can: its one finding says how to check what it makes. */
function chartLoad(chart: string): Load {
  return async () => ({
    model: undefined,
    sources: new Map(),
    diagnostics: [chartNotChecked(chart)],
    nothingToCheck: true,
  });
}

/**
 * Standard input (`check -`), read as what it holds, told as a file by another name is: manifests
 * by their apiVersion and kind, a compose file by its top-level keys, else a model. What cannot be
 * read is the model loader's to say.
 */
async function standardInputLoad(
  path: string,
  compose: Pick<ComposeImportOptions, "exampleFor">,
): Promise<Load> {
  const text = readStandardInput();
  if (typeof text === "string" && (await kubernetes()).isManifestText(text))
    return () => loadManifests([path]);
  if (typeof text === "string" && isComposeText(text)) return () => loadComposeAsModel([path], compose);
  return () => loadModelFile(path);
}
