/**
 * A first model from what a repository already has: each compose file set and each Kubernetes
 * manifest set (kustomize overlay or manifest folder) becomes an environment, services are taken
 * from the first set that defines them, and every guess (a service's kind) is marked with a TODO
 * for a person to confirm.
 */
import { basename, resolve } from "node:path";
import { Document, isMap, isPair, isScalar, visit } from "yaml";
import { append } from "../../collections.js";
import type { Diagnostic } from "../../diagnostics.js";
import { statefulKinds } from "../../model/kinds.js";
import type { ModelInputType, ServiceInputType } from "../../model/schema.js";
import { secretLike } from "../../model/secret-like.js";
import { variablesIn } from "../compose/interpolate.js";
import { inputNodes } from "../input-nodes.js";
import { asText, isObject } from "../json.js";
import { importManifests } from "../kubernetes/index.js";
import { keyOr } from "../model-ids.js";
import { inspectSource } from "../source/index.js";
import {
  describeService,
  dockerFolders,
  inspectBuild,
  kindOfCode,
  nginxRoutes,
  serviceFromFolder,
} from "./code.js";
import { definedDifferently } from "./differences.js";
import { type EnvReference, keepEnvReferences } from "./env-references.js";
import { rebasedForModel } from "./model-paths.js";
import { portRenames, renamePortsIn, withoutRenamed } from "./port-names.js";
import { draftWithoutRefused, type RefusedValues } from "./refused-values.js";
import { type MovedSecret, moveSecretsOut } from "./secrets.js";
import { findConfigurationSets, importComposeSet } from "./sets.js";
import type { Folder } from "./walk.js";

export interface InitResult {
  /** The model file's text, or undefined when nothing was found to import. */
  text: string | undefined;
  /** Whether the text loads as a model; init never writes one that does not. */
  loads: boolean;
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
  /** Values the files wrote in plain text, which the model takes from the environment instead. */
  secrets: MovedSecret[];
  /** The code inspection summary: what each service built here is made of. */
  code: { id: string; source: NonNullable<ServiceInputType["source"]>; ports: number[] }[];
  sources: Map<string, string>;
}

