/**
 * `extends`: a service starts from another one, in the same file or another (its relative paths
 * rewritten for this file's folder), and its own keys override by the merge rules. The file named
 * and the paths taken are read from the folder the extending file reads its own paths from: the
 * project's for a file given with -f or included (wherever it lies), a file's own for one extended.
 * Chains are followed; a circle, a missing file or a missing service is reported where the
 * `extends` is written, and the service is imported without it. So is one past the budget of what extending may
 * copy (limits.maxExpandedValues, as for aliases): each service of a chain copies all before it, and
 * a long chain grows with its square, as an alias bomb grows.
 */
import { dirname, resolve } from "node:path";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { limits } from "../../load/limits.js";
import { hasPath, type KeyPath, locate } from "../../load/yaml-file.js";
import { asText, isObject, type Json } from "../json.js";
import { missingServicePaths } from "./local-paths.js";
import { mergeCompose, mergeService } from "./merge.js";
import type { ReadCompose } from "./read-file.js";
import { rebaseService } from "./rebase.js";
import type { ComposeSource, ExtendedService } from "./to-model.js";

/** How much a service holds: its keys, and the entries of its lists and mappings. */
function weight(service: Json): number {
  let total = 0;
  for (const value of Object.values(service))
    total += 1 + (Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : 0);
  return total;
}

/** What a service that extends another does not inherit: anything that ties it to other services. */
const notInherited = ["depends_on", "links", "volumes_from", "extends"];

export interface ExtendsContext {
  read: (file: string) => Promise<ReadCompose>;
  diagnostics: Diagnostic[];
  /** Gets the missing-path rule's findings in the services taken from other files (see missingServicePaths). */
  findings: Diagnostic[];
  /** What of other files was already looked at for those findings (see TakenChecks). */
  checked: TakenChecks;
  /** Gets the services of the file that lack what they extend, along their chain, for it could not be followed. */
  unresolved: Set<string>;
}

/**
 * Two kinds of thing, kept apart: the services of other files looked at, each with its build or
 * without, and the places of the findings made there, each reported once. Each is keyed by the
 * JSON of its parts, which no file's or service's name can make spell another's.
 */
export interface TakenChecks {
  services: Set<string>;
  places: Set<string>;
}

/**
 * The key of a thing by its parts (a service by its file and name), the JSON of them: no other
 * parts spell it, though `#` may be in a file's or a service's name.
 */
const keyOf = (...parts: (string | number | boolean | undefined)[]): string => JSON.stringify(parts);

