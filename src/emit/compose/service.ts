/** One Compose service from one instance. */
import { groupBy } from "../../collections.js";
import type { DependsOn } from "../../model/depends-on.js";
import { KIND_LABEL } from "../../model/labels.js";
import { hostPortText, publishesInNetworkMode, transportOf } from "../../model/published.js";
import type { Amount, Environment, EnvVar, Instance, Model } from "../../model/types.js";
import { containerInstances, platformOf } from "../runtime/platform.js";
import { emittedEnv, secretVariable } from "../runtime/secrets.js";
import { emittedBuildArgs } from "./build-args.js";
import type { ComposeHealthcheck } from "./health.js";
import { literal } from "./literal.js";

/** The depends_on condition for what a service waits for. */
const CONDITIONS = {
  started: "service_started",
  healthy: "service_healthy",
  completed: "service_completed_successfully",
} as const;

export type ComposeService = Record<string, unknown>;

/** Whole MiB (Compose's `M`), rounded up: a limit a little above the model's is harmless, one below is not. */
function bytes(amount: number): string {
  return `${Math.ceil(amount / 2 ** 20)}M`;
}

function cpus(millicores: number): string {
  return String(millicores / 1000);
}

/** The containers each service runs as in an environment, in its order. Made once for all its services. */
export const containersByService = (environment: Environment): Map<string, Instance[]> =>
  groupBy(containerInstances(environment), (instance) => instance.service.id);

