/** The container of an instance: image, arguments, ports, variables, probes, resources, security. */
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IContainerPort } from "kubernetes-models/v1/ContainerPort";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";
import type { ISecurityContext } from "kubernetes-models/v1/SecurityContext";
import { toKubeletReferences } from "../../model/kubelet-references.js";
import type { Amount, Environment, EnvVar, Instance, Model, Port, Service } from "../../model/types.js";
import { emittedEnv, secretVariable } from "../runtime/secrets.js";
import { dnsLabel } from "./names.js";
import { serviceHost } from "./placement.js";
import { probes } from "./probes.js";
import { byteQuantity, cpuQuantity } from "./quantity.js";

/** Compose splits a string command like a shell would, without running one; so do we. */
export function commandWords(command: string | string[]): string[] {
  if (Array.isArray(command)) return command;
  const words: string[] = [];
  for (const match of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    words.push(match[1]?.replace(/\\(.)/g, "$1") ?? match[2] ?? match[3] ?? "");
  }
  return words;
}

/** An IANA service name: at most 15 characters, a letter first, no double dash. */
function serviceName(text: string): string {
  return dnsLabel(text).slice(0, 15).replace(/-+$/, "").replace(/--+/g, "-");
}

const portNamesOf = new WeakMap<Service, ReadonlyMap<string, string>>();

/**
 * The names a service's ports go by in its container and its Service, by the model's port names.
 * Kubernetes wants them unique in both; names that shorten to the same 15 characters are numbered.
 */
function portNames(service: Service): ReadonlyMap<string, string> {
  const known = portNamesOf.get(service);
  if (known) return known;
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const port of service.ports) {
    const base = serviceName(port.name);
    let name = base;
    for (let count = 2; taken.has(name); count++)
      name = `${base.slice(0, 15 - `-${count}`.length).replace(/-+$/, "")}-${count}`;
    taken.add(name);
    names.set(port.name, name);
  }
  portNamesOf.set(service, names);
  return names;
}

/** The name of a service's port in Kubernetes (see portNames). */
export function portName(service: Service, port: Port): string {
  return portNames(service).get(port.name) ?? serviceName(port.name);
}

export function portProtocol(port: Port): "TCP" | "UDP" | "SCTP" {
  const protocol = port.protocol.toLowerCase();
  return protocol === "udp" ? "UDP" : protocol === "sctp" ? "SCTP" : "TCP";
}

/** A plain variable's value; an endpoint becomes a URL to the other Service's DNS name; others have none. */
export function plainValue(
  environment: Environment,
  instance: Instance,
  variable: EnvVar,
): string | undefined {
  const value = variable.value;
  switch (value.kind) {
    case "plain":
      return value.value;
    // Nothing in a cluster supplies it (the rule host-variable-in-cluster says so).
    case "host":
    case "secret":
      return undefined;
    case "endpoint": {
      const host = serviceHost(environment, instance, value.service);
      const port = value.port ? `:${value.port.port}` : "";
      const scheme = value.scheme ? `${value.scheme}://` : "";
      return `${scheme}${host}${port}${value.path ?? ""}`;
    }
    default: {
      const unreachable: never = value;
      throw new Error(`unknown variable kind ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The key a secret's value sits under: the model's key, else the variable that carries it. */
export function secretKey(model: Model, secret: string, key: string | undefined): string {
  return key ?? secretVariable(model, secret);
}

function secretEnv(model: Model, instance: Instance): IEnvVar[] {
  return emittedEnv(instance).flatMap((variable) =>
    variable.value.kind === "secret"
      ? [
          {
            name: variable.name,
            valueFrom: {
              secretKeyRef: {
                name: dnsLabel(variable.value.secret),
                key: secretKey(model, variable.value.secret, variable.value.key),
              },
            },
          },
        ]
      : [],
  );
}

function resources(memory: Amount | undefined, cpu: Amount | undefined): IResourceRequirements | undefined {
  if (!memory && !cpu) return undefined;
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  // A request written alone leaves the container uncapped, as Kubernetes does without a limit.
  if (cpu) {
    requests.cpu = cpuQuantity(cpu.request);
    if (!cpu.requestOnly) limits.cpu = cpuQuantity(cpu.limit);
  }
  if (memory) {
    requests.memory = byteQuantity(memory.request);
    if (!memory.requestOnly) limits.memory = byteQuantity(memory.limit);
  }
  return { requests, ...(Object.keys(limits).length > 0 ? { limits } : {}) };
}

function securityContext(instance: Instance): ISecurityContext | undefined {
  const security = instance.service.security;
  const context: ISecurityContext = {};
  if (security.privileged) context.privileged = true;
  else if (security.runAsNonRoot) context.allowPrivilegeEscalation = false;
  if (security.readOnlyRoot) context.readOnlyRootFilesystem = true;
  if (security.capabilities.length > 0 || security.dropped.length > 0)
    context.capabilities = {
      ...(security.capabilities.length > 0 ? { add: security.capabilities.map((c) => c.name) } : {}),
      ...(security.dropped.length > 0 ? { drop: security.dropped } : {}),
    };
  for (const { profile } of security.unconfined) {
    if (profile === "seccomp") context.seccompProfile = { type: "Unconfined" };
    else if (profile === "apparmor") context.appArmorProfile = { type: "Unconfined" };
    else context.seLinuxOptions = { type: "spc_t" };
  }
  return Object.keys(context).length > 0 ? context : undefined;
}

/**
 * The model's pull policy as the kubelet's. A built image is Compose's idea: in a cluster it comes
 * from a registry like any other, so the kubelet's default stands.
 */
const PULL_POLICIES: Record<NonNullable<Service["pull"]>, IContainer["imagePullPolicy"]> = {
  always: "Always",
  missing: "IfNotPresent",
  never: "Never",
  build: undefined,
};

export interface ContainerParts {
  image: string;
  configMap?: string;
  mounts: IContainer["volumeMounts"];
}

export function container(model: Model, instance: Instance, parts: ContainerParts): IContainer {
  const service = instance.service;
  const entry: IContainer = { name: dnsLabel(service.id), image: parts.image };
  const pull = service.pull === undefined ? undefined : PULL_POLICIES[service.pull];
  if (pull) entry.imagePullPolicy = pull;
  if (service.command !== undefined) {
    // The model's ${VAR} of a variable the container has, for the kubelet to fill in: $(VAR).
    const variables = new Set(emittedEnv(instance).map((variable) => variable.name));
    entry.args = commandWords(service.command).map((word) => toKubeletReferences(word, variables));
  }
  const ports: IContainerPort[] = service.ports.map((port) => {
    return { containerPort: port.port, name: portName(service, port), protocol: portProtocol(port) };
  });
  if (ports.length > 0) entry.ports = ports;
  if (parts.configMap) entry.envFrom = [{ configMapRef: { name: parts.configMap } }];
  const env = secretEnv(model, instance);
  if (env.length > 0) entry.env = env;
  const checks = probes(service.health);
  if (checks) {
    entry.livenessProbe = checks.liveness;
    entry.readinessProbe = checks.readiness;
  }
  const limits = resources(instance.memory, instance.cpu);
  if (limits) entry.resources = limits;
  if (parts.mounts && parts.mounts.length > 0) entry.volumeMounts = parts.mounts;
  const security = securityContext(instance);
  if (security) entry.securityContext = security;
  return entry;
}
