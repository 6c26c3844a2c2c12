/**
 * Compose files → model input: each compose service becomes a service and an instance on one host,
 * and every model path remembers the place in the compose file it came from, so findings point
 * into the user's own file.
 */
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { type KeyPath, locate, reach, type YamlFile } from "../../load/yaml-file.js";
import { CONTAINER_NAME, CONTAINER_NAME_HINT } from "../../model/container-name.js";
import { KIND_LABEL } from "../../model/labels.js";
import { isContainerPath } from "../../model/mounts.js";
import { startTogether } from "../../model/profiles.js";
import { bindsOverlap } from "../../model/published.js";
import type { ModelInputType, ServiceInputType } from "../../model/schema.js";
import { keptSecret, secretNamedAfter } from "../../model/secret-like.js";
import { wholeReference } from "../../model/variable-reference.js";
import { asText, isObject, type Json } from "../json.js";
import { PathMap } from "../path-map.js";
import { inconsistencies } from "./consistency.js";
import { duplicateVariables } from "./duplicate-variables.js";
import { implicitCycles } from "./implicit-dependencies.js";
import { keyProblems } from "./key-problems.js";
import { guessKind, serviceKinds } from "./kinds.js";
import { pathInFile } from "./locate-merged.js";
import { mergeCompose, type Tag } from "./merge.js";
import { undefinedReferences } from "./references.js";
import { parseShortVolume } from "./short-volume.js";
import { sizeQuantity } from "./sizes.js";
import { exposedPort } from "./value-formats.js";

export interface ComposeSource {
  yaml: YamlFile;
  value: Json;
  /** Its `!reset` and `!override` tags, by key path. */
  tags?: Map<string, Tag>;
  /** Variables that look secret, left as written where they are used. */
  secrets?: ReadonlySet<string>;
}

export interface ImportedCompose {
  input: ModelInputType;
  /** Model path → where it came from. */
  locate: (path: KeyPath, prefer?: "key" | "value") => SourceRange;
  diagnostics: Diagnostic[];
  /** What a lint rule reports, at its configured severity (see Model.importFindings). */
  findings: Diagnostic[];
}

/** Labels as a map, from either of the forms Compose allows. */
function labelsOf(value: unknown): Record<string, string> {
  if (Array.isArray(value))
    return Object.fromEntries(
      value.map((entry) => {
        const [key, ...rest] = asText(entry).split("=");
        return [key!, rest.join("=")];
      }),
    );
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)])) : {};
}

/** A scalar as text; a list or mapping where text belongs is reported as the wrong type, and read as nothing. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null || typeof value === "object") return undefined;
  return typeof value === "string" ? value : asText(value);
}

interface Port {
  name: string;
  container: number;
  host?: number;
  /**
   * The last host port of a range mapped onto a range of the container's ("8000-8010:8000-8010"),
   * which takes every port of it. The model keeps the first; conflicts over the rest are found here.
   */
  hostEnd?: number;
  /** A host range onto one container port ("9000-9001:80"): Compose takes any free port of it. */
  anyHostPort?: true;
  bind?: string;
  protocol: string;
  index: number;
}

/**
 * Short ("127.0.0.1:8080:80/udp", "80") and long ({ target, published, host_ip }) port syntax. A
 * container port open for TCP and UDP both (DNS's 53) is two ports, the second named for its
 * protocol; one published on a second host port ("80:80", "8080:80") is another, named for that
 * host port, so both are documented and a clash on either is found. An entry written twice is one.
 */
function parsePorts(value: unknown, invalid: InvalidPort[] = []): Port[] {
  const firstProtocol = new Map<string, string>();
  const names = new Set<string>();
  const publishes = new Set<string>();
  return portEntries(value, invalid).flatMap((port) => {
    const publish = `${port.name}/${port.protocol}/${port.bind ?? ""}/${port.host ?? ""}`;
    if (publishes.has(publish)) return [];
    publishes.add(publish);
    const first = firstProtocol.get(port.name) ?? port.protocol;
    firstProtocol.set(port.name, first);
    let name = first === port.protocol ? port.name : `${port.name}-${port.protocol}`;
    if (names.has(name)) name = `${name}-${port.host ?? port.index}`;
    if (names.has(name)) name = `${name}-${port.index}`;
    names.add(name);
    return [name === port.name ? port : { ...port, name }];
  });
}

/**
 * The ports `expose` declares that no entry of `ports` already does: the service listens on them,
 * for other containers only. A range counts as its first port, as in `ports`; an entry Compose
 * cannot read is reported with the value formats and left out.
 */