export async function applyExtends(
  file: string,
  folder: string,
  source: ComposeSource,
  context: ExtendsContext,
): Promise<void> {
  const services = isObject(source.value.services) ? source.value.services : undefined;
  if (!services) return;
  const files = new Map<string, ComposeSource>([[file, source]]);
  /** Each file's documents, where it has several: what each writes is located in it. */
  const documents = new Map<string, ComposeSource[]>();
  /** Of a file's documents, the last that has a key path (whose value the merge kept), else the file. */
  const writing = (path: string, keys: KeyPath): ComposeSource | undefined => {
    const all = documents.get(path) ?? [];
    for (let at = all.length - 1; at >= 0; at--) if (hasPath(all[at]!.yaml, keys)) return all[at];
    return files.get(path);
  };
  const resolved = new Map<string, Json>();
  /** The services being expanded, each waiting on the one it extends: a circle comes back to one. */
  const expanding = new Set<string>();
  let copied = 0;
  const folderOf = (path: string) => (path === file ? folder : dirname(path));

  /** The services, by file and name, that lack what they extend. */
  const incomplete = new Set<string>();
  /** The service each one, by file and name, was merged over. */
  const bases = new Map<string, string>();
  /**
   * `part` is what of an `extends` mapping is wrong, the file or the service: the finding points at
   * that name, not at the whole mapping (a service name alone is the whole of `extends`).
   */
  const report = (at: { file: string; id: string }, message: string, part: "file" | "service") => {
    incomplete.add(keyOf(at.file, at.id));
    const source = files.get(at.file);
    // As written: a service of this file that extends is replaced by what it makes once expanded.
    const all = source?.value.services;
    const spec = source?.written?.get(at.id) ?? (isObject(all) ? all[at.id] : undefined);
    const written = isObject(spec) && isObject(spec.extends) && spec.extends[part] !== undefined;
    const keys = ["services", at.id, "extends", ...(written ? [part] : [])];
    // Of a file of several documents, the one that writes it.
    const yaml = writing(at.file, keys)?.yaml;
    context.diagnostics.push(
      diagnostic(
        "compose-extends-invalid",
        "error",
        message,
        yaml ? locate(yaml, keys, "value") : { file: at.file, start: 0, end: 0 },
        { hint: "the service is imported without what it extends" },
      ),
    );
  };

  const serviceIn = async (path: string): Promise<Json | undefined> => {
    let found = files.get(path);
    if (!found) {
      const read = await context.read(path);
      const [first, ...later] = read.sources ?? [];
      if (!first) return undefined;
      // A file of several documents is what they make merged, as a project of several files is. Of
      // their tags, Compose applies only the last document's to the services there that extend
      // (compose-go's loader keeps the tags of the document it read last).
      const last = later.at(-1);
      found = last ? { ...first, value: mergeCompose([first, ...later]), tags: last.tags } : first;
      if (last) documents.set(path, [first, ...later]);
      files.set(path, found);
    }
    return isObject(found.value.services) ? found.value.services : {};
  };

  // The file read for a service taken from it looks for none of its paths (the others are none of
  // this project's): the service's own are looked for here, from its file's folder, where it writes
  // them. Not its build where the service taking it writes its own, which Compose builds instead.
  const checkTaken = (path: string, id: string, own: Json) => {
    const source = files.get(path);
    const written = isObject(source?.value.services) ? source.value.services[id] : undefined;
    const key = keyOf(path, id, own.build === undefined);
    if (!source || !isObject(written) || context.checked.services.has(key)) return;
    context.checked.services.add(key);
    const { build: _, ...withoutBuild } = written;
    const taken = own.build === undefined ? written : withoutBuild;
    // The same service taken with and without its build: its other paths are reported once.
    const at = (keys: KeyPath) => locate((writing(path, keys) ?? source).yaml, keys, "value");
    for (const found of missingServicePaths(id, taken, folderOf(path), at)) {
      const place = keyOf(found.file, found.start);
      if (context.checked.places.has(place)) continue;
      context.checked.places.add(place);
      context.findings.push(found);
    }
  };

  const expand = async (path: string, id: string): Promise<Json | undefined> => {
    const key = keyOf(path, id);
    const done = resolved.get(key);
    if (done) return done;
    const all = await serviceIn(path);
    const service = all?.[id];
    if (!isObject(service)) return undefined;
    const spec = service.extends;
    if (spec === undefined) return service;
    const { extends: _, ...own } = service;
    const baseId = typeof spec === "string" ? spec : isObject(spec) ? asText(spec.service ?? "") : "";
    const baseFile =
      isObject(spec) && typeof spec.file === "string" ? resolve(folderOf(path), spec.file) : path;
    const baseKey = keyOf(baseFile, baseId);
    let result: Json = own;
    if (expanding.has(baseKey) || baseKey === key) {
      report({ file: path, id }, `'${id}' extends '${baseId}', which extends it in turn`, "service");
    } else if (!(await serviceIn(baseFile))) {
      report(
        { file: path, id },
        `'${id}' extends a service in ${asText((spec as Json).file)}, which cannot be read`,
        "file",
      );
    } else {
      expanding.add(key);
      const base = await expand(baseFile, baseId);
      expanding.delete(key);
      if (!base)
        report(
          { file: path, id },
          `'${id}' extends '${baseId}', which ${baseFile === path ? "this file" : asText((spec as Json).file)} does not define`,
          "service",
        );
      else if (copied + weight(base) > limits.maxExpandedValues)
        report(
          { file: path, id },
          `'${id}' extends '${baseId}', and the services extending one another here copy more than the ${limits.maxExpandedValues.toLocaleString("en")} values deployview reads`,
          "service",
        );
      else {
        if (baseFile !== file) checkTaken(baseFile, baseId, own);
        if (incomplete.has(baseKey)) incomplete.add(key);
        copied += weight(base);
        const inherited = rebaseService(
          Object.fromEntries(Object.entries(base).filter(([k]) => !notInherited.includes(k))),
          folderOf(baseFile),
          folderOf(path),
        );
        // Its own `!override` and `!reset` apply to what it takes, as a later file's do.
        result = mergeService(inherited, own, files.get(path)?.tags, ["services", id]);
        bases.set(key, baseKey);
      }
    }
    resolved.set(key, result);
    return result;
  };

  // A service as its file writes it: those of this file that extend are replaced, as their turn comes,
  // by what they make. In a file of several documents, as each that writes it does, the later first:
  // where two set a key, the later one's value is what the merge kept.
  const writtenIn = (path: string, id: string): ExtendedService[] => {
    const own = path === file ? (source.written?.get(id) ?? services[id]) : undefined;
    if (path === file) return isObject(own) ? [{ yaml: source.yaml, service: own, id }] : [];
    const all = documents.get(path) ?? [files.get(path)];
    return [...all].reverse().flatMap((document) => {
      const written = isObject(document?.value.services) ? document.value.services[id] : undefined;
      return document && isObject(written) ? [{ yaml: document.yaml, service: written, id }] : [];
    });
  };
  for (const id of Object.keys(services)) {
    const service = services[id];
    if (!isObject(service) || service.extends === undefined) continue;
    services[id] = (await expand(file, id)) ?? service;
    source.written ??= new Map();
    source.written.set(id, service);
    if (incomplete.has(keyOf(file, id))) context.unresolved.add(id);
    const chain = chainOf(keyOf(file, id), bases, writtenIn);
    if (chain.length === 0) continue;
    source.extended ??= new Map();
    source.extended.set(id, chain);
  }
}

/** The services `key` starts from, the one it extends first, each in the file that writes it, as written. */
function chainOf(
  key: string,
  bases: ReadonlyMap<string, string>,
  writtenIn: (file: string, id: string) => ExtendedService[],
): ExtendedService[] {
  const chain: ExtendedService[] = [];
  for (let base = bases.get(key); base !== undefined; base = bases.get(base)) {
    // A service's key, as keyOf wrote it.
    const [file, id] = JSON.parse(base) as [string, string];
    chain.push(...writtenIn(file, id));
  }
  return chain;
}