/** `host`: the host name another container reaches a service by, the first instance of it here. */
function variableValue(model: Model, host: (serviceId: string) => string, variable: EnvVar): string | null {
  const value = variable.value;
  switch (value.kind) {
    case "plain":
      return literal(value.value);
    case "host":
      return null;
    case "secret":
      return `\${${secretVariable(model, value.secret)}:?set ${value.secret} (see .env.example)}`;
    case "endpoint": {
      const port = value.port ? `:${value.port.port}` : "";
      const scheme = value.scheme ? `${value.scheme}://` : "";
      return literal(`${scheme}${host(value.service)}${port}${value.path ?? ""}`);
    }
    default: {
      const unreachable: never = value;
      throw new Error(`unknown variable kind ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A request becomes a reservation, a limit a limit; a single value is a limit, which reserves as much. */
function resources(memory: Amount | undefined, cpu: Amount | undefined): Record<string, unknown> | undefined {
  if (!memory && !cpu) return undefined;
  const limits: Record<string, string> = {};
  const reservations: Record<string, string> = {};
  if (cpu && !cpu.requestOnly) limits.cpus = cpus(cpu.limit);
  if (memory && !memory.requestOnly) limits.memory = bytes(memory.limit);
  if (cpu && (cpu.requestOnly || cpu.request !== cpu.limit)) reservations.cpus = cpus(cpu.request);
  if (memory && (memory.requestOnly || memory.request !== memory.limit))
    reservations.memory = bytes(memory.request);
  const given = (values: Record<string, string>) => Object.keys(values).length > 0;
  return { ...(given(limits) ? { limits } : {}), ...(given(reservations) ? { reservations } : {}) };
}

/** Whether the model gives the instance a health check that the file leaves out (health-check-not-runnable). */
const leftOut = (instance: Instance, context: Pick<ServiceContext, "healthy">): boolean =>
  instance.service.health !== undefined && !context.healthy.has(instance.id);

export interface ServiceContext {
  model: Model;
  environment: Environment;
  /** Instances that got a runnable healthcheck, for `service_healthy`. */
  healthy: ReadonlySet<string>;
  /** Services another waits to see complete: they must be left to exit. */
  awaited: ReadonlySet<string>;
  /** Named volume names per instance and volume, made unique when a service runs twice. */
  volumeName: (instance: Instance, volume: string) => string;
  networks: (instance: Instance) => string[];
  /** See containersByService. */
  containers: ReadonlyMap<string, readonly Instance[]>;
  /** A path of the model's, as the compose file's folder reaches it. */
  path: (path: string) => string;
  /** See dependsOnUses. */
  dependsOn: DependsOn;
}

export function composeService(
  instance: Instance,
  context: ServiceContext,
  health: ComposeHealthcheck | undefined,
): ComposeService {
  const { model, environment } = context;
  const service = instance.service;
  const entry: ComposeService = {};
  if (instance.image) entry.image = instance.image;
  if (service.build) {
    const { dockerfile, target, args } = service.build;
    // The Dockerfile is the context's, so it stays as written.
    const buildContext = context.path(service.build.context);
    entry.build =
      dockerfile || target || args.length > 0
        ? {
            context: buildContext,
            ...(dockerfile ? { dockerfile } : {}),
            ...(target ? { target } : {}),
            ...(args.length > 0 ? { args: emittedBuildArgs(service.build).args } : {}),
          }
        : buildContext;
  }
  if (service.pull) entry.pull_policy = service.pull;
  const platform = platformOf(environment, instance);
  if (platform) entry.platform = platform;
  if (service.command !== undefined) entry.command = service.command;
  if (service.security.user !== undefined) entry.user = String(service.security.user);
  if (service.security.privileged) entry.privileged = true;
  if (service.security.readOnlyRoot) entry.read_only = true;
  if (service.security.capabilities.length > 0)
    entry.cap_add = service.security.capabilities.map((c) => c.name);
  if (service.security.dropped.length > 0) entry.cap_drop = service.security.dropped;
  if (service.security.unconfined.length > 0)
    entry.security_opt = service.security.unconfined.map((u) =>
      u.profile === "selinux" ? "label:disable" : `${u.profile}:unconfined`,
    );
  if (service.networkMode) entry.network_mode = service.networkMode;
  if (service.pid) entry.pid = service.pid;
  if (service.ipc) entry.ipc = service.ipc;
  if (service.usernsMode) entry.userns_mode = service.usernsMode;
  if (service.uts) entry.uts = service.uts;
  if (service.cgroup) entry.cgroup = service.cgroup;
  if (service.profiles.length > 0) entry.profiles = service.profiles;
  if (instance.containerName) entry.container_name = instance.containerName;
  // A job, or what another service waits to see complete, must be left to exit.
  const runsOnce = service.kind === "job" || context.awaited.has(service.id);
  entry.restart = service.restart ?? (runsOnce ? "no" : "unless-stopped");
  if (service.restart === "on-failure" && service.maxRestarts !== undefined)
    entry.restart = `on-failure:${service.maxRestarts}`;
  // The kind travels with the container, so importing this file again knows it without guessing.
  entry.labels = { [KIND_LABEL]: service.kind };
  const bindAll = environment.access.scope === "local" ? "127.0.0.1" : undefined;
  const ports = instance.publish.map((p) => {
    const bind = p.bind ?? bindAll;
    // "127.0.0.1::5432" or "5432": any free host port; "8090-8093:80", a free one of a pool.
    const host =
      p.host === undefined ? (bind ? `${bind}::` : "") : `${bind ? `${bind}:` : ""}${hostPortText(p)}:`;
    const transport = transportOf(p.port.protocol);
    return `${host}${p.port.port}${transport === "tcp" ? "" : `/${transport}`}`;
  });
  if (ports.length > 0 && publishesInNetworkMode(service.networkMode)) entry.ports = ports;
  const env = emittedEnv(instance);
  if (env.length > 0) {
    const host = (serviceId: string) => context.containers.get(serviceId)?.[0]?.id ?? serviceId;
    entry.environment = Object.fromEntries(env.map((v) => [v.name, variableValue(model, host, v)]));
  }
  const mounts = service.volumes
    .filter((v) => v.type !== "tmpfs")
    .map(
      (v) =>
        `${v.type === "bind" ? context.path(v.source) : context.volumeName(instance, v.name)}:${v.path}${v.readOnly ? ":ro" : ""}`,
    );
  if (mounts.length > 0) entry.volumes = mounts;
  const tmpfs = service.volumes.filter((v) => v.type === "tmpfs").map((v) => v.path);
  if (tmpfs.length > 0) entry.tmpfs = tmpfs;
  if (health) entry.healthcheck = health;
  else if (service.healthDisabled) entry.healthcheck = { disable: true };
  const dependsOn: Record<string, { condition: string; required?: false }> = {};
  for (const use of context.dependsOn(service)) {
    for (const target of (context.containers.get(use.target) ?? []).filter((i) => i !== instance)) {
      // Compose refuses service_healthy on a service without a healthcheck, so a check left out of
      // the file, or turned off (disable: true), is waited for as the default case is: started.
      const unwaitable = leftOut(target, context) || target.service.healthDisabled;
      const wait = use.wait === "healthy" && unwaitable ? "started" : use.wait;
      dependsOn[target.id] = {
        condition: wait
          ? CONDITIONS[wait]
          : context.healthy.has(target.id)
            ? "service_healthy"
            : "service_started",
        ...(use.optional ? { required: false as const } : {}),
      };
    }
  }
  if (Object.keys(dependsOn).length > 0) entry.depends_on = dependsOn;
  const networks = context.networks(instance);
  if (networks.length > 0 && !service.networkMode) entry.networks = networks;
  const deploy: Record<string, unknown> = {};
  if (instance.replicas.min !== 1) deploy.replicas = instance.replicas.min;
  const limits = resources(instance.memory, instance.cpu);
  if (limits) deploy.resources = limits;
  if (Object.keys(deploy).length > 0) entry.deploy = deploy;
  return entry;
}