export async function initFromRepository(
  root: string,
  onProgress: (message: string) => void = () => {},
): Promise<InitResult> {
  onProgress(`looking for compose files and Kubernetes manifests in ${root}`);
  const { folders, compose: sets, manifests: manifestSets } = findConfigurationSets(root);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const services: Record<string, ServiceInputType> = {};
  const environments: Record<string, unknown> = {};
  const placed = new Map<string, string[]>();
  const secrets: Record<string, unknown> = {};
  const found: { id: string; files: string[] }[] = sets.map((s) => ({ id: s.environment, files: s.files }));
  /** The folder a service's paths are relative to: the model's, for a service of a compose file. */
  const serviceBase = new Map<string, string>();
  /** Services that a later set defines differently, by where and in what: marked for review. */
  const differing = new Map<string, string[]>();
  /** Environment values the compose files take from .env. */
  const references: EnvReference[] = [];
  // Services seen in several sets are widened; each set's environment is taken as it is.
  const absorb = (input: ModelInputType, environment: string, base?: string) => {
    for (const [id, defined] of Object.entries(input.services)) {
      const first = Object.hasOwn(services, id) ? services[id] : undefined;
      const renames = first ? portRenames(first, defined) : new Map<string, string>();
      renamePortsIn(input.environments[environment], id, renames);
      const service = withoutRenamed(defined, renames);
      if (base && !first) serviceBase.set(id, base);
      if (first) {
        keepDifferences(first, service, input.environments[environment], id);
        const fields = definedDifferently(first, service);
        if (fields.length > 0)
          differing.set(id, [...(differing.get(id) ?? []), `${environment} (${fields.join(", ")})`]);
      }
      services[id] = first ? widen(first, service) : service;
      placed.set(id, [...(placed.get(id) ?? []), environment]);
    }
    Object.assign(secrets, input.secrets ?? {});
    environments[environment] = input.environments[environment];
  };
  // The base set (no variant) first: it is how the system is described, the others differ from it.
  const ordered = [...sets.filter((set) => !set.variant), ...sets.filter((set) => set.variant)];
  for (const set of ordered) {
    const result = await importComposeSet(set.files, { name: basename(root), environment: set.environment });
    append(diagnostics, result.diagnostics);
    for (const [file, text] of result.sources) sources.set(file, text);
    if (!result.imported) continue;
    append(references, keepEnvReferences(result.imported.input, result.imported, result.sources));
    absorb(rebasedForModel(result.imported.input, set.files[0]!, root), set.environment, root);
    // A compose file without a variant is, as a rule, how developers run the system locally.
    if (!set.variant)
      (environments[set.environment] as Record<string, unknown>).purpose = "Local development";
  }
  for (const set of manifestSets) {
    const result = await importManifests(set.paths, {
      name: basename(root),
      environment: set.environment,
      root,
    });
    append(diagnostics, result.diagnostics);
    for (const [file, text] of result.sources) sources.set(file, text);
    if (!result.imported || Object.keys(result.imported.input.services).length === 0) continue;
    absorb(result.imported.input, set.environment);
    found.push({ id: set.environment, files: set.paths });
  }
  onProgress(
    `found ${sets.length} compose file set(s) and ${manifestSets.length} manifest set(s); inspecting the code`,
  );
  const code = inspectCode(root, folders, services, serviceBase, environments, diagnostics);
  // A kind that keeps state, with no volume in the files: they keep nothing, and the draft says so
  // (marked for review), so that it generates what the files run.
  for (const service of Object.values(services))
    if (statefulKinds.has(service.kind) && !service.volumes && service.stateful === undefined)
      service.stateful = false;
  const moved = moveSecretsOut(services, environments, secrets);
  const summary = Object.entries(services).map(([id, s]) => ({
    id,
    kind: s.kind,
    ...(s.image ? { image: s.image } : {}),
    ports: [...new Set(Object.values(s.ports ?? {}).map((p) => (typeof p === "number" ? p : p.port)))],
    uses: Array.isArray(s.uses) ? s.uses : Object.keys(s.uses ?? {}),
    environments: placed.get(id) ?? [],
  }));
  const result = { diagnostics, services: summary, environments: found, secrets: moved, code, sources };
  if (Object.keys(services).length === 0) return { text: undefined, loads: false, ...result };
  const model = {
    system: { name: basename(root) },
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
    services,
    environments,
  } as unknown as ModelInputType;
  // A value of the files that the model refuses is left out of the draft and marked, so that it
  // loads: the files' findings say the rest.
  const draft = draftWithoutRefused({ services, environments }, (refused) =>
    toModelText(model, differing, moved, references, refused),
  );
  return { ...draft, ...result };
}

/**
 * Describes each service built here from its code, and adds folders with a Dockerfile that nothing
 * builds as services (placed in a local environment when the repository has none).
 */
function inspectCode(
  root: string,
  folders: Folder[],
  services: Record<string, ServiceInputType>,
  serviceBase: Map<string, string>,
  environments: Record<string, unknown>,
  diagnostics: Diagnostic[],
): InitResult["code"] {
  const built = new Set<string>();
  for (const [id, service] of Object.entries(services)) {
    const base = serviceBase.get(id);
    if (base && !service.routes) {
      const { routes, problems } = nginxRoutes(id, services, base, root);
      append(diagnostics, problems);
      if (Object.keys(routes).length > 0) service.routes = routes;
    }
    const inspection = base ? inspectBuild(service, base, root) : undefined;
    if (!inspection) continue;
    built.add(resolve(root, inspection.path));
    append(diagnostics, inspection.diagnostics);
    describeService(service, inspection);
    // Code with a known framework says more than a name that matched no pattern.
    if (service.kind === "other" && inspection.framework) service.kind = kindOfCode(inspection);
  }
  const unplaced: string[] = [];
  for (const folder of dockerFolders(root, built, folders)) {
    const name = basename(folder)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-");
    if (Object.hasOwn(services, name)) continue;
    const id = keyOr(name, () => new Set(Object.keys(services)));
    const inspection = inspectSource(folder, root);
    append(diagnostics, inspection.diagnostics);
    services[id] = serviceFromFolder(inspection);
    unplaced.push(id);
  }
  if (unplaced.length > 0 && Object.keys(environments).length === 0) {
    environments.local = {
      platform: "compose",
      purpose: "Local development",
      nodes: { host: { kind: "host", name: "Developer machine", run: unplaced } },
    };
  }
  return Object.entries(services).flatMap(([id, service]) =>
    service.source
      ? [
          {
            id,
            source: service.source,
            // Named twice (http from compose, 80 from EXPOSE), a port is still one port.
            ports: [
              ...new Set(Object.values(service.ports ?? {}).map((p) => (typeof p === "number" ? p : p.port))),
            ],
          },
        ]
      : [],
  );
}

