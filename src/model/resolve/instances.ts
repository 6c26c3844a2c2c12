import { cronProblem } from "../cron.js";
import type { InstanceInputType, NodeInputType } from "../schema.js";
import type {
  DeploymentNode,
  EnvVar,
  Instance,
  Platform,
  PublishedPort,
  Replicas,
  Service,
  WorkloadKind,
} from "../types.js";
import { entriesOf, type KeyPath, notesOf, type ResolveContext, report, resolveAmount } from "./context.js";
import type { EnvironmentScope } from "./environment-scope.js";
import { findPort, linkEndpoint, resolveEnv } from "./services.js";

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
    ...(input["memory-target"] ? { memoryTarget: input["memory-target"] } : {}),
    ...(input["custom-metrics"] ? { customMetrics: true } : {}),
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
    if (typeof value === "number") return [{ port, host: value, at }];
    const last = value["host-last"];
    if (last !== undefined && (value.host === undefined || last < value.host)) {
      report(
        scope.context,
        "invalid-range",
        value.host === undefined
          ? `host-last ${last} of '${name}' ends a pool of host ports that has no first port`
          : `the host ports ${value.host}-${last} of '${name}' start above where they end`,
        [...path, name, "host-last"],
        { hint: "write host: <first port>, host-last: <last port>, the first no higher than the last" },
      );
    }
    const pool = last !== undefined && value.host !== undefined && last > value.host;
    return [
      {
        port,
        ...(value.host === undefined ? {} : { host: value.host }),
        ...(pool ? { hostLast: last } : {}),
        at,
        ...(value.bind ? { bind: value.bind } : {}),
      },
    ];
  });
}

/** The instance's own variables, endpoints linked like the service's. */
function overrides(scope: EnvironmentScope, input: InstanceInputType | null, path: KeyPath): EnvVar[] {
  const variables = resolveEnv(scope.context, input?.env, [...path, "env"]);
  for (const variable of variables) {
    linkEndpoint(scope.context, scope.services, variable, input?.env?.[variable.name], [
      ...path,
      "env",
      variable.name,
    ]);
  }
  return variables;
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
        hint: context.suggest(serviceId, services.keys(), "service"),
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
  const scheduleProblem = input?.schedule ? cronProblem(input.schedule) : undefined;
  if (scheduleProblem)
    report(
      context,
      "invalid-schedule",
      `the schedule '${input?.schedule}' is not one a CronJob takes: ${scheduleProblem}`,
      [...path, "schedule"],
      {
        hint: "write five fields, e.g. '0 3 * * *' for 03:00 every day",
      },
    );
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
    env: mergeEnv(service.env, overrides(scope, input, path)),
    workload: input?.workload ?? defaultWorkload(environment.platform, service),
    ...(input?.schedule ? { schedule: input.schedule } : {}),
    ...disruptionBudgetOf(context, input?.["disruption-budget"], [...path, "disruption-budget"]),
    spread: input?.spread ?? "node",
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
          hint: context.suggest(
            volume,
            service.volumes.map((v) => v.name),
            "volume",
          ),
        },
      );
      continue;
    }
    const amount = resolveAmount(context, size, "memory", volumePath, "volume size");
    if (amount) instance.storage.push({ volume, size: amount });
  }
  const image = input?.image ?? service.image;
  if (image) {
    instance.image = image;
    instance.imageAt = context.locate(
      input?.image ? [...path, "image"] : ["services", service.id, "image"],
      "value",
    );
  }
  if (memory) instance.memory = memory;
  if (cpu) instance.cpu = cpu;
  if (input?.["container-name"]) {
    instance.containerName = input["container-name"];
    instance.containerNameAt = context.locate([...path, "container-name"], "value");
  }
  if (input?.replicas !== undefined) instance.replicasAt = context.locate([...path, "replicas"], "value");
  if (input?.["disruption-budget"] !== undefined)
    instance.disruptionBudgetAt = context.locate([...path, "disruption-budget"], "value");
  if (input?.description) instance.description = input.description;
  if (input?.variant) instance.variant = input.variant;
  if (input?.role) instance.role = input.role;
  return instance;
}

export function resolveInstances(
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

function disruptionBudgetOf(
  context: ResolveContext,
  input: InstanceInputType["disruption-budget"],
  path: KeyPath,
): Pick<Instance, "disruptionBudget"> {
  if (input === undefined || input === true) return {};
  if (input === false) return { disruptionBudget: false };
  const minAvailable = input["min-available"];
  const maxUnavailable = input["max-unavailable"];
  return {
    disruptionBudget: {
      ...(minAvailable !== undefined ? { minAvailable } : {}),
      ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
      at: {
        ...(minAvailable !== undefined
          ? { minAvailable: context.locate([...path, "min-available"], "value") }
          : {}),
        ...(maxUnavailable !== undefined
          ? { maxUnavailable: context.locate([...path, "max-unavailable"], "value") }
          : {}),
      },
    },
  };
}
