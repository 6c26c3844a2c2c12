import { capabilityName, isKnownCapability } from "../container-risks.js";
import { persistsCache, statefulKinds } from "../kinds.js";
import { isContainerPath } from "../mounts.js";
import type { ModelInputType, ServiceInputType } from "../schema.js";
import type {
  Build,
  EnvVar,
  HealthCheck,
  Port,
  Security,
  Service,
  SourceCode,
  Use,
  Volume,
} from "../types.js";
import {
  entriesOf,
  type KeyPath,
  notesOf,
  type ResolveContext,
  report,
  resolveAmount,
  textEntriesOf,
} from "./context.js";
import { checkRoutePath, routePortAt } from "./route-path.js";

const namedProtocols = new Set([
  "http",
  "https",
  "grpc",
  "ws",
  "wss",
  "amqp",
  "mqtt",
  "redis",
  "postgres",
  "mysql",
  "tcp",
  "udp",
]);

function resolvePorts(context: ResolveContext, id: string, input: ServiceInputType): Port[] {
  return entriesOf(input.ports).map(([name, value]) => {
    const at = context.locate(["services", id, "ports", name]);
    if (typeof value === "number") {
      return { name, port: value, protocol: namedProtocols.has(name) ? name : "tcp", at };
    }
    const port: Port = {
      name,
      port: value.port,
      protocol: value.protocol ?? (namedProtocols.has(name) ? name : "tcp"),
      at,
    };
    if (value.description) port.description = value.description;
    return port;
  });
}

/** A port by name or number. A number the service does not declare is kept, for the lint rules to judge. */
export function findPort(
  context: ResolveContext,
  ports: readonly Port[],
  reference: string | number,
  path: KeyPath,
  owner: string,
): Port | undefined {
  const byName = ports.find((p) => p.name === String(reference));
  if (byName) return byName;
  const number =
    typeof reference === "number" ? reference : /^\d+$/.test(reference) ? Number(reference) : undefined;
  if (number !== undefined) {
    return (
      ports.find((p) => p.port === number) ?? {
        name: String(number),
        port: number,
        protocol: "tcp",
        at: context.locate(path),
      }
    );
  }
  report(context, "unknown-port", `${owner} has no port named '${reference}'`, path, {
    hint: context.suggest(
      String(reference),
      ports.map((p) => p.name),
      "port",
    ),
  });
  return undefined;
}

function resolveHealth(
  context: ResolveContext,
  id: string,
  input: ServiceInputType,
  ports: Port[],
): HealthCheck | undefined {
  const health = input.health;
  if (!health) return undefined;
  const path = ["services", id, "health"];
  const portRef = health.tcp ?? health.port;
  const portPath = [...path, health.tcp !== undefined ? "tcp" : "port"];
  const base = {
    at: context.locate(path),
    ...(portRef !== undefined ? { portAt: context.locate(portPath, "value") } : {}),
    expect: health.expect ?? 200,
    ...(health.interval ? { interval: health.interval } : {}),
    ...(health.timeout ? { timeout: health.timeout } : {}),
    ...(health.retries !== undefined ? { retries: health.retries } : {}),
    ...(health["start-period"] ? { startPeriod: health["start-period"] } : {}),
  };
  const defaultPort = ports.find((p) => p.protocol === "http" || p.protocol === "https") ?? ports[0];
  const port =
    portRef !== undefined ? findPort(context, ports, portRef, portPath, `service '${id}'`) : defaultPort;
  if (health.http !== undefined) {
    const check: HealthCheck = { ...base, type: "http", path: health.http };
    if (port) check.port = port;
    if (health.command !== undefined) check.command = health.command;
    return check;
  }
  if (health.tcp !== undefined) {
    return port ? { ...base, type: "tcp", port } : undefined;
  }
  if (health.command !== undefined)
    return {
      ...base,
      type: "command",
      command: health.command,
      commandAt: context.locate([...path, "command"], "value"),
      // Found when read (lazyLocate), as a command's words are.
      ...(Array.isArray(health.command)
        ? {
            commandWordsAt: health.command.map((_, index) =>
              context.locate([...path, "command", index], "value"),
            ),
          }
        : {}),
    };
  report(
    context,
    "health-incomplete",
    `the health check of '${id}' names none of http, tcp or command`,
    path,
    {
      prefer: "key",
      hint: "add http: /health, tcp: <port> or command: <command>",
      about: id,
    },
  );
  return undefined;
}

