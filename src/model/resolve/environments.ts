import type { EnvironmentInputType, InstanceInputType, ModelInputType, NodeInputType } from "../schema.js";
import { suggestion } from "../suggest.js";
import {
  type AccessScope,
  type DeploymentNode,
  type Environment,
  type EnvVar,
  type Instance,
  infrastructureNodeKinds,
  type Link,
  type Platform,
  type PublishedPort,
  type Replicas,
  type Resources,
  type Route,
  type Service,
  type WorkloadKind,
} from "../types.js";
import {
  entriesOf,
  type KeyPath,
  notesOf,
  type ResolveContext,
  report,
  resolveAmount,
  titleCase,
} from "./context.js";
import { findPort, resolveEnv } from "./services.js";

const platformNames: Record<Platform, string> = {
  compose: "Docker Compose",
  kubernetes: "Kubernetes",
  host: "Host",
};
const accessDescriptions: Record<AccessScope, string> = {
  local: "localhost only",
  lan: "local network",
  vpn: "VPN",
  public: "public",
};

interface EnvironmentScope {
  context: ResolveContext;
  model: ModelInputType;
  services: Map<string, Service>;
  environment: Environment;
  path: KeyPath;
  /** Every node seen, by id, with its input and path: to find duplicates and resolve routes. */
  nodeInputs: Map<string, { input: NodeInputType; path: KeyPath }>;
  instancePaths: Map<string, { path: KeyPath; node: string }>;
}

function resolveResources(
  scope: EnvironmentScope,
  input: NodeInputType["capacity"],
  path: KeyPath,
): Resources {
  const resources: Resources = {};
  if (!input) return resources;
  const memory = resolveAmount(scope.context, input.memory, "memory", [...path, "memory"]);
  if (memory) resources.memory = memory;
  const cpu = resolveAmount(scope.context, input.cpu, "cpu", [...path, "cpu"]);
  if (cpu) resources.cpu = cpu;
  const disk = resolveAmount(scope.context, input.disk, "memory", [...path, "disk"]);
  if (disk) resources.disk = disk;
  return resources;
}

function resolveReplicas(
  scope: EnvironmentScope,
  input: InstanceInputType["replicas"],
  path: KeyPath,
): Replicas {
  if (input === undefined) return { min: 1, max: 1, autoscale: false };
  if (typeof input === "number") return { min: input, max: input, autoscale: false };
  if (input.min > input.max) {
    report(scope.context, "invalid-range", `replicas min ${input.min} is above max ${input.max}`, path);
  }
  return {
    min: input.min,
    max: Math.max(input.min, input.max),
    autoscale: true,
    ...(input["cpu-target"] ? { cpuTarget: input["cpu-target"] } : {}),
  };
}

function defaultWorkload(platform: Platform, service: Service): WorkloadKind {
  switch (platform) {
    case "kubernetes":
      if (service.kind === "job") return "Job";
      return service.stateful ? "StatefulSet" : "Deployment";
    case "compose":
      return "Container";
    case "host":
      return "Process";
    default: {
      const unreachable: never = platform;
      throw new Error(`unknown platform ${String(unreachable)}`);
    }
  }
}

function resolvePublish(
  scope: EnvironmentScope,
  service: Service,
  input: InstanceInputType["publish"],
  path: KeyPath,
): PublishedPort[] {
  if (!input) return [];
  const owner = `service '${service.id}'`;
  if (Array.isArray(input)) {
    return input.flatMap((name, index) => {
      const port = findPort(scope.context, service.ports, name, [...path, index], owner);
      return port ? [{ port, host: port.port, at: scope.context.locate([...path, index]) }] : [];
    });
  }
  return entriesOf(input).flatMap(([name, value]) => {
    const port = findPort(scope.context, service.ports, name, [...path, name], owner);
    if (!port) return [];
    const at = scope.context.locate([...path, name]);
    return typeof value === "number"
      ? [{ port, host: value, at }]
      : [{ port, host: value.host, at, ...(value.bind ? { bind: value.bind } : {}) }];
  });
}

