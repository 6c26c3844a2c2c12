/**
 * Compose files → model input: each compose service becomes a service and an instance on one host,
 * and every model path remembers the place in the compose file it came from, so findings point
 * into the user's own file. Each service is read by service.ts; what concerns the whole file
 * (names nothing defines, cycles, clashing port ranges, obsolete keys) is found here.
 */
import { basename } from "node:path";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { type KeyPath, locate, reach, type YamlFile } from "../../load/yaml-file.js";
import { type HeldSecret, secretWithin } from "../../model/container-risks.js";
import { shownToServe } from "../../model/kinds.js";
import type { ModelInputType, ServiceInputType } from "../../model/schema.js";
import { asText, asWritten, isObject, type Json } from "../json.js";
import { PathMap } from "../path-map.js";
import { builtHealthChecks } from "./built-health.js";
import { inconsistencies } from "./consistency.js";
import { duplicateVariables } from "./duplicate-variables.js";
import { keepsImageHealthCheck } from "./health.js";
import { implicitCycles } from "./implicit-dependencies.js";
import { keyProblems, specProblems } from "./key-problems.js";
import { pathInFile } from "./locate-merged.js";
import { mergeCompose, type Tag } from "./merge.js";
import { type HostPort, rangeClashes, rangeClashText } from "./port-range-clashes.js";
import { type Port, spreadsRanges } from "./ports.js";
import type { Reading } from "./reading.js";
import { takenFrom, undeclaredMessage, undefinedReferences } from "./references.js";
import { refusedPaths, withoutRefused } from "./refused-values.js";
import { readService, type ServicesReading } from "./service.js";
import type { Message, WrittenAt } from "./written-numbers.js";

export interface ComposeSource {
  yaml: YamlFile;
  value: Json;
  /** Its `!reset` and `!override` tags, by key path. */
  tags?: Map<string, Tag>;
  /** Variables that look secret, left as written where they are used. */
  secrets?: ReadonlySet<string>;
  /** The folder its relative paths are read from (see readComposeFile). */
  folder?: string;
  /** By service, the services it extends (see applyExtends): where what it takes from them is written. */
  extended?: Map<string, ExtendedService[]>;
  /** The services that extend another, as the file writes them: its value holds what they make. */
  written?: Map<string, Json>;
}

/** A service another extends, as the file that writes it writes it. */
export interface ExtendedService {
  yaml: YamlFile;
  service: Json;
  id: string;
}

export interface ImportedCompose {
  input: ModelInputType;
  /** Model path → where it came from. */
  locate: (path: KeyPath, prefer?: "key" | "value") => SourceRange;
  diagnostics: Diagnostic[];
  /** What a lint rule reports, at its configured severity (see Model.importFindings). */
  findings: Diagnostic[];
  /** Services that keep their image's own health check (see Model.imageHealthChecks). */
  imageHealthChecks: Set<string>;
  /** Services whose `extends` could not be followed (see Model.unresolvedExtends). */
  unresolvedExtends?: ReadonlySet<string>;
  /** Services whose image or build the schema refuses (see Model.refusedImages). */
  refusedImages: ReadonlySet<string>;
}

