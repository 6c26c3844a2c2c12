/**
 * One workload (Deployment, StatefulSet, DaemonSet, Job, CronJob) → a service and its instance.
 * The first container is the service; other containers are noted on the instance. Each model path
 * is noted with the manifest path it came from, so findings point into the manifest.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import type { ServiceInputType } from "../../model/schema.js";
import { guessKind, serviceKinds } from "../compose/kinds.js";
import { asText } from "../json.js";
import {
  addedCapabilities,
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  PROFILE_FIELDS,
  podMountPoint,
  podSpecOf,
} from "./objects.js";
import type { SkaffoldBuild } from "./skaffold.js";

/** What the rest of the manifests say about a workload. */
export interface WorkloadContext {
  configMaps: Map<string, Json>;
  secrets: Map<string, Json>;
  claims: Map<string, Json>;
  /** Ports the Services in front of this workload give names to: container port → name. */
  servicePortNames: Map<number, string>;
  /** Container ports only the Services name (targetPort without containerPort). */
  serviceTargets: { port: number; name: string; protocol?: string }[];
  /** Record that a model path came from a manifest path of this workload. */
  note: (modelPath: KeyPath, manifestPath: KeyPath) => void;
  /** Secrets the workload refers to, by name. */
  usedSecrets: Set<string>;
  /** Images a build makes (Skaffold's artifacts): image name → its build. */
  builds?: ReadonlyMap<string, SkaffoldBuild>;
}

export interface ImportedWorkload {
  service: ServiceInputType;
  instance: Json;
  /** Container port → model port name. */
  portNames: Map<number, string>;
}

const key = (namespace: string | undefined, name: string) => `${namespace ?? ""}/${name}`;

/** The kubelet's pull policies as the model's. */
const PULL_POLICIES = new Map<unknown, ServiceInputType["pull"]>([
  ["Always", "always"],
  ["IfNotPresent", "missing"],
  ["Never", "never"],
]);

const seconds = (value: unknown) => (typeof value === "number" ? `${value}s` : undefined);

function amount(
  requests: Json,
  limits: Json,
  resource: string,
): string | { request: string; limit: string } | undefined {
  const request = requests[resource] === undefined ? undefined : asText(requests[resource]);
  const limit = limits[resource] === undefined ? undefined : asText(limits[resource]);
  if (request && limit) return request === limit ? limit : { request, limit };
  return limit ?? request;
}