/** Variables as written; endpoint references are linked once every service exists (see linkEndpoints). */
export function resolveEnv(context: ResolveContext, env: ServiceInputType["env"], path: KeyPath): EnvVar[] {
  return entriesOf(env).map(([name, value]) => {
    const at = context.locate([...path, name]);
    if (value === null) return { name, value: { kind: "host" }, at };
    const plainAt = (valuePath: KeyPath) => context.locate(valuePath, "value");
    if (typeof value !== "object")
      return { name, value: { kind: "plain", value: String(value) }, at, valueAt: plainAt([...path, name]) };
    const variable: EnvVar = { name, value: { kind: "plain", value: "" }, at };
    if (value.description) variable.description = value.description;
    if ("value" in value) {
      variable.value = { kind: "plain", value: String(value.value) };
      variable.valueAt = plainAt([...path, name, "value"]);
      if (value.group) variable.group = value.group;
    } else if ("secret" in value) {
      // One not declared is secret-without-source's, a finding like any other, whether the model
      // declares other secrets or none.
      variable.value = { kind: "secret", secret: value.secret, ...(value.key ? { key: value.key } : {}) };
    } else {
      variable.value = {
        kind: "endpoint",
        service: value.endpoint,
        host: value.endpoint,
        scheme: value.scheme ?? "",
        ...(value.path ? { path: value.path } : {}),
      };
    }
    return variable;
  });
}

function resolveVolumes(context: ResolveContext, id: string, input: ServiceInputType): Volume[] {
  const volumes = entriesOf(input.volumes).map(([name, value]) => volumeOf(context, id, name, value));
  for (const volume of volumes) {
    if (!isContainerPath(volume.path))
      // About the service, and naming it last: services that share the volumes through an anchor share one finding.
      report(
        context,
        "runtime-refused",
        `the volume '${volume.name}' is mounted at ${volume.path} for '${id}', which is not an absolute path in the container`,
        ["services", id, "volumes", volume.name],
        { hint: `write it from the root: /${volume.path.replace(/^\.\//, "")}`, about: id },
      );
  }
  return volumes;
}

function volumeOf(
  context: ResolveContext,
  id: string,
  name: string,
  value: NonNullable<ServiceInputType["volumes"]>[string],
): Volume {
  const at = context.locate(["services", id, "volumes", name]);
  if (typeof value === "string") {
    // "./sites:/home/frappe/sites[:ro]" is a bind mount; anything else is a volume's mount path.
    const bind = /^([.~/][^:]*):([^:]+)(?::(ro|rw))?$/.exec(value);
    if (bind) {
      return { name, path: bind[2]!, type: "bind", source: bind[1]!, readOnly: bind[3] === "ro", at };
    }
    return { name, path: value, type: "volume", source: name, readOnly: false, at };
  }
  const type = value.type ?? (value.source && /^[.~/]/.test(value.source) ? "bind" : "volume");
  const volume: Volume = {
    name,
    path: value.path,
    type,
    source: value.source ?? name,
    readOnly: value["read-only"] ?? false,
    at,
  };
  if (value.data) volume.data = value.data;
  if (value.backup) volume.backup = value.backup;
  if (value.size !== undefined) {
    const size = resolveAmount(
      context,
      value.size,
      "memory",
      ["services", id, "volumes", name, "size"],
      "volume size",
    );
    if (size) volume.size = size;
  }
  return volume;
}