/**
 * A service seen in several file sets keeps its first definition, widened only by the ports the
 * others add (a production file that publishes another port needs that port declared), so the
 * first environment is described exactly and each later one differs only where it is marked.
 */
function widen(first: ServiceInputType, other: ServiceInputType): ServiceInputType {
  return other.ports ? { ...first, ports: { ...other.ports, ...first.ports } } : first;
}

/**
 * What a later set runs differently from the service's first definition (another image, other
 * resources) belongs to its instances there, so each environment keeps what its files say.
 */
function keepDifferences(first: ServiceInputType, other: ServiceInputType, environment: unknown, id: string) {
  const differences: Record<string, unknown> = Object.fromEntries(
    (["image", "memory", "cpu"] as const)
      .filter((key) => other[key] !== undefined && JSON.stringify(other[key]) !== JSON.stringify(first[key]))
      .map((key) => [key, other[key]]),
  );
  // Variables only this set gives are the instance's here; those it lacks cannot be (see differences.ts).
  const added = Object.entries(other.env ?? {}).filter(([name]) => !Object.hasOwn(first.env ?? {}, name));
  if (added.length > 0) differences.env = Object.fromEntries(added);
  for (const { node } of inputNodes(environment)) {
    if (!isObject(node.run) || !Object.hasOwn(node.run, id)) continue;
    const current = node.run[id] as Record<string, unknown> | null;
    const next = keptStorage({ ...current, ...differences }, first);
    node.run[id] = current === null && Object.keys(next).length === 0 ? null : next;
  }
}

/** Sizes for volumes the kept definition has; the others are the set's own (marked as differing). */
function keptStorage(instance: { storage?: Record<string, unknown> }, first: ServiceInputType) {
  if (!instance.storage) return instance;
  const storage = Object.fromEntries(
    Object.entries(instance.storage).filter(([name]) => Object.hasOwn(first.volumes ?? {}, name)),
  );
  const { storage: _, ...rest } = instance;
  return Object.keys(storage).length > 0 ? { ...rest, storage } : rest;
}

/** The model as YAML, with a TODO beside every guess, and where a secret was in plain text. */
function toModelText(
  model: ModelInputType,
  differing: ReadonlyMap<string, string[]>,
  moved: readonly MovedSecret[],
  references: readonly EnvReference[],
  refused: RefusedValues,
): string {
  const doc = new Document(model, { aliasDuplicateObjects: false });
  doc.commentBefore = [
    " A first deployview model, written by `deployview init` from this repository's compose files and manifests.",
    " Check each TODO, then run `deployview check` and `deployview docs`.",
  ].join("\n");
  const servicesNode = doc.get("services", true);
  if (isMap(servicesNode)) {
    for (const pair of servicesNode.items) {
      if (!isPair(pair) || !isMap(pair.value)) continue;
      const kind = pair.value.get("kind", true);
      if (isScalar(kind)) kind.comment = " TODO: guessed from the name and image; confirm";
      const stateful = pair.value.get("stateful", true);
      if (isScalar(stateful) && stateful.value === false)
        stateful.comment =
          " TODO: the files keep no volume for it, so its data is lost with its container; add one, or confirm";
      const source = pair.value.get("source", true);
      if (isMap(source)) source.commentBefore = " TODO: read from the code; confirm";
      const elsewhere = isScalar(pair.key) ? differing.get(asText(pair.key.value)) : undefined;
      if (elsewhere && isScalar(pair.key))
        pair.key.commentBefore = ` TODO: defined differently in ${elsewhere.join("; ")}; one definition serves every environment, so drift reports the difference until it is resolved`;
      const left = isScalar(pair.key) ? refused.get(asText(pair.key.value)) : undefined;
      if (left && isScalar(pair.key))
        pair.key.commentBefore = [
          pair.key.commentBefore,
          ...left.map((note) => ` TODO: ${note}, which the model refuses; set it`),
        ]
          .filter(Boolean)
          .join("\n");
    }
  }
  const environmentsNode = doc.get("environments", true);
  if (isMap(environmentsNode)) {
    for (const pair of environmentsNode.items) {
      if (!isPair(pair) || !isMap(pair.value)) continue;
      const purpose = pair.value.get("purpose", true);
      if (isScalar(purpose)) purpose.comment = " TODO: guessed from the compose file's name; confirm";
    }
  }
  markMovedSecrets(doc, moved);
  markEnvReferences(doc, references);
  const header = "# yaml-language-server: $schema=./node_modules/deployview/schema/deployview.schema.json\n";
  return `${header}${doc.toString({ lineWidth: 0 })}`;
}