function exposedPorts(value: unknown, published: readonly Port[]): Port[] {
  if (!Array.isArray(value)) return [];
  const taken = new Set(published.map((p) => `${p.container}/${p.protocol}`));
  const names = new Set(published.map((p) => p.name));
  return value.flatMap((entry, index): Port[] => {
    const read = typeof entry === "object" ? undefined : exposedPort(entry);
    if (!read || !isPort(read.port) || taken.has(`${read.port}/${read.protocol}`)) return [];
    const { port: container, protocol } = read;
    taken.add(`${container}/${protocol}`);
    let name = `p${container}`;
    if (names.has(name)) name = `${name}-${protocol}`;
    names.add(name);
    return [{ name, container, index, protocol }];
  });
}

/** A port entry as written, for a message. */
function portText(value: unknown, index: number): string {
  const item = Array.isArray(value) ? value[index] : undefined;
  return isObject(item)
    ? `target ${asText(item.target)}, published ${asText(item.published ?? "")}`
    : asText(item);
}

/** The last port of a host range that a container range maps onto one to one; none for one port. */
function rangeEnd(host: string | undefined, container: string): number | undefined {
  const hostRange = /^(\d+)-(\d+)$/.exec(host ?? "");
  if (!hostRange || !/^\d+-\d+$/.test(container)) return undefined;
  const end = Number(hostRange[2]);
  return isPort(end) && end > Number(hostRange[1]) ? end : undefined;
}

const isPort = (port: number) => Number.isInteger(port) && port > 0 && port <= 65535;

/** An entry Docker refuses, and why where it is more than a port no system has. */
interface InvalidPort {
  index: number;
  why?: string;
}

/** Why Docker refuses a port's ranges: one that ends before it starts, or two of different lengths. */
function rangeProblem(host: string | undefined, container: string): string | undefined {
  const span = (range: string) => {
    const [start, end = start] = range.split("-").map(Number);
    return end! - start!;
  };
  if ([host ?? "", container].some((range) => span(range) < 0)) return "a range that ends before it starts";
  // A host range for one container port is a pool to pick from; a container range needs one as long.
  if (host && span(container) > 0 && span(host) !== span(container))
    return "the host and container ranges differ in length";
  return undefined;
}

/** `invalid`: where an entry names a port no system has (0, beyond 65535, not a number); it is left out. */
function portEntries(value: unknown, invalid: InvalidPort[]): Port[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): Port[] => {
    if (isObject(item)) {
      const target = asText(item.target ?? "");
      const published = item.published === undefined ? undefined : asText(item.published);
      const container = Number(target.split("-")[0]);
      const host = published === undefined ? undefined : Number(published.split("-")[0]);
      const hostEnd = rangeEnd(published, target);
      if (!isPort(container) || (host !== undefined && host !== 0 && !isPort(host))) {
        invalid.push({ index });
        return [];
      }
      const why = rangeProblem(published, target);
      if (why) {
        invalid.push({ index, why });
        return [];
      }
      return [
        {
          name: `p${container}`,
          container,
          index,
          protocol: text(item.protocol) ?? "tcp",
          ...(host ? { host } : {}),
          ...(host && hostEnd ? { hostEnd } : {}),
          ...(published?.includes("-") && !hostEnd ? { anyHostPort: true as const } : {}),
          ...(item.host_ip ? { bind: asText(item.host_ip) } : {}),
        },
      ];
    }
    const [spec, protocol = "tcp"] = asText(item).split("/");
    // The parts are [ip:][host:]container; an IPv6 address may come bracketed or not (::1:5432:5432).
    const ipv6 = /^\[([^\]]+)\]:(.*)$/.exec(spec ?? "");
    const parts = (ipv6 ? ipv6[2]! : (spec ?? "")).split(":");
    const bind = ipv6 ? ipv6[1] : parts.length >= 3 ? parts.slice(0, -2).join(":") : undefined;
    const host = parts.length >= 2 ? parts[parts.length - 2] : undefined;
    const container = Number((parts.at(-1) ?? "").split("-")[0]);
    const hostPort = host ? Number(host.split("-")[0]) : undefined;
    const hostEnd = rangeEnd(host, parts.at(-1) ?? "");
    if (!isPort(container) || (hostPort !== undefined && hostPort !== 0 && !isPort(hostPort))) {
      invalid.push({ index });
      return [];
    }
    const why = rangeProblem(host, parts.at(-1) ?? "");
    if (why) {
      invalid.push({ index, why });
      return [];
    }
    return [
      {
        name: `p${container}`,
        container,
        index,
        protocol,
        ...(hostPort && Number.isInteger(hostPort) ? { host: hostPort } : {}),
        ...(hostPort && hostEnd ? { hostEnd } : {}),
        ...(host?.includes("-") && !hostEnd ? { anyHostPort: true as const } : {}),
        ...(bind ? { bind } : {}),
      },
    ];
  });
}