function resolveUses(context: ResolveContext, id: string, input: ServiceInputType): Use[] {
  const uses = input.uses;
  if (!uses) return [];
  const path = ["services", id, "uses"];
  if (Array.isArray(uses)) {
    return uses.map((target, index) => ({ target, optional: false, at: context.locate([...path, index]) }));
  }
  return entriesOf(uses).map(([target, value]) => {
    const use: Use = { target, optional: false, at: context.locate([...path, target]) };
    if (typeof value === "string") use.description = value;
    else if (value) {
      use.optional = value.optional ?? false;
      if (value.protocol) use.protocol = value.protocol;
      if (value.description) use.description = value.description;
      if (value.wait) use.wait = value.wait;
    }
    return use;
  });
}

function resolveBuild(
  context: ResolveContext,
  id: string,
  input: ServiceInputType["build"],
): Build | undefined {
  if (input === undefined) return undefined;
  if (typeof input === "string") return { context: input, stages: [], args: [] };
  const build: Build = {
    context: input.context,
    stages: (input.stages ?? []).map((s) => ({ ...s })),
    args: entriesOf(input.args).map(([name, value]) => ({
      name,
      value,
      at: context.locate(["services", id, "build", "args", name], "value"),
    })),
  };
  if (input.dockerfile) build.dockerfile = input.dockerfile;
  if (input.target) build.target = input.target;
  return build;
}

function resolveSource(input: ServiceInputType["source"]): SourceCode | undefined {
  if (!input) return undefined;
  const { path, language, framework, runtime, database, auth } = input;
  return {
    ...(path ? { path } : {}),
    ...(language ? { language } : {}),
    ...(framework ? { framework } : {}),
    ...(input["build-tool"] ? { buildTool: input["build-tool"] } : {}),
    ...(runtime ? { runtime } : {}),
    ...(database ? { database } : {}),
    ...(auth ? { auth } : {}),
    dependencies: input.dependencies ?? [],
    configFiles: input["config-files"] ?? [],
    details: textEntriesOf(input.details).map(([key, value]) => ({ key, value })),
  };
}

function resolveSecurity(context: ResolveContext, id: string, input: ServiceInputType["security"]): Security {
  const path = ["services", id, "security"];
  // Worded with the service last, and about it, so that services sharing the list through an
  // anchor share one finding that names them all (shared-places.ts).
  for (const [field, verb] of [
    ["capabilities", "added"],
    ["drop", "dropped"],
  ] as const) {
    (input?.[field] ?? []).forEach((capability, index) => {
      if (!isKnownCapability(capability))
        report(
          context,
          "runtime-refused",
          `the capability ${capability} ${verb} for '${id}' is not one Linux has: Docker makes no container with it`,
          [...path, field, index],
          { hint: "check its spelling against capabilities(7), e.g. NET_ADMIN", about: id },
        );
    });
  }
  const security: Security = {
    capabilities: (input?.capabilities ?? []).map((capability, index) => ({
      name: capabilityName(capability),
      at: context.locate([...path, "capabilities", index], "value"),
    })),
    dropped: (input?.drop ?? []).map(capabilityName),
    unconfined: (input?.unconfined ?? []).map((profile, index) => ({
      profile,
      at: context.locate([...path, "unconfined", index], "value"),
    })),
    at: {},
  };
  if (input?.["run-as-non-root"] !== undefined) {
    security.runAsNonRoot = input["run-as-non-root"];
    security.at.runAsNonRoot = context.locate([...path, "run-as-non-root"], "value");
  }
  if (input?.user !== undefined) {
    security.user = input.user;
    security.at.user = context.locate([...path, "user"], "value");
  }
  if (input?.["read-only-root"] !== undefined) {
    security.readOnlyRoot = input["read-only-root"];
    security.at.readOnlyRoot = context.locate([...path, "read-only-root"], "value");
  }
  if (input?.privileged !== undefined) {
    security.privileged = input.privileged;
    security.at.privileged = context.locate([...path, "privileged"], "value");
  }
  return security;
}