export function importWorkload(
  id: string,
  object: ManifestObject,
  context: WorkloadContext,
): ImportedWorkload {
  const { spec: pod, path: podPath } = podSpecOf(object);
  const containers = asArray(pod.containers);
  const container = asObject(containers[0]);
  const containerPath = [...podPath, "containers", 0];
  const { note } = context;
  const servicePath = ["services", id];
  const image = typeof container.image === "string" ? container.image : undefined;
  // A Job runs to completion, whatever its image (a backup runs the database's image).
  const component = asObject(asObject(object.value.metadata).labels)["app.kubernetes.io/component"];
  const service: ServiceInputType = {
    kind:
      typeof component === "string" && serviceKinds.has(component)
        ? (component as ServiceInputType["kind"])
        : object.kind === "Job" || object.kind === "CronJob"
          ? "job"
          : guessKind(
              id,
              image,
              asArray(container.ports).map((port) => Number(asObject(port).containerPort)),
            ),
  };
  note(servicePath, ["metadata", "name"]);
  if (image) {
    service.image = image;
    note([...servicePath, "image"], [...containerPath, "image"]);
  }
  const built = image === undefined ? undefined : context.builds?.get(image);
  if (built)
    service.build = built.dockerfile
      ? { context: built.context, dockerfile: built.dockerfile }
      : built.context;
  // The name stands for the image the build makes, as Compose's pull_policy: build says.
  const pull = PULL_POLICIES.get(container.imagePullPolicy) ?? (built ? "build" : undefined);
  if (pull) service.pull = pull;
  const command = [...asArray(container.command), ...asArray(container.args)].map(asText);
  if (command.length > 0) {
    service.command = command;
    note(
      [...servicePath, "command"],
      [...containerPath, container.command === undefined ? "args" : "command"],
    );
  }

  // Ports: the container's own, named as the container or the Service in front of it names them.
  const portNames = new Map<number, string>();
  const ports: NonNullable<ServiceInputType["ports"]> = {};
  asArray(container.ports).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.containerPort !== "number") return;
    const name =
      (typeof raw.name === "string" ? raw.name : undefined) ??
      context.servicePortNames.get(raw.containerPort) ??
      `p${raw.containerPort}`;
    if (Object.hasOwn(ports, name)) return;
    ports[name] = raw.protocol === "UDP" ? { port: raw.containerPort, protocol: "udp" } : raw.containerPort;
    portNames.set(raw.containerPort, name);
    note([...servicePath, "ports", name], [...containerPath, "ports", index]);
  });
  for (const target of context.serviceTargets) {
    if (portNames.has(target.port) || Object.hasOwn(ports, target.name)) continue;
    ports[target.name] = target.protocol === "UDP" ? { port: target.port, protocol: "udp" } : target.port;
    portNames.set(target.port, target.name);
  }
  if (Object.keys(ports).length > 0) service.ports = ports;

  const portRef = (port: unknown): string | number | undefined => {
    if (typeof port === "number") return portNames.get(port) ?? port;
    if (typeof port === "string" && /^\d+$/.test(port)) return portNames.get(Number(port)) ?? Number(port);
    // A name the container does not give is reported where it is written (api-validation.ts), and left out.
    if (typeof port === "string" && Object.hasOwn(ports, port)) return port;
    return undefined;
  };
  // The liveness probe is the health check (it restarts the container, as compose's does); the
  // generator gives it the start period, which the readiness probe does not wait.
  const probeName = ["livenessProbe", "readinessProbe", "startupProbe"].find((p) => isObject(container[p]));
  if (probeName) {
    const probe = asObject(container[probeName]);
    const timing = {
      ...(seconds(probe.periodSeconds) ? { interval: seconds(probe.periodSeconds)! } : {}),
      ...(seconds(probe.timeoutSeconds) ? { timeout: seconds(probe.timeoutSeconds)! } : {}),
      ...(typeof probe.failureThreshold === "number" ? { retries: probe.failureThreshold } : {}),
      ...(seconds(probe.initialDelaySeconds) ? { "start-period": seconds(probe.initialDelaySeconds)! } : {}),
    };
    const http = asObject(probe.httpGet);
    const tcp = asObject(probe.tcpSocket);
    const grpc = asObject(probe.grpc);
    const exec = asObject(probe.exec);
    const health: ServiceInputType["health"] | undefined = isObject(probe.httpGet)
      ? { http: typeof http.path === "string" ? http.path : "/", ...withPort(portRef(http.port)), ...timing }
      : isObject(probe.tcpSocket) || isObject(probe.grpc)
        ? (() => {
            const port = portRef((isObject(probe.tcpSocket) ? tcp : grpc).port);
            return port === undefined ? undefined : { tcp: port, ...timing };
          })()
        : Array.isArray(exec.command)
          ? { command: exec.command.map(asText), ...timing }
          : undefined;
    if (health) {
      service.health = health;
      note([...servicePath, "health"], [...containerPath, probeName]);
    }
  }

  const resources = asObject(container.resources);
  const memory = amount(asObject(resources.requests), asObject(resources.limits), "memory");
  if (memory) {
    service.memory = memory;
    note([...servicePath, "memory"], [...containerPath, "resources"]);
  }
  const cpu = amount(asObject(resources.requests), asObject(resources.limits), "cpu");
  if (cpu) {
    service.cpu = cpu;
    note([...servicePath, "cpu"], [...containerPath, "resources"]);
  }

  const env = importEnv(object, container, containerPath, servicePath, context);
  if (Object.keys(env).length > 0) service.env = env;

  const { volumes, storage, notes } = importVolumes(
    object,
    pod,
    container,
    containerPath,
    servicePath,
    context,
  );
  if (Object.keys(volumes).length > 0) service.volumes = volumes;

  const podSecurity = asObject(pod.securityContext);
  const containerSecurity = asObject(container.securityContext);
  const runAsUser = containerSecurity.runAsUser ?? podSecurity.runAsUser;
  const runAsNonRoot = containerSecurity.runAsNonRoot ?? podSecurity.runAsNonRoot;
  const capabilities = addedCapabilities(containerSecurity);
  const dropped = asArray(asObject(containerSecurity.capabilities).drop).map(asText);
  // A profile turned off in the container, or for the whole pod where the container says nothing.
  const unconfined = PROFILE_FIELDS.flatMap(([profile, field]) => {
    const own = asObject(containerSecurity[field]).type;
    const type = own ?? asObject(podSecurity[field]).type;
    if (type !== "Unconfined") return [];
    const at =
      own === undefined
        ? [...podPath, "securityContext", field]
        : [...containerPath, "securityContext", field];
    return [{ profile, at }];
  });
  const security = {
    ...(typeof runAsNonRoot === "boolean" ? { "run-as-non-root": runAsNonRoot } : {}),
    ...(typeof runAsUser === "number" ? { user: runAsUser } : {}),
    ...(containerSecurity.readOnlyRootFilesystem === true ? { "read-only-root": true } : {}),
    ...(containerSecurity.privileged === true ? { privileged: true } : {}),
    ...(capabilities.length > 0 ? { capabilities } : {}),
    ...(dropped.length > 0 ? { drop: dropped } : {}),
    ...(unconfined.length > 0 ? { unconfined: unconfined.map((u) => u.profile) } : {}),
  };
  unconfined.forEach(({ at }, index) => {
    note([...servicePath, "security", "unconfined", index], at);
  });
  capabilities.forEach((_, index) => {
    note(
      [...servicePath, "security", "capabilities", index],
      [...containerPath, "securityContext", "capabilities", "add", index],
    );
  });
  dropped.forEach((_, index) => {
    note(
      [...servicePath, "security", "drop", index],
      [...containerPath, "securityContext", "capabilities", "drop", index],
    );
  });
  if (Object.keys(security).length > 0) {
    service.security = security;
    note(
      [...servicePath, "security"],
      isObject(container.securityContext)
        ? [...containerPath, "securityContext"]
        : [...podPath, "securityContext"],
    );
  }
  if (pod.hostNetwork === true) {
    service["network-mode"] = "host";
    note([...servicePath, "network-mode"], [...podPath, "hostNetwork"]);
  }
  if (pod.hostPID === true) {
    service.pid = "host";
    note([...servicePath, "pid"], [...podPath, "hostPID"]);
  }
  if (pod.hostIPC === true) {
    service.ipc = "host";
    note([...servicePath, "ipc"], [...podPath, "hostIPC"]);
  }
  if (object.kind === "Job" || object.kind === "CronJob") {
    if (pod.restartPolicy === "Never") service.restart = "no";
    else if (pod.restartPolicy === "OnFailure") service.restart = "on-failure";
    const spec = asObject(object.value.spec);
    const backoffLimit = (object.kind === "CronJob" ? asObject(asObject(spec.jobTemplate).spec) : spec)
      .backoffLimit;
    if (
      service.restart === "on-failure" &&
      Number.isSafeInteger(backoffLimit) &&
      (backoffLimit as number) >= 0
    )
      service["max-restarts"] = backoffLimit as number;
  }

  for (const [index, other] of containers.slice(1).entries()) {
    if (isObject(other))
      notes.push(
        `Also runs the container '${asText(other.name ?? index + 2)}' (${asText(other.image ?? "no image")})`,
      );
  }
  for (const init of asArray(pod.initContainers)) {
    if (isObject(init))
      notes.push(
        `Starts with the init container '${asText(init.name)}' (${asText(init.image ?? "no image")})`,
      );
  }
  const instance: Json = { workload: object.kind };
  const schedule = asObject(object.value.spec).schedule;
  if (object.kind === "CronJob" && typeof schedule === "string") instance.schedule = schedule;
  if (Object.keys(storage).length > 0) instance.storage = storage;
  if (notes.length > 0) instance.notes = notes;
  return { service, instance, portNames };
}