function memoryOf(resources: unknown): ServiceInputType["memory"] | undefined {
  if (!isObject(resources)) return undefined;
  const limits = isObject(resources.limits) ? resources.limits : {};
  const reservations = isObject(resources.reservations) ? resources.reservations : {};
  const limit = text(limits.memory);
  const request = text(reservations.memory);
  if (limit && request) return { request: sizeQuantity(request), limit: sizeQuantity(limit) };
  return limit ? sizeQuantity(limit) : request ? sizeQuantity(request) : undefined;
}

function cpuOf(resources: unknown): ServiceInputType["cpu"] | undefined {
  if (!isObject(resources)) return undefined;
  const limit = isObject(resources.limits) ? text(resources.limits.cpus) : undefined;
  const request = isObject(resources.reservations) ? text(resources.reservations.cpus) : undefined;
  if (limit && request) return { request, limit };
  return limit ?? request;
}

/**
 * deploy.resources, with what the service-level keys Compose also takes (mem_limit,
 * mem_reservation, cpus) add where deploy.resources does not say.
 */
function resourcesOf(raw: Json, resources: unknown): Json {
  const deploy = isObject(resources) ? resources : {};
  const given = (value: unknown, key: string) => (value === undefined ? {} : { [key]: value });
  return {
    limits: {
      ...given(raw.mem_limit, "memory"),
      ...given(raw.cpus, "cpus"),
      ...(isObject(deploy.limits) ? deploy.limits : {}),
    },
    reservations: {
      ...given(raw.mem_reservation, "memory"),
      ...(isObject(deploy.reservations) ? deploy.reservations : {}),
    },
  };
}

type Restart = { restart: NonNullable<ServiceInputType["restart"]>; maxRestarts?: number };

/** restart as the model has it: on-failure:3 is on-failure, at most three restarts. */
function restartOf(value: unknown): Restart | undefined {
  if (typeof value !== "string") return undefined;
  const [, restart, count] = /^(no|always|on-failure|unless-stopped)(?::(\d+))?$/.exec(value) ?? [];
  if (!restart || (count !== undefined && restart !== "on-failure")) return undefined;
  const policy = { restart: restart as Restart["restart"] };
  return count === undefined ? policy : { ...policy, maxRestarts: Number(count) };
}

/** deploy.restart_policy as a restart policy: none, on-failure (at most max_attempts) or any. */
function deployRestartPolicy(value: unknown): Restart | undefined {
  if (!isObject(value)) return undefined;
  const restart = { none: "no", "on-failure": "on-failure", any: "always" }[asText(value.condition ?? "any")];
  if (restart !== "no" && restart !== "on-failure" && restart !== "always") return undefined;
  const attempts = value.max_attempts;
  return restart === "on-failure" &&
    typeof attempts === "number" &&
    Number.isSafeInteger(attempts) &&
    attempts >= 0
    ? { restart, maxRestarts: attempts }
    : { restart };
}

type Wait = "started" | "healthy" | "completed";

/**
 * pull_policy as the model has it; if_not_present is Compose's older name for missing. The
 * refreshing ones (daily, weekly, every_12h) have no place in the model and are left out.
 */
function pullPolicy(value: unknown): ServiceInputType["pull"] {
  const policy = value === "if_not_present" ? "missing" : value;
  return policy === "always" || policy === "missing" || policy === "never" || policy === "build"
    ? policy
    : undefined;
}

/** Build arguments in either form; one with no value (`- NAME`, `NAME:`) takes it from the environment, so has none here. */
function buildArgs(value: unknown): Record<string, string> {
  const pairs = Array.isArray(value)
    ? value.map((item) => {
        const text = asText(item);
        const at = text.indexOf("=");
        return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
      })
    : Object.entries(isObject(value) ? value : {});
  return Object.fromEntries(
    pairs
      .filter(
        (pair): pair is [string, string | number | boolean] => pair[1] !== undefined && pair[1] !== null,
      )
      .map(([name, arg]) => [name, asText(arg)]),
  );
}