/** The fields that share a namespace of the host, and the namespace each names. */
const HOST_NAMESPACES = [
  ["network-mode", "network"],
  ["pid", "process"],
  ["ipc", "IPC"],
  ["userns-mode", "user"],
  ["uts", "UTS"],
  ["cgroup", "cgroup"],
] as const;

function hostNamespaces(context: ResolveContext, id: string, input: ServiceInputType) {
  const shared: {
    namespace: (typeof HOST_NAMESPACES)[number][1];
    at: ReturnType<ResolveContext["locate"]>;
  }[] = [];
  for (let i = 0; i < HOST_NAMESPACES.length; i++) {
    const field = HOST_NAMESPACES[i]![0];
    if (input[field] === "host")
      shared.push({ namespace: HOST_NAMESPACES[i]![1], at: context.locate(["services", id, field]) });
  }
  return shared;
}

function resolveService(
  context: ResolveContext,
  model: ModelInputType,
  id: string,
  input: ServiceInputType,
): Service {
  const ports = resolvePorts(context, id, input);
  const volumes = resolveVolumes(context, id, input);
  const service: Service = {
    id,
    name: input.name ?? id,
    kind: input.kind,
    at: context.locate(["services", id]),
    ports,
    env: resolveEnv(context, input.env, ["services", id, "env"]),
    volumes,
    uses: resolveUses(context, id, input),
    routes: [],
    stateful:
      input.stateful ??
      (statefulKinds.has(input.kind) ||
        persistsCache(input.kind, input.command) ||
        // A named volume mounted read-only is state the service reads (a web server's static files), not state it keeps.
        volumes.some((v) => v.type === "volume" && !v.readOnly)),
    security: resolveSecurity(context, id, input.security),
    hostNamespaces: hostNamespaces(context, id, input),
    profiles: input.profiles ?? [],
    notes: notesOf(input.notes),
  };
  const optional = {
    description: input.description,
    technology: input.technology,
    group: input.group,
    image: input.image,
    command: input.command,
    restart: input.restart,
    maxRestarts: input["max-restarts"],
    pull: input.pull,
    networkMode: input["network-mode"],
    pid: input.pid,
    ipc: input.ipc,
    usernsMode: input["userns-mode"],
    uts: input.uts,
    cgroup: input.cgroup,
  };
  for (const key in optional) {
    const value = optional[key as keyof typeof optional];
    if (value !== undefined) Object.assign(service, { [key]: value });
  }
  if (input.name !== undefined) service.nameAt = context.locate(["services", id, "name"], "value");
  if (input.command !== undefined) service.commandAt = context.locate(["services", id, "command"], "value");
  // Found when read (lazyLocate): only a word with a finding ever is.
  if (Array.isArray(input.command))
    service.commandWordsAt = input.command.map((_, index) =>
      context.locate(["services", id, "command", index], "value"),
    );
  const build = resolveBuild(context, id, input.build);
  if (build) service.build = build;
  const source = resolveSource(input.source);
  if (source) service.source = source;
  const health = resolveHealth(context, id, input, ports);
  if (health) service.health = health;
  else if (input.health === false) service.healthDisabled = true;
  const memory = resolveAmount(context, input.memory, "memory", ["services", id, "memory"]);
  if (memory) service.memory = memory;
  else if (input.memory !== undefined) service.memoryUnreadable = true;
  const cpu = resolveAmount(context, input.cpu, "cpu", ["services", id, "cpu"]);
  if (cpu) service.cpu = cpu;
  else if (input.cpu !== undefined) service.cpuUnreadable = true;
  if (input["max-restarts"] !== undefined && input.restart !== "on-failure") {
    // Docker refuses a retry count with any other policy; the others never give up, or never start again.
    report(
      context,
      "schema-invalid-value",
      "max-restarts counts restarts on failure",
      ["services", id, "max-restarts"],
      {
        hint: "add restart: on-failure, or remove max-restarts",
      },
    );
  }
  if (input.group && model.groups && !(input.group in model.groups)) {
    report(context, "unknown-group", `no group named '${input.group}'`, ["services", id, "group"], {
      hint: context.suggest(input.group, Object.keys(model.groups), "group"),
    });
  }
  return service;
}