export function composeToModel(name: string, sources: ComposeSource[], environment: string): ImportedCompose {
  const diagnostics: Diagnostic[] = [];
  const problems = sources.map((source) => specProblems(source.value));
  // One file without tags merges into a value of its own shape, whose walk is the file's.
  const single = sources.length === 1 && (sources[0]!.tags?.size ?? 0) === 0;
  const written = mergeCompose(sources);
  const refused = refusedPaths(single ? problems[0]! : specProblems(written));
  const merged = withoutRefused(written, refused);
  const definedIn = sourcesOfServices(sources);
  // The file a path came from: the last one that has it (later files override), else the last
  // one that has the longest part of it. A service as a whole is where it is first defined: a later
  // file that adds a label to it is not where a finding about all of it belongs.
  const locateCompose = (composePath: KeyPath, prefer: "key" | "value"): SourceRange => {
    let best: { depth: number; range: SourceRange } | undefined;
    // A path into a service reaches deeper in the files that define it than in any other.
    const service = composePath[0] === "services" ? definedIn.get(composePath[1]!) : undefined;
    for (const source of service ?? sources) {
      const found = reach(source.yaml, pathInSource(merged, source, composePath), prefer);
      const depth = best?.depth ?? 0;
      const overrides = !(service && found.depth === SERVICE_DEPTH);
      if (found.depth > depth || (found.depth === depth && depth > 0 && overrides)) best = found;
    }
    // What the service takes from one it extends is written there, in whatever file that is.
    const id = asText(composePath[1]);
    for (const base of service?.flatMap((s) => s.extended?.get(id) ?? []) ?? []) {
      const found = reachExtended(merged, id, base, composePath.slice(2), prefer);
      if (found.depth > (best?.depth ?? 0)) best = found;
    }
    return best?.range ?? { file: sources.at(-1)!.yaml.file, start: 0, end: 0 };
  };
  /** The text of one of the files read, those services extend included. */
  const textOf = (file: string): string | undefined =>
    sources
      .flatMap((source) => [source.yaml, ...[...(source.extended?.values() ?? [])].flat().map((e) => e.yaml)])
      .find((candidate) => candidate.file === file)?.text;
  // A number a message quotes, as the file that sets it writes it: looked up for a finding only.
  const writtenAt: WrittenAt = (composePath, value) => {
    if (typeof value !== "number") return asText(value);
    const { file, start, end } = locateCompose(composePath, "value");
    return asWritten(value, textOf(file)?.slice(start, end));
  };
  /** Where a finding points: the value, its key, or the secret it holds where that is written as it is. */
  const placeOf = (composePath: KeyPath, at: "key" | HeldSecret | undefined): SourceRange => {
    if (at === undefined || at === "key") return locateCompose(composePath, at ?? "value");
    const holder = locateCompose(composePath, "value");
    const text = textOf(holder.file);
    return (text !== undefined && secretWithin(text, holder, at)) || holder;
  };
  const messageText = (message: Message) => (typeof message === "string" ? message : message(writtenAt));
  /** What a lint rule reports (see Model.importFindings). */
  const findings: Diagnostic[] = [];
  const where = new PathMap<KeyPath>();
  const reportInto =
    (into: Diagnostic[]): Reading["report"] =>
    (code, message, hint, composePath, severity, at) =>
      into.push(
        diagnostic(code, severity ?? "error", messageText(message), placeOf(composePath, at), {
          hint,
        }),
      );
  const composeServices = isObject(merged.services) ? merged.services : {};
  const runPath = ["environments", environment, "nodes", "host", "nodes", "compose", "run"];
  const reading: ServicesReading = {
    // The map's own method: a function around it, called for every path of the model, cost more to
    // compile than it ever saved.
    note: where.set.bind(where),
    report: reportInto(diagnostics),
    find: reportInto(findings),
    composeServices,
    runPath,
    secretVariables: new Set(sources.flatMap((source) => [...(source.secrets ?? [])])),
    fromEnvironment: new Map(),
    spreadRanges: spreadsRanges(composeServices),
    // Before any service is read: a service waits on ones defined after it too.
    imageHealthChecks: imageHealthChecksOf(composeServices, definedIn),
  };
  const services: Record<string, ServiceInputType> = {};
  const run: Record<string, Json | null> = {};
  /** Every fixed host port each service publishes, for the clashes of ranges the model does not keep. */
  const hostPorts: HostPort[] = [];
  const { imageHealthChecks } = reading;
  for (const [id, written] of Object.entries(composeServices)) {
    // A service written with nothing (`web:`) is one Compose runs with nothing: no image, no build.
    const raw = written === null ? {} : written;
    if (!isObject(raw)) continue;
    const { service, instance, published } = readService(id, raw, reading);
    services[id] = service;
    run[id] = instance;
    const profiles = service.profiles ?? [];
    for (const port of published)
      if (port.host !== undefined && port.hostLast === undefined)
        hostPorts.push({ id, index: port.index, port: port as Port & { host: number }, profiles });
  }
  // What others wait on to exit is a job (a migration run from the api's image), and so is what
  // has no network (a tool that prints keys): nothing can be served from there. Unless it shows
  // itself a server: of a server's kind, or by what wait-for-server-exit also asks (shownToServe).
  const unnetworked = Object.keys(services).filter((id) => services[id]?.["network-mode"] === "none");
  for (const id of new Set([...awaitedToComplete(services), ...unnetworked])) {
    const service = services[id];
    const instance = run[id];
    if (
      service !== undefined &&
      APPLICATION_KINDS.has(service.kind ?? "other") &&
      shownToServe({
        restart: service.restart,
        // health: false is a check turned off: nothing to show it serves.
        health: Boolean(service.health),
        publishes: isObject(instance) && instance.publish !== undefined,
      }) === undefined
    )
      service.kind = "job";
  }
  const secrets = composeSecrets(merged.secrets);
  for (const [secret, variable] of reading.fromEnvironment)
    secrets[secret] ??= { source: "env", env: variable };
  const input = {
    system: { name },
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
    services,
    environments: {
      [environment]: {
        platform: "compose",
        nodes: {
          host: { kind: "host", nodes: { compose: { kind: "runtime", name: "Docker Compose", run } } },
        },
      },
    },
  } as unknown as ModelInputType;
  reading.note(["environments", environment], []);
  // What runs on the host is the file's list of services.
  reading.note(runPath, ["services"]);
  reading.note(["system"], []);

  const locator = (path: KeyPath, prefer: "key" | "value" = "key"): SourceRange => {
    const composePath = where.nearest(path);
    if (composePath) return locateCompose(composePath, prefer);
    return { file: sources.at(-1)!.yaml.file, start: 0, end: 0 };
  };
  for (const { code, message, hint, composePath, severity } of inconsistencies(merged))
    reading.report(code, message, hint, composePath, severity);
  const projectFiles = new Set(sources.map((source) => source.yaml.file));
  for (const { code, message, hint, composePath, severity, at: written, undeclared } of undefinedReferences(
    merged,
  )) {
    const at = locateCompose(composePath, written ?? "value");
    // A name written in a file the service extends, which lends the service and none of what that
    // file declares, is for the extending file to declare.
    const extending = projectFiles.has(at.file) ? undefined : definedIn.get(composePath[1]!)?.[0]?.yaml.file;
    const text =
      extending === undefined
        ? messageText(message)
        : undeclared
          ? undeclaredMessage(undeclared, { declarer: basename(extending), from: basename(at.file) })
          : `${messageText(message)}: ${takenFrom(basename(at.file))}`;
    diagnostics.push(diagnostic(code, severity ?? "error", text, at, { hint }));
  }
  // A finding of the dependency-cycle rule, as the cycles through depends_on are.
  for (const { code, message, hint, composePath, at } of implicitCycles(composeServices))
    reading.find(code, message, hint, composePath, undefined, at);
  for (const clash of rangeClashes(hostPorts))
    reading.find("host-port-conflict", rangeClashText(clash), "publish one of them on other host ports", [
      "services",
      clash.later[0]!.id,
      "ports",
      clash.later[0]!.index,
    ]);
  for (const [index, source] of sources.entries()) {
    append(diagnostics, keyProblems(source, problems[index]));
    append(findings, duplicateVariables(source));
    if ("version" in source.value) {
      findings.push(
        diagnostic(
          "compose-obsolete-version",
          "warning",
          "the top-level 'version' key is obsolete and ignored",
          locate(source.yaml, ["version"], "key"),
          {
            hint: "remove it; Compose uses the latest specification",
          },
        ),
      );
    }
  }
  return {
    input,
    locate: locator,
    diagnostics,
    findings,
    imageHealthChecks,
    refusedImages: refusedImages(refused),
  };
}