/** Whether a compose service has a health check that runs: one with a test, neither disabled nor NONE. */
function hasHealthCheck(service: unknown): boolean {
  if (!isObject(service) || !isObject(service.healthcheck)) return false;
  const { disable, test } = service.healthcheck;
  return disable !== true && test !== undefined && !(Array.isArray(test) && test[0] === "NONE");
}

/** What depends_on makes a service wait for; the list form waits for the start only. */
function waitOf(dependsOn: unknown, target: string): Wait {
  const condition =
    isObject(dependsOn) && isObject(dependsOn[target]) ? dependsOn[target].condition : undefined;
  if (condition === "service_healthy") return "healthy";
  if (condition === "service_completed_successfully") return "completed";
  return "started";
}

/** Model fields of a service and the compose keys they come from. */
const FIELD_KEYS = [
  ["image", "image"],
  ["command", "command"],
  ["ports", "ports"],
  ["env", "environment"],
  ["volumes", "volumes"],
  ["uses", "depends_on"],
] as const;

/** How many replicas a service asks for, and the key that says it: deploy.replicas, else scale. */
function replicasOf(raw: Json): { count: number; key: string[] } | undefined {
  const deployed = isObject(raw.deploy) ? raw.deploy.replicas : undefined;
  if (typeof deployed === "number") return { count: deployed, key: ["deploy", "replicas"] };
  return typeof raw.scale === "number" ? { count: raw.scale, key: ["scale"] } : undefined;
}