function mergeEnv(base: EnvVar[], overrides: EnvVar[]): EnvVar[] {
  const merged = new Map(base.map((v) => [v.name, v]));
  for (const v of overrides) merged.set(v.name, v);
  return [...merged.values()];
}

function resolveInstance(
  scope: EnvironmentScope,
  node: DeploymentNode,
  id: string,
  input: InstanceInputType | null,
  path: KeyPath,
): Instance | undefined {
  const { context, services, environment } = scope;
  const serviceId = input?.service ?? id;
  const service = services.get(serviceId);
  if (!service) {
    report(
      context,
      "unknown-service",
      `no service named '${serviceId}'`,
      input?.service ? [...path, "service"] : path,
      {
        hint: suggestion(serviceId, [...services.keys()], "service"),
        prefer: input?.service ? "value" : "key",
      },
    );
    return undefined;
  }
  const earlier = scope.instancePaths.get(id);
  if (earlier) {
    const where =
      earlier.node === node.id
        ? `on node '${node.id}'`
        : `in environment '${environment.id}' (on '${earlier.node}')`;
    report(context, "duplicate-instance", `'${id}' is already placed ${where}`, path, {
      prefer: "key",
      hint: "give the second placement its own key and name the service with `service:`",
    });
    return undefined;
  }
  scope.instancePaths.set(id, { path, node: node.id });
  const secrets = scope.model.secrets ? new Set(Object.keys(scope.model.secrets)) : undefined;
  const memory = resolveAmount(context, input?.memory, "memory", [...path, "memory"]) ?? service.memory;
  const cpu = resolveAmount(context, input?.cpu, "cpu", [...path, "cpu"]) ?? service.cpu;
  const instance: Instance = {
    id,
    name: input?.name ?? (serviceId === id ? service.name : id),
    service,
    node: node.id,
    at: context.locate(path),
    replicas: resolveReplicas(scope, input?.replicas, [...path, "replicas"]),
    publish: resolvePublish(scope, service, input?.publish, [...path, "publish"]),
    storage: [],
    env: mergeEnv(service.env, resolveEnv(context, input?.env, [...path, "env"], secrets)),
    workload: input?.workload ?? defaultWorkload(environment.platform, service),
    notes: notesOf(input?.notes),
  };
  for (const [volume, size] of entriesOf(input?.storage)) {
    const volumePath = [...path, "storage", volume];
    if (!service.volumes.some((v) => v.name === volume)) {
      report(
        context,
        "unknown-volume",
        `service '${service.id}' has no volume named '${volume}'`,
        volumePath,
        {
          prefer: "key",
          hint: suggestion(
            volume,
            service.volumes.map((v) => v.name),
            "volume",
          ),
        },
      );
      continue;
    }
    const amount = resolveAmount(context, size, "memory", volumePath);
    if (amount) instance.storage.push({ volume, size: amount });
  }
  const image = input?.image ?? service.image;
  if (image) instance.image = image;
  if (memory) instance.memory = memory;
  if (cpu) instance.cpu = cpu;
  if (input?.description) instance.description = input.description;
  if (input?.variant) instance.variant = input.variant;
  if (input?.role) instance.role = input.role;
  return instance;
}

function resolveInstances(
  scope: EnvironmentScope,
  node: DeploymentNode,
  input: NodeInputType["run"],
  path: KeyPath,
): Instance[] {
  if (!input) return [];
  const placed: [string, InstanceInputType | null, KeyPath][] = Array.isArray(input)
    ? input.map((id, index) => [id, null, [...path, index]])
    : entriesOf(input).map(([id, value]) => [id, value, [...path, id]]);
  return placed.flatMap(
    ([id, value, instancePath]) => resolveInstance(scope, node, id, value, instancePath) ?? [],
  );
}