function withPort(port: string | number | undefined) {
  return port === undefined ? {} : { port };
}

function importEnv(
  object: ManifestObject,
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  context: WorkloadContext,
): NonNullable<ServiceInputType["env"]> {
  const env: NonNullable<ServiceInputType["env"]> = {};
  const namespace = object.namespace;
  asArray(container.envFrom).forEach((raw, index) => {
    const source = asObject(raw);
    const prefix = typeof source.prefix === "string" ? source.prefix : "";
    const mapName = asObject(source.configMapRef).name;
    const secretName = asObject(source.secretRef).name;
    if (typeof mapName === "string") {
      const data = asObject(asObject(context.configMaps.get(key(namespace, mapName))).data);
      for (const [name, value] of Object.entries(data)) {
        env[`${prefix}${name}`] = asText(value);
        context.note([...servicePath, "env", `${prefix}${name}`], [...containerPath, "envFrom", index]);
      }
    }
    if (typeof secretName === "string") {
      const secret = asObject(context.secrets.get(key(namespace, secretName)));
      context.usedSecrets.add(secretName);
      // Only the keys: a secret's values never enter the model.
      for (const name of [
        ...Object.keys(asObject(secret.data)),
        ...Object.keys(asObject(secret.stringData)),
      ]) {
        env[`${prefix}${name}`] = { secret: secretName, key: name };
        context.note([...servicePath, "env", `${prefix}${name}`], [...containerPath, "envFrom", index]);
      }
    }
  });
  asArray(container.env).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.name !== "string") return;
    const from = asObject(raw.valueFrom);
    const secretRef = asObject(from.secretKeyRef);
    const mapRef = asObject(from.configMapKeyRef);
    if (typeof secretRef.name === "string") {
      context.usedSecrets.add(secretRef.name);
      env[raw.name] = {
        secret: secretRef.name,
        ...(typeof secretRef.key === "string" ? { key: secretRef.key } : {}),
      };
    } else if (typeof mapRef.name === "string" && typeof mapRef.key === "string") {
      const value = asObject(asObject(context.configMaps.get(key(namespace, mapRef.name))).data)[mapRef.key];
      if (value === undefined) return;
      env[raw.name] = asText(value);
    } else if (raw.value !== undefined && raw.value !== null) {
      env[raw.name] = asText(raw.value);
    } else if (raw.valueFrom === undefined) {
      env[raw.name] = "";
    } else {
      // The downward API (pod name, IP, limits) has no counterpart in the model.
      return;
    }
    context.note([...servicePath, "env", raw.name], [...containerPath, "env", index, "value"]);
  });
  return env;
}