/**
 * Completes an `{ endpoint: service }` variable once every service exists: the port (named, or the
 * service's first) and the scheme (given, else the port's protocol; none for plain TCP).
 */
export function linkEndpoint(
  context: ResolveContext,
  services: ReadonlyMap<string, Service>,
  variable: EnvVar,
  reference: unknown,
  path: KeyPath,
): void {
  if (variable.value.kind !== "endpoint") return;
  const target = services.get(variable.value.service);
  if (!target) {
    report(
      context,
      "unknown-service",
      `no service named '${variable.value.service}'`,
      [...path, "endpoint"],
      {
        hint: context.suggest(variable.value.service, services.keys(), "service"),
      },
    );
    return;
  }
  const given =
    reference && typeof reference === "object" && "endpoint" in reference
      ? (reference as { port?: string | number; scheme?: string })
      : {};
  const port =
    given.port !== undefined
      ? findPort(context, target.ports, given.port, [...path, "port"], `service '${target.id}'`)
      : target.ports[0];
  if (port) variable.value.port = port;
  if (given.scheme === undefined)
    variable.value.scheme = port && port.protocol !== "tcp" && port.protocol !== "udp" ? port.protocol : "";
}

/** Cross-service references, checked once every service exists: uses, endpoints, routes. */
function linkServices(context: ResolveContext, model: ModelInputType, services: Map<string, Service>): void {
  const ids = [...services.keys()];
  const missing = (target: string, path: KeyPath, prefer: "key" | "value" = "value") =>
    report(context, "unknown-service", `no service named '${target}'`, path, {
      hint: context.suggest(target, ids, "service"),
      prefer,
    });
  for (const service of services.values()) {
    const input = model.services[service.id]!;
    for (const use of service.uses) {
      const target = services.get(use.target);
      const usePath = Array.isArray(input.uses)
        ? ["services", service.id, "uses", input.uses.indexOf(use.target)]
        : ["services", service.id, "uses", use.target];
      if (!target) {
        // In `uses: { db: SQL }` the reference is the key; in `uses: [db]` it is the item.
        missing(use.target, usePath, Array.isArray(input.uses) ? "value" : "key");
        continue;
      }
      const value = Array.isArray(input.uses) ? undefined : input.uses?.[use.target];
      if (value && typeof value === "object" && value.port !== undefined) {
        const port = findPort(
          context,
          target.ports,
          value.port,
          [...usePath, "port"],
          `service '${target.id}'`,
        );
        if (port) use.port = port;
      }
    }
    for (const variable of service.env) {
      linkEndpoint(context, services, variable, input.env?.[variable.name], [
        "services",
        service.id,
        "env",
        variable.name,
      ]);
    }
    for (const [routePath, route] of entriesOf(input.routes)) {
      const [targetId, portRef] = (typeof route === "string" ? route : route.to).split(":") as [
        string,
        string | undefined,
      ];
      const path = ["services", service.id, "routes", routePath];
      checkRoutePath(context, routePath, path);
      const target = services.get(targetId);
      if (!target) {
        missing(targetId, path, "value");
        continue;
      }
      const explicit = typeof route === "object" ? route.port : undefined;
      const reference = explicit ?? portRef;
      const port =
        reference !== undefined
          ? findPort(context, target.ports, reference, path, `service '${target.id}'`)
          : target.ports[0];
      service.routes.push({
        path: routePath,
        target: targetId,
        at: context.locate(path, "key"),
        ...(port ? { port } : {}),
        ...(reference !== undefined ? { portAt: routePortAt(context, route, path) } : {}),
        ...(typeof route === "object" && route.description ? { description: route.description } : {}),
      });
    }
  }
}

export function resolveServices(context: ResolveContext, model: ModelInputType): Map<string, Service> {
  const services = new Map<string, Service>();
  for (const [id, input] of entriesOf(model.services))
    services.set(id, resolveService(context, model, id, input));
  linkServices(context, model, services);
  return services;
}
