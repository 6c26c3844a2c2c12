/**
 * kustomize `configMapGenerator` and `secretGenerator`: ConfigMaps and Secrets made from literals,
 * env files and files, created, merged into or replacing those of the bases. The hash suffix
 * kustomize appends (and rewrites every reference to) is left out, so references match by name.
 * A Secret's values are never kept: its env files are read for their keys, its files not at all.
 */
import { basename, resolve } from "node:path";
import type { KeyPath, YamlFile } from "../../load/yaml-file.js";
import { dotEnvLineOf, parseDotEnv } from "../compose/interpolate.js";
import { isInside } from "../inside.js";
import { asArray, asObject, isObject, type Json, type ManifestObject } from "./objects.js";
import type { FieldSet, PatchLayer } from "./patch-origin.js";
import { readText } from "./read-file.js";
import { writtenOut } from "./secret-placeholders.js";

export interface GeneratorContext {
  dir: string;
  root?: string;
  yaml: YamlFile;
  namespace?: string;
  sources: Map<string, string>;
  /** A file a generator names that cannot be read, or lies outside the kustomization's folder. */
  missing: (message: string, path: KeyPath) => void;
  /** A generator that merges into or replaces what the bases do not have. */
  unmatched: (message: string, path: KeyPath) => void;
}

type Kind = "ConfigMap" | "Secret";

/** Where a value a generator gives is written: a literal, or a line of an env file the entry at `at` names. */
interface Origin {
  at: KeyPath;
  envFile?: { file: string; text: string };
}

/**
 * The keys (and, for a ConfigMap, the values) one generator entry gives; `origins` says where
 * those a literal or an env file gives are written.
 */
