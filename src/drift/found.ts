/**
 * Configuration the model's `outputs:` do not name but the repository has: compose file sets and
 * manifest sets found beside the model as `init` finds them, each compared for what it runs with
 * the model's environment of the same name. These files are the team's own, so only their meaning
 * is held to the model, never their layout.
 */
import { basename, dirname, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { diagnostic } from "../diagnostics.js";
import { emitCompose } from "../emit/compose/index.js";
import { emitKubernetes } from "../emit/k8s/index.js";
import { importManifests } from "../import/kubernetes/index.js";
import { findConfigurationSets, importComposeSet } from "../import/repository/sets.js";
import type { Environment, Model } from "../model/types.js";
import { committedModel } from "./committed-model.js";
import { type Imported, importText, semanticDrift } from "./semantic.js";

interface FoundSet {
  kind: "compose" | "kubernetes";
  /** The names it could go by: the id `init` gives it, its variant, its folder or file. */
  names: string[];
  paths: string[];
}

const withoutExtension = (path: string) => basename(path).replace(/\.ya?ml$/i, "");

function foundSets(root: string): FoundSet[] {
  const { compose, manifests } = findConfigurationSets(root);
  return [
    ...compose.map((set) => ({
      kind: "compose" as const,
      names: [set.environment, ...(set.variant ? [set.variant] : []), basename(dirname(set.files[0]!))],
      paths: set.files,
    })),
    ...manifests.map((set) => ({
      kind: "kubernetes" as const,
      names: [set.environment, withoutExtension(set.paths[0]!)],
      paths: set.paths,
    })),
  ];
}

/** The environment a set describes: the first of its names the model has, on a matching platform. */
function environmentOf(model: Model, set: FoundSet): Environment | undefined {
  const fits = (e: Environment) =>
    set.kind === "compose" ? e.platform === "compose" : e.platform === "kubernetes";
  for (const name of set.names) {
    const environment = model.environments.find((e) => e.id === name.toLowerCase() && fits(e));
    if (environment) return environment;
  }
  return undefined;
}

async function committed(
  set: FoundSet,
  environment: string,
  root: string,
): Promise<{ imported?: Imported; sources: Map<string, string> }> {
  const result =
    set.kind === "compose"
      ? await importComposeSet(set.paths, { environment })
      : await importManifests(set.paths, { environment, root });
  return { ...(result.imported ? { imported: result.imported } : {}), sources: result.sources };
}

/** What the model generates for the environment, imported; or why it generates nothing. */
function generated(
  model: Model,
  set: FoundSet,
  environment: string,
  root: string,
): { imported?: Imported; refusal?: string } {
  const folder = set.kind === "compose" ? dirname(set.paths[0]!) : root;
  const result =
    set.kind === "compose"
      ? emitCompose(model, environment, { folder: relative(root, folder).split(sep).join("/") || "." })
      : emitKubernetes(model, environment);
  const files = result.files.filter((f) =>
    set.kind === "compose" ? f.path === "compose.yaml" : /\.ya?ml$/.test(f.path),
  );
  const imported = importText(
    set.kind,
    files.map((f) => ({ path: resolve(folder, f.path), text: f.content })),
  );
  if (imported) return { imported };
  const error = result.diagnostics.find((d) => d.severity === "error");
  return { refusal: error?.message ?? "it runs nothing there" };
}

/** An override fragment (a service with neither image nor build) runs nothing by itself. */
function isFragment(imported: Imported): boolean {
  return Object.values(imported.input.services).some((s) => s.image === undefined && s.build === undefined);
}

/**
 * `named` holds the files and folders the model's outputs name: those are compared as generated
 * files already, and a set touching one is left to that comparison.
 */
export async function foundConfigurationDrift(
  model: Model,
  modelPath: string,
  named: ReadonlySet<string>,
): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string>; committed: Model[] }> {
  const root = dirname(resolve(modelPath));
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const compared: Model[] = [];
  // A base file shared by several sets says the same thing once, naming each environment.
  const drifted = new Map<string, { finding: Diagnostic; environments: string[] }>();
  for (const set of foundSets(root)) {
    const paths = set.paths.map((p) => resolve(p));
    if (paths.some((p) => named.has(p) || named.has(dirname(p)))) continue;
    const environment = environmentOf(model, set);
    if (!environment) {
      const where = relative(root, paths[0]!) || ".";
      diagnostics.push(
        diagnostic(
          "unmodelled-configuration",
          "info",
          `${set.kind === "compose" ? "compose files" : "Kubernetes manifests"} at ${where} describe no environment of the model, so drift does not compare them`,
          { file: paths.at(-1)! },
          {
            hint: `name an environment '${set.names[0]}', or list the files under the model's outputs`,
          },
        ),
      );
      continue;
    }
    const actual = await committed(set, environment.id, root);
    if (!actual.imported || isFragment(actual.imported)) continue;
    const expected = generated(model, set, environment.id, root);
    if (!expected.imported) {
      diagnostics.push(
        diagnostic(
          "unmodelled-configuration",
          "info",
          `drift does not compare ${relative(root, paths[0]!) || "."} with '${environment.id}': the model generates nothing for it (${expected.refusal})`,
          { file: paths.at(-1)! },
          { hint: "deployview check shows what stops it" },
        ),
      );
      continue;
    }
    for (const [file, text] of actual.sources) sources.set(file, text);
    const found = semanticDrift(expected.imported, actual.imported, paths.at(-1)!).diagnostics;
    // Resolved again only where a finding's frame will show the committed files.
    const shown = found.length > 0 ? committedModel(set.kind, actual.imported, paths[0]!) : undefined;
    if (shown) compared.push(shown);
    for (const finding of found) {
      const key = `${finding.file}:${finding.start}:${finding.message}`;
      const known = drifted.get(key);
      if (known) known.environments.push(environment.id);
      else drifted.set(key, { finding, environments: [environment.id] });
    }
  }
  for (const { finding, environments } of drifted.values())
    diagnostics.push({ ...finding, message: `in ${environments.join(", ")}: ${finding.message}` });
  return { diagnostics, sources, committed: compared };
}