function resolveNode(
  scope: EnvironmentScope,
  id: string,
  input: NodeInputType,
  path: KeyPath,
  parent: DeploymentNode | undefined,
  ancestors: string[],
): DeploymentNode | undefined {
  const { context } = scope;
  if (ancestors.includes(id)) {
    report(context, "node-cycle", `node '${id}' is nested inside itself`, path, { prefer: "key" });
    return undefined;
  }
  if (scope.nodeInputs.has(id)) {
    report(context, "duplicate-node", `a node named '${id}' already exists in this environment`, path, {
      prefer: "key",
    });
    return undefined;
  }
  scope.nodeInputs.set(id, { input, path });
  const node: DeploymentNode = {
    id,
    name: input.name ?? id,
    kind: input.kind,
    infrastructure: infrastructureNodeKinds.has(input.kind),
    at: context.locate(path),
    capacity: resolveResources(scope, input.capacity, [...path, "capacity"]),
    budget: resolveResources(scope, input.budget, [...path, "budget"]),
    properties: entriesOf(input.properties).map(([key, value]) => ({ key, value })),
    routes: [],
    instances: [],
    nodes: [],
    depth: ancestors.length,
    notes: notesOf(input.notes),
  };
  if (parent) node.parent = parent.id;
  if (input.technology) node.technology = input.technology;
  if (input.description) node.description = input.description;
  if (input.count !== undefined) node.count = input.count;
  scope.environment.allNodes.push(node);
  node.instances = resolveInstances(scope, node, input.run, [...path, "run"]);
  scope.environment.instances.push(...node.instances);
  for (const [childId, child] of entriesOf(input.nodes)) {
    const resolved = resolveNode(scope, childId, child, [...path, "nodes", childId], node, [
      ...ancestors,
      id,
    ]);
    if (resolved) node.nodes.push(resolved);
  }
  return node;
}

/** Routes of infrastructure nodes point at instances of the same environment (or at services placed there). */
function resolveNodeRoutes(scope: EnvironmentScope): void {
  const { environment, context } = scope;
  for (const node of environment.allNodes) {
    const { input, path } = scope.nodeInputs.get(node.id)!;
    for (const [routePath, route] of entriesOf(input.routes)) {
      const routeKey = [...path, "routes", routePath];
      const [targetId, portRef] = (typeof route === "string" ? route : route.to).split(":") as [
        string,
        string | undefined,
      ];
      const instance =
        environment.instances.find((i) => i.id === targetId) ??
        environment.instances.find((i) => i.service.id === targetId);
      if (!instance) {
        report(
          context,
          "unknown-instance",
          `no instance or service '${targetId}' is placed in environment '${environment.id}'`,
          routeKey,
          {
            hint: suggestion(
              targetId,
              environment.instances.map((i) => i.id),
              "instance",
            ),
          },
        );
        continue;
      }
      const reference = (typeof route === "object" ? route.port : undefined) ?? portRef;
      const ports = instance.service.ports;
      const port =
        reference !== undefined
          ? findPort(context, ports, reference, routeKey, `service '${instance.service.id}'`)
          : ports[0];
      const resolved: Route = { path: routePath, target: instance.id, at: context.locate(routeKey, "key") };
      if (port) resolved.port = port;
      if (typeof route === "object" && route.description) resolved.description = route.description;
      node.routes.push(resolved);
    }
  }
}

function resolveLinks(scope: EnvironmentScope, input: EnvironmentInputType): Link[] {
  return (input.links ?? []).map((link, index) => {
    const path = [...scope.path, "links", index];
    const resolved: Link = {
      from: link.from,
      to: link.to,
      kind: link.kind ?? "other",
      at: scope.context.locate(path),
    };
    const [toEnvironment, toElement] = link.to.includes(":")
      ? (link.to.split(":", 2) as [string, string])
      : [undefined, link.to];
    if (toEnvironment) {
      resolved.toEnvironment = toEnvironment;
      resolved.to = toElement;
    }
    if (link.description) resolved.description = link.description;
    if (link.protocol) resolved.protocol = link.protocol;
    if (link.via) resolved.via = link.via;
    return resolved;
  });
}

function elementIds(environment: Environment): string[] {
  return [...environment.instances.map((i) => i.id), ...environment.allNodes.map((n) => n.id)];
}