/** The services whose image or build itself is refused, each named by the path to it. */
function refusedImages(refused: readonly KeyPath[]): Set<string> {
  return new Set(
    refused
      .filter(
        (path) => path.length === 3 && path[0] === "services" && (path[2] === "image" || path[2] === "build"),
      )
      .map((path) => String(path[1])),
  );
}

/** How deep `services.<id>` lies: a path that reaches no further is about the service as a whole. */
const SERVICE_DEPTH = 2;

/** How far a path into service `id` of the merged files reaches into a service it extends, and where. */
function reachExtended(
  merged: Json,
  id: string,
  base: ExtendedService,
  rest: KeyPath,
  prefer: "key" | "value",
): { depth: number; range: SourceRange } {
  const services = isObject(merged.services) ? merged.services : {};
  const path = pathInFile(services[id], base.service, rest);
  return reach(base.yaml, ["services", base.id, ...path], prefer);
}

/**
 * A path into the merged files as a path into one of them. A service there that extends another
 * is found as the file writes it: a list entry it takes is not the one in its place in its own list.
 */
function pathInSource(merged: Json, source: ComposeSource, path: KeyPath): KeyPath {
  const [section, id] = path;
  const own = section === "services" && typeof id === "string" ? source.written?.get(id) : undefined;
  if (own === undefined || typeof id !== "string") return pathInFile(merged, source.value, path);
  const services = isObject(merged.services) ? merged.services : {};
  return ["services", id, ...pathInFile(services[id], own, path.slice(2))];
}