export function composeToModel(name: string, sources: ComposeSource[], environment: string): ImportedCompose {
  const diagnostics: Diagnostic[] = [];
  const merged = mergeCompose(sources);
  // The file a path came from: the last one that has it (later files override), else the last
  // one that has the longest part of it.
  const locateCompose = (composePath: KeyPath, prefer: "key" | "value"): SourceRange => {
    let best: { depth: number; range: SourceRange } | undefined;
    for (const { yaml, value } of sources) {
      const found = reach(yaml, pathInFile(merged, value, composePath), prefer);
      if (found.depth > 0 && found.depth >= (best?.depth ?? 0)) best = found;
    }
    return best?.range ?? { file: sources.at(-1)!.yaml.file, start: 0, end: 0 };
  };
  /** What a lint rule reports (see Model.importFindings). */
  const findings: Diagnostic[] = [];
  const where = new PathMap<KeyPath>();
  const note = (modelPath: KeyPath, composePath: KeyPath) => where.set(modelPath, composePath);
  const services: Record<string, ServiceInputType> = {};
  const run: Record<string, Json | null> = {};
  const composeServices = isObject(merged.services) ? merged.services : {};
  const envPath = ["environments", environment, "nodes", "host", "nodes", "compose", "run"];
  /** Every fixed host port each service publishes, for the clashes of ranges the model does not keep. */
  const hostPorts: HostPort[] = [];
  const secretVariables = new Set(sources.flatMap((source) => [...(source.secrets ?? [])]));
  /** Secrets whose values come from variables of the environment: name → variable. */
  const fromEnvironment = new Map<string, string>();
  for (const [id, raw] of Object.entries(composeServices)) {
    if (!isObject(raw)) continue;
    const image = text(raw.image);
    const invalidPorts: InvalidPort[] = [];
    const ports = parsePorts(raw.ports, invalidPorts);
    for (const p of ports)
      if (p.host !== undefined && !p.anyHostPort)
        hostPorts.push({
          id,
          index: p.index,
          port: p as Port & { host: number },
          profiles: Array.isArray(raw.profiles) ? raw.profiles.map(asText) : [],
        });
    // A port no system has is reported, and left out.
    for (const { index, why } of invalidPorts)
      diagnostics.push(
        diagnostic(
          "schema-invalid-value",
          "error",
          `the port '${portText(raw.ports, index)}' of '${id}' is not one Docker accepts${why ? `: ${why}` : ""}`,
          locateCompose(["services", id, "ports", index], "value"),
          {
            hint: why
              ? "write a range low to high, as long on the host as in the container (8000-8010:8000-8010), or one host range for one container port"
              : "ports are numbers from 1 to 65535: [host:]container, e.g. 8080:80",
          },
        ),
      );
    const labelled = labelsOf(raw.labels)[KIND_LABEL];
    const service: ServiceInputType = {
      kind: serviceKinds.has(labelled ?? "")
        ? (labelled as ServiceInputType["kind"])
        : guessKind(
            id,
            image,
            ports.map((p) => p.container),
          ),
    };
    note(["services", id], ["services", id]);
    // Whole fields too, so that a finding about one points at it even where its entries differ.
    for (const [field, key] of FIELD_KEYS) note(["services", id, field], ["services", id, key]);
    note([...envPath, id, "publish"], ["services", id, "ports"]);
    // scale is the older way to say deploy.replicas; Compose takes either (and refuses the two apart).
    const replicas = replicasOf(raw);
    note([...envPath, id, "replicas"], ["services", id, ...(replicas?.key ?? ["deploy", "replicas"])]);
    if (image) service.image = image;
    if (raw.build !== undefined) {
      const args = isObject(raw.build) ? buildArgs(raw.build.args) : {};
      service.build = isObject(raw.build)
        ? {
            context: text(raw.build.context) ?? ".",
            ...(raw.build.dockerfile ? { dockerfile: asText(raw.build.dockerfile) } : {}),
            ...(Object.keys(args).length > 0 ? { args } : {}),
          }
        : asText(raw.build);
      for (const name of Object.keys(args))
        note(["services", id, "build", "args", name], ["services", id, "build", "args", name]);
    }
    if (raw.command !== undefined)
      service.command = Array.isArray(raw.command) ? raw.command.map(asText) : asText(raw.command);
    const exposed = exposedPorts(raw.expose, ports);
    if (ports.length + exposed.length > 0) {
      service.ports = Object.fromEntries(
        [...ports, ...exposed].map((p) => [
          p.name,
          p.protocol === "udp" ? { port: p.container, protocol: "udp" } : p.container,
        ]),
      );
      for (const p of ports) note(["services", id, "ports", p.name], ["services", id, "ports", p.index]);
      for (const p of exposed) note(["services", id, "ports", p.name], ["services", id, "expose", p.index]);
    }
    const health = raw.healthcheck;
    if (isObject(health) && hasHealthCheck(raw)) {
      const test = Array.isArray(health.test) ? health.test.map(asText) : asText(health.test);
      const command = Array.isArray(test)
        ? test[0] === "CMD-SHELL"
          ? test.slice(1).join(" ")
          : test[0] === "CMD"
            ? test.slice(1)
            : test
        : test;
      service.health = {
        command,
        ...(health.interval ? { interval: asText(health.interval) } : {}),
        ...(health.timeout ? { timeout: asText(health.timeout) } : {}),
        ...(typeof health.retries === "number" ? { retries: health.retries } : {}),
      };
      note(["services", id, "health"], ["services", id, "healthcheck"]);
    }
    const environmentVars = Array.isArray(raw.environment)
      ? Object.fromEntries(
          raw.environment.map((entry) => {
            const [key, ...rest] = asText(entry).split("=");
            // `- KEY` without `=` has no value, as `KEY:` has none in the map form.
            return [key!, rest.length > 0 ? rest.join("=") : null];
          }),
        )
      : isObject(raw.environment)
        ? raw.environment
        : {};
    if (Object.keys(environmentVars).length > 0) {
      service.env = Object.fromEntries(
        Object.entries(environmentVars).map(([key, value]) => {
          const variable = secretVariableOf(key, value, secretVariables);
          if (variable === undefined) return [key, text(value) ?? ""];
          // The value is a secret the environment supplies: the model says which variable carries it.
          const secret = secretNamedAfter(variable);
          fromEnvironment.set(secret, variable);
          return [key, { secret }];
        }),
      );
      for (const key of Object.keys(environmentVars))
        note(["services", id, "env", key], ["services", id, "environment", key]);
    }
    const volumes = Array.isArray(raw.volumes) ? raw.volumes : [];
    if (volumes.length > 0) {
      service.volumes = {};
      volumes.forEach((volume, index) => {
        const spec = isObject(volume)
          ? {
              source: text(volume.source),
              target: text(volume.target),
              readOnly: volume.read_only === true,
              type: text(volume.type),
              problem: undefined,
            }
          : (() => {
              const short = parseShortVolume(asText(volume));
              return { ...short, type: short.bind ? "bind" : "volume" };
            })();
        // One Compose or Docker refuses (too many colons, a relative path) is reported where it is
        // written, and left out.
        if (!spec.target || !isContainerPath(spec.target) || spec.problem) return;
        // A named volume mounted at two paths is two mounts of one volume.
        const named = spec.source && spec.type !== "bind" ? spec.source : undefined;
        const key =
          named && !Object.hasOwn(service.volumes!, named) ? named : `${named ?? "mount"}-${index + 1}`;
        service.volumes![key] = {
          path: spec.target,
          type: spec.type === "bind" ? "bind" : spec.type === "tmpfs" ? "tmpfs" : "volume",
          ...(spec.source ? { source: spec.source } : {}),
          ...(spec.readOnly ? { "read-only": true } : {}),
        };
        note(["services", id, "volumes", key], ["services", id, "volumes", index]);
      });
    }
    const tmpfs = Array.isArray(raw.tmpfs) ? raw.tmpfs : typeof raw.tmpfs === "string" ? [raw.tmpfs] : [];
    tmpfs.forEach((entry, index) => {
      const path = asText(entry).split(":")[0]!;
      // One Docker refuses (a relative path) is reported where it is written, and left out.
      if (!isContainerPath(path)) return;
      service.volumes ??= {};
      const key = `tmpfs-${index + 1}`;
      service.volumes[key] = { path, type: "tmpfs" };
      note(["services", id, "volumes", key], ["services", id, "tmpfs", index]);
    });
    const declared = Array.isArray(raw.depends_on)
      ? raw.depends_on.map(asText)
      : isObject(raw.depends_on)
        ? Object.keys(raw.depends_on)
        : [];
    const dependsOn: string[] = [];
    /** What the service waits for, where that is not what the model would assume. */
    const waits = new Map<string, Wait>();
    const optional = new Set<string>();
    declared.forEach((target, index) => {
      const composePath = ["services", id, "depends_on", Array.isArray(raw.depends_on) ? index : target];
      // A dependency on nothing is the file's defect, reported here so the rest still imports.
      if (!Object.hasOwn(composeServices, target)) {
        diagnostics.push(
          diagnostic(
            "unknown-service",
            "error",
            `depends_on names '${target}', which no compose file here defines`,
            locateCompose(composePath, "value"),
            { hint: "define the service, or pass the file that defines it with another -f" },
          ),
        );
        return;
      }
      if (target === id) {
        // Compose refuses it; the model leaves it out.
        findings.push(
          diagnostic(
            "dependency-cycle",
            "error",
            `'${id}' depends on itself, which Compose refuses`,
            locateCompose(composePath, "value"),
            { hint: `remove '${id}' from its own depends_on` },
          ),
        );
        return;
      }
      note(["services", id, "uses", dependsOn.length], composePath);
      note(["services", id, "uses", target], composePath);
      dependsOn.push(target);
      const wait = waitOf(raw.depends_on, target);
      if (wait !== (hasHealthCheck(composeServices[target]) ? "healthy" : "started")) waits.set(target, wait);
      // required: false starts the service without the dependency where no profile enables it.
      const entry = isObject(raw.depends_on) ? raw.depends_on[target] : undefined;
      if (isObject(entry) && entry.required === false) optional.add(target);
    });
    if (dependsOn.length > 0)
      service.uses =
        waits.size === 0 && optional.size === 0
          ? dependsOn
          : Object.fromEntries(
              dependsOn.map((target) => {
                const wait = waits.get(target);
                return [
                  target,
                  { ...(wait ? { wait } : {}), ...(optional.has(target) ? { optional: true } : {}) },
                ];
              }),
            );
    const deploy = isObject(raw.deploy) ? raw.deploy : {};
    const resources = resourcesOf(raw, deploy.resources);
    const memory = memoryOf(resources);
    if (memory) {
      service.memory = memory;
      const written =
        isObject(deploy.resources) && memoryOf(deploy.resources)
          ? ["deploy", "resources"]
          : raw.mem_limit !== undefined
            ? ["mem_limit"]
            : ["mem_reservation"];
      note(["services", id, "memory"], ["services", id, ...written]);
    }
    const cpu = cpuOf(resources);
    if (cpu) {
      service.cpu = cpu;
      const written =
        isObject(deploy.resources) && cpuOf(deploy.resources) ? ["deploy", "resources"] : ["cpus"];
      note(["services", id, "cpu"], ["services", id, ...written]);
    }
    const written = restartOf(raw.restart);
    // One of the wrong type is reported with the file's other keys of the wrong type, and an empty
    // one (a variable not set here) with the variable.
    if (!written && typeof raw.restart === "string" && raw.restart !== "")
      diagnostics.push(
        diagnostic(
          "schema-invalid-value",
          "error",
          `'${asText(raw.restart)}' is not a restart policy Docker knows`,
          locateCompose(["services", id, "restart"], "value"),
          { hint: 'use "no", always, on-failure (on-failure:3 for at most 3 restarts) or unless-stopped' },
        ),
      );
    // deploy.restart_policy, where it is given, is what Compose starts the container with.
    const restart = deployRestartPolicy(deploy.restart_policy) ?? written;
    if (restart) {
      service.restart = restart.restart;
      if (restart.maxRestarts !== undefined) service["max-restarts"] = restart.maxRestarts;
    }
    const pull = pullPolicy(raw.pull_policy);
    if (pull) service.pull = pull;
    if (raw.network_mode) {
      service["network-mode"] = asText(raw.network_mode);
      note(["services", id, "network-mode"], ["services", id, "network_mode"]);
    }
    if (raw.pid) {
      service.pid = asText(raw.pid);
      note(["services", id, "pid"], ["services", id, "pid"]);
    }
    if (raw.ipc) {
      service.ipc = asText(raw.ipc);
      note(["services", id, "ipc"], ["services", id, "ipc"]);
    }
    if (Array.isArray(raw.profiles)) service.profiles = raw.profiles.map(asText);
    const capabilities = Array.isArray(raw.cap_add) ? raw.cap_add.map(asText) : [];
    const dropped = Array.isArray(raw.cap_drop) ? raw.cap_drop.map(asText) : [];
    // security_opt entries that turn a profile off, with their index in the file.
    const unconfined = (Array.isArray(raw.security_opt) ? raw.security_opt : []).flatMap((option, index) => {
      const profile = /^(seccomp|apparmor)[:=]unconfined$/.exec(asText(option))?.[1];
      return profile ? [{ profile: profile as "seccomp" | "apparmor", index }] : [];
    });
    const security = {
      ...(raw.user !== undefined ? { user: asText(raw.user) } : {}),
      ...(raw.privileged === true ? { privileged: true } : {}),
      ...(raw.read_only === true ? { "read-only-root": true } : {}),
      ...(capabilities.length > 0 ? { capabilities } : {}),
      ...(dropped.length > 0 ? { drop: dropped } : {}),
      ...(unconfined.length > 0 ? { unconfined: unconfined.map((u) => u.profile) } : {}),
    };
    if (Object.keys(security).length > 0) service.security = security;
    capabilities.forEach((_, index) => {
      note(["services", id, "security", "capabilities", index], ["services", id, "cap_add", index]);
    });
    dropped.forEach((_, index) => {
      note(["services", id, "security", "drop", index], ["services", id, "cap_drop", index]);
    });
    unconfined.forEach(({ index }, k) => {
      note(["services", id, "security", "unconfined", k], ["services", id, "security_opt", index]);
    });
    note(["services", id, "security", "user"], ["services", id, "user"]);
    note(["services", id, "security", "privileged"], ["services", id, "privileged"]);
    const notes = [
      ...mounted(raw.secrets, "secret", "/run/secrets"),
      ...mounted(raw.configs, "config", "/"),
      ...networksOf(raw.networks).map((network) => `Joins the network '${network}'`),
    ];
    if (notes.length > 0) service.notes = notes;
    services[id] = service;
    const instance: Json = {};
    // Every entry publishes: "5432" on a host port the system picks.
    if (ports.length > 0) {
      instance.publish = Object.fromEntries(
        ports.map((p) => [
          p.name,
          p.bind
            ? { ...(p.host === undefined ? {} : { host: p.host }), bind: p.bind.replace(/^\[|\]$/g, "") }
            : (p.host ?? {}),
        ]),
      );
      for (const p of ports) note([...envPath, id, "publish", p.name], ["services", id, "ports", p.index]);
    }
    if (replicas) instance.replicas = replicas.count;
    const containerName = text(raw.container_name);
    if (containerName !== undefined && CONTAINER_NAME.test(containerName)) {
      instance["container-name"] = containerName;
      note([...envPath, id, "container-name"], ["services", id, "container_name"]);
    } else if (containerName !== undefined)
      // One Docker would refuse is reported, and read as none.
      diagnostics.push(
        diagnostic(
          "schema-invalid-value",
          "error",
          `container_name '${containerName}' of '${id}' is not a name Docker accepts`,
          locateCompose(["services", id, "container_name"], "value"),
          { hint: CONTAINER_NAME_HINT },
        ),
      );
    run[id] = Object.keys(instance).length > 0 ? instance : null;
    note([...envPath, id], ["services", id]);
  }
  const secrets = composeSecrets(merged.secrets);
  for (const [secret, variable] of fromEnvironment) secrets[secret] ??= { source: "env", env: variable };
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
  note(["environments", environment], []);
  // What runs on the host is the file's list of services.
  note(envPath, ["services"]);
  note(["system"], []);

  const locator = (path: KeyPath, prefer: "key" | "value" = "key"): SourceRange => {
    const composePath = where.nearest(path);
    if (composePath) return locateCompose(composePath, prefer);
    return { file: sources.at(-1)!.yaml.file, start: 0, end: 0 };
  };
  for (const { code, message, hint, composePath, severity } of [
    ...undefinedReferences(merged),
    ...inconsistencies(merged),
  ])
    diagnostics.push(
      diagnostic(code, severity ?? "error", message, locateCompose(composePath, "value"), { hint }),
    );
  // A finding of the dependency-cycle rule, as the cycles through depends_on are.
  for (const { code, message, hint, composePath } of implicitCycles(composeServices))
    findings.push(diagnostic(code, "error", message, locateCompose(composePath, "value"), { hint }));
  for (const { id, index, text } of rangeClashes(hostPorts))
    findings.push(
      diagnostic(
        "host-port-conflict",
        "error",
        text,
        locateCompose(["services", id, "ports", index], "value"),
        { hint: "publish one of them on other host ports" },
      ),
    );
  for (const source of sources) {
    for (const diagnostic of keyProblems(source)) diagnostics.push(diagnostic);
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
  return { input, locate: locator, diagnostics, findings };
}

/**
 * The variable that supplies an environment value, where the value is a secret: a reference to a
 * variable that looks secret (`${DB_PASSWORD}`), or no value at all (`KEY:`, which Compose fills
 * from the variable of the same name where it runs) under a name that looks secret.
 */
function secretVariableOf(
  key: string,
  value: unknown,
  secretVariables: ReadonlySet<string>,
): string | undefined {
  if (value === null || value === undefined) return keptSecret(key) ? key : undefined;
  const variable = wholeReference(text(value) ?? "");
  return variable !== undefined && secretVariables.has(variable) ? variable : undefined;
}

/** Compose secrets and configs a service mounts, as notes: the model keeps files in volumes only. */
function mounted(value: unknown, noun: string, folder: string): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const source = isObject(item) ? text(item.source) : text(item);
    if (!source) return [];
    const target =
      isObject(item) && item.target ? asText(item.target) : `${folder.replace(/\/$/, "")}/${source}`;
    return [
      `Reads the Compose ${noun} '${source}' at ${target.startsWith("/") ? target : `${folder}/${target}`}`,
    ];
  });
}

function networksOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText);
  return isObject(value) ? Object.keys(value) : [];
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

/** A fixed host port a service publishes, with where, and the profiles it starts in. */
interface HostPort {
  id: string;
  index: number;
  port: Port & { host: number };
  profiles: string[];
}

const portsText = (port: Port & { host: number }) =>
  port.hostEnd === undefined ? `host port ${port.host}` : `host ports ${port.host}-${port.hostEnd}`;

/**
 * Host port ranges that meet another published port on the host. The model keeps a range's first
 * port, so two single ports are the preflight's to find; a range against anything is found here.
 */
function rangeClashes(published: readonly HostPort[]): { id: string; index: number; text: string }[] {
  const clashes: { id: string; index: number; text: string }[] = [];
  // Most files publish no range: nothing to compare.
  if (!published.some(({ port }) => port.hostEnd !== undefined)) return clashes;
  const end = (p: Port & { host: number }) => p.hostEnd ?? p.host;
  published.forEach((later, at) => {
    const earlier = published.find(
      ({ port, profiles }, index) =>
        index < at &&
        startTogether(profiles, later.profiles) &&
        (port.hostEnd !== undefined || later.port.hostEnd !== undefined) &&
        port.protocol === later.port.protocol &&
        bindsOverlap(port.bind, later.port.bind) &&
        port.host <= end(later.port) &&
        later.port.host <= end(port),
    );
    if (earlier)
      clashes.push({
        id: later.id,
        index: later.index,
        text: `${portsText(later.port)} overlap${later.port.hostEnd === undefined ? "s" : ""} ${portsText(earlier.port)}, which '${earlier.id}' already publishes on this host`,
      });
  });
  return clashes;
}