function entries(
  entry: Json,
  kind: Kind,
  path: KeyPath,
  context: GeneratorContext,
): { data: Record<string, string>; origins: Map<string, Origin>; literals: Map<string, KeyPath> } {
  // Without a prototype: __proto__ is a key like any other in a literal or an env file.
  const data: Record<string, string> = Object.create(null);
  const origins = new Map<string, Origin>();
  // A Secret's literals written out: kept by key, as a later literal of the key takes its place.
  const literals = new Map<string, KeyPath>();
  const keep = (value: string) => (kind === "Secret" ? "" : value);
  const read = (written: string, at: KeyPath): string | undefined => {
    const file = resolve(context.dir, written);
    // kustomize reads a generator's files in or below the kustomization's folder only (its default
    // load restrictor), and refuses the others: an absolute path, or one that climbs out.
    if (isInside(context.dir, file) === false) {
      context.missing(
        `'${written}' is not in or below the kustomization's folder, so kustomize refuses to read it`,
        at,
      );
      return undefined;
    }
    const { text } = readText(file);
    if (text === undefined) context.missing(`'${written}' cannot be read`, at);
    else if (kind === "ConfigMap") context.sources.set(file, text);
    return text;
  };
  asArray(entry.literals).forEach((literal, i) => {
    if (typeof literal !== "string") return;
    const at = literal.indexOf("=");
    if (at <= 0) return;
    const key = literal.slice(0, at);
    const value = literal.slice(at + 1).replace(/^(["'])(.*)\1$/, "$2");
    data[key] = keep(value);
    origins.set(key, { at: [...path, "literals", i] });
    if (kind === "Secret" && writtenOut(value)) literals.set(key, [...path, "literals", i]);
    else literals.delete(key);
  });
  const envFiles = [...asArray(entry.envs), ...(typeof entry.env === "string" ? [entry.env] : [])];
  envFiles.forEach((written, i) => {
    if (typeof written !== "string") return;
    const at = Array.isArray(entry.envs) ? [...path, "envs", i] : [...path, "env"];
    const text = read(written, at);
    if (text === undefined) return;
    const envFile = { file: resolve(context.dir, written), text };
    for (const [name, value] of Object.entries(parseDotEnv(text))) {
      data[name] = keep(value);
      origins.set(name, { at, envFile });
      literals.delete(name);
    }
  });
  asArray(entry.files).forEach((written, i) => {
    if (typeof written !== "string") return;
    const [name, file] = written.includes("=") ? written.split(/=(.*)/s) : [basename(written), written];
    if (!name || !file) return;
    if (kind === "Secret") {
      // Only whether it is there: a secret file's content is never read.
      data[name] = "";
      literals.delete(name);
      return;
    }
    const text = read(file, [...path, "files", i]);
    if (text !== undefined) data[name] = text;
    origins.delete(name);
  });
  return { data, origins, literals };
}

/**
 * Each value a literal or an env file gives, as a layer of the object written at the literal or at
 * the env file's line, where findings about it point. One a file gives later is its own, found at
 * the entry.
 */
function valueLayers(
  data: Record<string, string>,
  origins: ReadonlyMap<string, Origin>,
  yaml: YamlFile,
): PatchLayer[] {
  return [...origins].map(([key, { at, envFile }]) => {
    const set: FieldSet = { path: ["data", key], value: data[key] };
    const layer: PatchLayer = { form: "field", patch: set, yaml, at };
    if (!envFile) return layer;
    const { file, text } = envFile;
    const writtenAt = () => {
      const line = dotEnvLineOf(text, key);
      return line ? { file, ...line } : { file, start: 0, end: 0 };
    };
    return { ...layer, writtenAt };
  });
}

function object(
  kind: Kind,
  name: string,
  namespace: string | undefined,
  data: Record<string, string>,
  yaml: YamlFile,
  base: KeyPath,
): ManifestObject {
  return {
    kind,
    apiVersion: "v1",
    name,
    ...(namespace ? { namespace } : {}),
    value: {
      apiVersion: "v1",
      kind,
      metadata: { name, ...(namespace ? { namespace } : {}) },
      data,
    },
    yaml,
    base,
  };
}

/** The objects after this kustomization's generators: new ones added, merged or replaced ones changed. */
export function applyGenerators(
  k: Json,
  objects: ManifestObject[],
  context: GeneratorContext,
): ManifestObject[] {
  let result = objects;
  for (const [key, kind] of [
    ["configMapGenerator", "ConfigMap"],
    ["secretGenerator", "Secret"],
  ] as const) {
    asArray(k[key]).forEach((raw, i) => {
      if (!isObject(raw) || typeof raw.name !== "string") return;
      const path: KeyPath = [key, i];
      const name = raw.name;
      // The kustomization's namespace is set after its generators run: only the entry's own
      // namespace narrows what it merges into or replaces.
      const own = typeof raw.namespace === "string" ? raw.namespace : undefined;
      const namespace = own ?? context.namespace;
      const { data, origins, literals } = entries(raw, kind, path, context);
      const written = [...literals].map(([key, at]) => ({ key, yaml: context.yaml, at }));
      const layers = kind === "ConfigMap" ? valueLayers(data, origins, context.yaml) : [];
      const behavior = typeof raw.behavior === "string" ? raw.behavior : "create";
      const index = result.findIndex(
        (o) => o.kind === kind && o.name === name && (own === undefined || o.namespace === own),
      );
      if (behavior === "create" || index === -1) {
        if (behavior !== "create")
          context.unmatched(`no ${kind} '${name}' in the bases to ${behavior}; it is created`, path);
        const made = object(kind, name, namespace, data, context.yaml, path);
        result = [
          ...result,
          { ...made, patches: layers, ...(written.length > 0 ? { literals: written } : {}) },
        ];
        return;
      }
      const existing = result[index]!;
      const merged = behavior === "merge" ? { ...asObject(existing.value.data), ...data } : data;
      const patches = [...(existing.patches ?? []), ...layers];
      // Replaced, the base's literals are gone with its data; merged, those of a key set again are.
      const kept = behavior === "merge" ? (existing.literals ?? []).filter((l) => !(l.key in data)) : [];
      const all = [...kept, ...written];
      result = result.map((o, j) =>
        j === index ? { ...o, value: { ...o.value, data: merged }, patches, literals: all } : o,
      );
    });
  }
  return result;
}