/** A TODO on each variable, build argument and command line whose plain-text secret the model no longer holds. */
function markMovedSecrets(doc: Document, moved: readonly MovedSecret[]) {
  const todo = (variable: string) =>
    ` TODO: written in plain text in the files; now from the variable ${variable} where the system runs. Change the old value`;
  const bySecret = new Map(moved.filter((m) => !m.buildArgument).map((m) => [m.name, m]));
  visit(doc, {
    Pair(_, pair) {
      const secret = isMap(pair.value) ? pair.value.get("secret") : undefined;
      const found = typeof secret === "string" ? bySecret.get(secret) : undefined;
      if (found && isScalar(pair.key)) pair.key.commentBefore = todo(found.variable);
    },
  });
  for (const { variable, arguments: taken } of moved)
    for (const { service, argument } of taken) {
      const args = doc.getIn(["services", service, "build", "args"], true);
      const pair = isMap(args)
        ? args.items.find((p) => isScalar(p.key) && p.key.value === argument)
        : undefined;
      if (pair && isScalar(pair.key)) pair.key.commentBefore = todo(variable);
    }
  // A command line may take several: one note names them all.
  const commandVariables = new Map<string, string[]>();
  for (const { variable, commands } of moved)
    for (const { path } of commands) {
      const key = path.join("\0");
      commandVariables.set(key, [...(commandVariables.get(key) ?? []), variable]);
    }
  for (const [key, variables] of commandVariables) {
    const path = key.split("\0");
    const holder = doc.getIn(path.slice(0, -1), true);
    const pair = isMap(holder)
      ? holder.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1))
      : undefined;
    if (pair && isScalar(pair.key))
      pair.key.commentBefore = ` TODO: passed a secret in plain text on the command line; now from ${variables
        .sort()
        .map((v) => `\${${v}}`)
        .join(", ")}, which Compose fills in where the system runs. Change the old value`;
  }
}

/**
 * A TODO where the model says less than the compose file: a default it leaves to where the system
 * runs, or a value filled in from .env where the file refers to a variable.
 */
function markEnvReferences(doc: Document, references: readonly EnvReference[]) {
  for (const { service, variable, written, kept } of references) {
    const env = doc.getIn(["services", service, "env"], true);
    const pair = isMap(env) ? env.items.find((p) => isScalar(p.key) && p.key.value === variable) : undefined;
    // A value moved out as a secret is not the model's to hold, and what the file writes may be it.
    if (!pair || !isScalar(pair.key) || !isScalar(pair.value)) continue;
    const defaults = variablesIn(written).flatMap((v) => (v.fallback === undefined ? [] : [v.fallback]));
    // A default is written nowhere else in the model: one that looks secret is not copied here.
    const what = defaults.some((d) => secretLike(variable, d))
      ? "a reference whose default looks secret"
      : written;
    if (kept === "value")
      pair.key.commentBefore = ` TODO: the compose file writes ${what}, filled in here from .env or its default; the model holds the value`;
    else if (defaults.length > 0)
      pair.key.commentBefore = ` TODO: the compose file writes ${what}; the model takes ${variable} from .env or where it runs, without the default`;
  }
}