/** The services that run their image's own health check (see Model.imageHealthChecks). */
function imageHealthChecksOf(
  composeServices: Json,
  definedIn: ReadonlyMap<string | number, ComposeSource[]>,
): Set<string> {
  const found = new Set<string>();
  const buildsHealthCheck = builtHealthChecks();
  for (const [id, raw] of Object.entries(composeServices)) {
    if (!isObject(raw)) continue;
    // Where it sets no check, Compose runs its image's: one built here has its Dockerfile's.
    const folder = definedIn.get(id)?.at(-1)?.folder;
    if (
      keepsImageHealthCheck(raw) ||
      (raw.healthcheck === undefined && folder !== undefined && buildsHealthCheck(raw.build, folder))
    )
      found.add(id);
  }
  return found;
}

/**
 * The files that define each service, in their order: a project of thousands of included files
 * looked for each finding's place in every one of them.
 */
function sourcesOfServices(sources: readonly ComposeSource[]): Map<string | number, ComposeSource[]> {
  const definedIn = new Map<string | number, ComposeSource[]>();
  for (const source of sources) {
    const services = source.value.services;
    if (!isObject(services)) continue;
    for (const id of Object.keys(services)) {
      const files = definedIn.get(id);
      if (files) files.push(source);
      else definedIn.set(id, [source]);
    }
  }
  return definedIn;
}

/** Top-level secrets: where each comes from (a file or a variable), never its value. */
function composeSecrets(value: unknown): Record<string, { source: string; file?: string; env?: string }> {
  if (!isObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([id, spec]) => {
      const definition = isObject(spec) ? spec : {};
      if (definition.file) return [id, { source: "file", file: asText(definition.file) }];
      if (definition.environment) return [id, { source: "env", env: asText(definition.environment) }];
      return [id, { source: definition.external ? "external" : "compose" }];
    }),
  );
}

/** Kinds guessed from what an application is called, which a one-off run of its image shares. */
const APPLICATION_KINDS: ReadonlySet<string> = new Set(["other", "web", "api", "worker", "scheduler"]);

/** The services another waits on to exit successfully (service_completed_successfully), as depends-on.ts read it. */
function awaitedToComplete(services: Record<string, ServiceInputType>): Set<string> {
  const awaited = new Set<string>();
  for (const { uses } of Object.values(services)) {
    if (uses === undefined || Array.isArray(uses)) continue;
    for (const [target, use] of Object.entries(uses))
      if (typeof use === "object" && use !== null && use.wait === "completed") awaited.add(target);
  }
  return awaited;
}