function importVolumes(
  object: ManifestObject,
  pod: Json,
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  context: WorkloadContext,
) {
  const volumes: NonNullable<ServiceInputType["volumes"]> = {};
  const storage: Record<string, string> = {};
  const notes: string[] = [];
  const podVolumes = new Map(
    asArray(pod.volumes)
      .filter(isObject)
      .map((v) => [asText(v.name), v]),
  );
  const templates = new Map(
    asArray(asObject(object.value.spec).volumeClaimTemplates)
      .filter(isObject)
      .map((t) => [asText(asObject(t.metadata).name), t]),
  );
  const sizeOf = (claim: Json | undefined) => {
    const size = asObject(asObject(asObject(claim?.spec).resources).requests).storage;
    return size === undefined ? undefined : asText(size);
  };
  // A second mount at one path is reported where it is written (mount-paths.ts); the model keeps the first.
  const taken = new Set<string>();
  asArray(container.volumeMounts).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.name !== "string" || typeof raw.mountPath !== "string") return;
    // runc takes a relative mount path from the container's root (and warns): so does the model.
    const mountPath = podMountPoint(raw.mountPath);
    if (taken.has(mountPath)) return;
    taken.add(mountPath);
    const name = raw.name;
    const readOnly = raw.readOnly === true ? { "read-only": true } : {};
    const template = templates.get(name);
    const volume = podVolumes.get(name);
    let entry: NonNullable<ServiceInputType["volumes"]>[string] | undefined;
    if (template) {
      const size = sizeOf(template);
      entry = { path: mountPath, type: "volume", ...(size ? { size } : {}), ...readOnly };
      if (size) storage[name] = size;
    } else if (volume && isObject(volume.persistentVolumeClaim)) {
      const claimName = asText(volume.persistentVolumeClaim.claimName ?? name);
      const size = sizeOf(context.claims.get(key(object.namespace, claimName)));
      entry = {
        path: mountPath,
        type: "volume",
        source: claimName,
        ...(size ? { size } : {}),
        ...readOnly,
      };
    } else if (volume && isObject(volume.hostPath)) {
      entry = { path: mountPath, type: "bind", source: asText(volume.hostPath.path ?? ""), ...readOnly };
    } else if (volume && volume.emptyDir !== undefined) {
      // Scratch space that lives and dies with the pod: not state.
      entry = { path: mountPath, type: "tmpfs" };
    } else if (volume) {
      const source = Object.keys(volume).find((k) => k !== "name") ?? "volume";
      const sourceName = asObject(volume[source]).name ?? asObject(volume[source]).secretName;
      notes.push(`Mounts ${source}${sourceName ? ` '${asText(sourceName)}'` : ""} at ${mountPath}`);
      return;
    } else return;
    // One volume mounted at two paths (subPath) is two mounts of it.
    const volumeKey = Object.hasOwn(volumes, name) ? `${name}-${index + 1}` : name;
    volumes[volumeKey] = entry;
    context.note([...servicePath, "volumes", volumeKey], [...containerPath, "volumeMounts", index]);
  });
  return { volumes, storage, notes };
}