/** Links may cross environments, so they are checked once every environment exists. */
export function checkLinks(context: ResolveContext, environments: Environment[]): void {
  const byId = new Map(environments.map((e) => [e.id, e]));
  for (const environment of environments) {
    environment.links.forEach((link, index) => {
      const path = ["environments", environment.id, "links", index];
      const local = elementIds(environment);
      if (!local.includes(link.from)) {
        report(
          context,
          "unknown-instance",
          `no instance or node '${link.from}' in environment '${environment.id}'`,
          [...path, "from"],
          {
            hint: suggestion(link.from, local, "instance"),
          },
        );
      }
      const other = link.toEnvironment ? byId.get(link.toEnvironment) : environment;
      if (!other) {
        report(
          context,
          "unknown-environment",
          `no environment named '${link.toEnvironment}'`,
          [...path, "to"],
          {
            hint: suggestion(link.toEnvironment ?? "", [...byId.keys()], "environment"),
          },
        );
        return;
      }
      const targets = elementIds(other);
      if (!targets.includes(link.to)) {
        report(
          context,
          "unknown-instance",
          `no instance or node '${link.to}' in environment '${other.id}'`,
          [...path, "to"],
          {
            hint: suggestion(link.to, targets, "instance"),
          },
        );
      }
    });
    for (const promotion of environment.promotesTo) {
      if (!byId.has(promotion.environment)) {
        report(
          context,
          "unknown-environment",
          `no environment named '${promotion.environment}'`,
          ["environments", environment.id, "promotes-to", promotion.environment],
          {
            prefer: "key",
            hint: suggestion(promotion.environment, [...byId.keys()], "environment"),
          },
        );
      }
    }
  }
}

export function resolveEnvironment(
  context: ResolveContext,
  model: ModelInputType,
  services: Map<string, Service>,
  id: string,
  input: EnvironmentInputType,
): Environment {
  const path = ["environments", id];
  const access =
    input.access === undefined
      ? undefined
      : typeof input.access === "string"
        ? { scope: input.access }
        : input.access;
  const scope = access?.scope ?? "public";
  const environment: Environment = {
    id,
    name: input.name ?? titleCase(id),
    platform: input.platform,
    technology: input.technology ?? input.distribution ?? platformNames[input.platform],
    access: {
      scope,
      description: access?.description ?? (access ? accessDescriptions[scope] : "not stated"),
    },
    status: input.status ?? "live",
    at: context.locate(path),
    infrastructure: entriesOf(input.infrastructure).map(([aspect, value]) => ({ aspect, value })),
    procedures: entriesOf(input.procedures).map(([procedureId, procedure]) => {
      const at = context.locate([...path, "procedures", procedureId]);
      if (Array.isArray(procedure))
        return { id: procedureId, title: titleCase(procedureId), steps: procedure, notes: [], at };
      return {
        id: procedureId,
        title: procedure.title ?? titleCase(procedureId),
        steps: procedure.steps,
        notes: notesOf(procedure.notes),
        at,
      };
    }),
    keyFiles: entriesOf(input["key-files"]).map(([file, purpose]) => ({ path: file, purpose })),
    promotesTo: entriesOf(input["promotes-to"]).map(([environment, gate]) => ({
      environment,
      gate,
      at: context.locate([...path, "promotes-to", environment]),
    })),
    characteristics: entriesOf(input.characteristics).map(([aspect, value]) => ({ aspect, value })),
    links: [],
    nodes: [],
    allNodes: [],
    instances: [],
    notes: notesOf(input.notes),
  };
  if (input.purpose) environment.purpose = input.purpose;
  if (input.distribution) environment.distribution = input.distribution;
  if (input.description) environment.description = input.description;
  const envScope: EnvironmentScope = {
    context,
    model,
    services,
    environment,
    path,
    nodeInputs: new Map(),
    instancePaths: new Map(),
  };
  for (const [nodeId, node] of entriesOf(input.nodes)) {
    const resolved = resolveNode(envScope, nodeId, node, [...path, "nodes", nodeId], undefined, []);
    if (resolved) environment.nodes.push(resolved);
  }
  resolveNodeRoutes(envScope);
  environment.links = resolveLinks(envScope, input);
  return environment;
}
