/**
 * A first model from what a repository already has. Today that is its compose files: each file set
 * becomes an environment, services are taken from the first set that defines them, and every guess
 * (a service's kind) is marked with a TODO for a person to confirm.
 */
import { basename } from "node:path";
import { Document, isMap, isPair, isScalar } from "yaml";
import type { Diagnostic } from "../../diagnostics.js";
import { loadModelText } from "../../load/index.js";
import type { ModelInputType, ServiceInputType } from "../../model/schema.js";
import { importCompose } from "../compose/index.js";
import { findComposeSets } from "./find-compose.js";

export interface InitResult {
  /** The model file's text, or undefined when nothing was found to import. */
  text: string | undefined;
  diagnostics: Diagnostic[];
  /** What was found, per service, for the summary. */
  services: {
    id: string;
    kind: string;
    image?: string;
    ports: number[];
    uses: string[];
    environments: string[];
  }[];
  environments: { id: string; files: string[] }[];
  sources: Map<string, string>;
}

export async function initFromRepository(root: string): Promise<InitResult> {
  const sets = findComposeSets(root);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const services: Record<string, ServiceInputType> = {};
  const environments: Record<string, unknown> = {};
  const placed = new Map<string, string[]>();
  for (const set of sets) {
    const result = await importCompose(set.files, { name: basename(root), environment: set.environment });
    diagnostics.push(...result.diagnostics);
    for (const [file, text] of result.sources) sources.set(file, text);
    if (!result.imported) continue;
    const input = result.imported.input;
    for (const [id, service] of Object.entries(input.services)) {
      services[id] = services[id] ? widen(services[id]!, service) : service;
      placed.set(id, [...(placed.get(id) ?? []), set.environment]);
    }
    environments[set.environment] = input.environments[set.environment];
  }
  const summary = Object.entries(services).map(([id, s]) => ({
    id,
    kind: s.kind,
    ...(s.image ? { image: s.image } : {}),
    ports: Object.values(s.ports ?? {}).map((p) => (typeof p === "number" ? p : p.port)),
    uses: Array.isArray(s.uses) ? s.uses : Object.keys(s.uses ?? {}),
    environments: placed.get(id) ?? [],
  }));
  const found = {
    diagnostics,
    services: summary,
    environments: sets.map((s) => ({ id: s.environment, files: s.files })),
    sources,
  };
  if (Object.keys(services).length === 0) return { text: undefined, ...found };
  const model = {
    system: { name: basename(root) },
    services,
    environments,
  } as unknown as ModelInputType;
  return { text: toModelText(model), ...found };
}

/**
 * A service seen in several file sets keeps its first definition, widened by what the others add:
 * a production file that publishes another port needs that port declared.
 */
function widen(first: ServiceInputType, other: ServiceInputType): ServiceInputType {
  const merged: ServiceInputType = { ...first };
  if (other.ports) merged.ports = { ...other.ports, ...first.ports };
  if (other.env) merged.env = { ...other.env, ...first.env };
  if (other.volumes) merged.volumes = { ...other.volumes, ...first.volumes };
  return merged;
}

/** The model as YAML, with a TODO beside every guessed kind. */
function toModelText(model: ModelInputType): string {
  const doc = new Document(model, { aliasDuplicateObjects: false });
  doc.commentBefore = [
    " A first deployview model, written by `deployview init` from this repository's compose files.",
    " Check each TODO, then run `deployview check` and `deployview docs`.",
  ].join("\n");
  const servicesNode = doc.get("services", true);
  if (isMap(servicesNode)) {
    for (const pair of servicesNode.items) {
      if (!isPair(pair) || !isMap(pair.value)) continue;
      const kind = pair.value.get("kind", true);
      if (isScalar(kind)) kind.comment = " TODO: guessed from the name and image; confirm";
    }
  }
  const header = "# yaml-language-server: $schema=./node_modules/deployview/schema/deployview.schema.json\n";
  return `${header}${doc.toString({ lineWidth: 0 })}`;
}

/** Whether the text loads as a model; init never writes one that does not. */
export function modelLoads(text: string): boolean {
  return loadModelText(text, "deployview.yaml").model !== undefined;
}
