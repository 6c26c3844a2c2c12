/**
 * One workload (Deployment, StatefulSet, DaemonSet, Job, CronJob) → a service and its instance.
 * The first container is the service; other containers are noted on the instance. Each model path
 * is noted with the manifest path it came from, so findings point into the manifest.
 */
import { append } from "../../collections.js";
import type { Diagnostic, SourceRange } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { fromKubeletReferences } from "../../model/kubelet-references.js";
import type { ServiceInputType } from "../../model/schema.js";
import { guessKind, serviceKinds } from "../compose/kinds.js";
import { asText } from "../json.js";
import type { ServiceTarget } from "./fronting-ports.js";
import {
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  nameKey,
  podSpecOf,
} from "./objects.js";
import { PROBE_FIELDS, probeHealth } from "./probe-health.js";
import type { SkaffoldBuild } from "./skaffold.js";
import { importEnv } from "./workload-env.js";
import { containerPorts, portReference } from "./workload-ports.js";
import { hostNamespaces, workloadSecurity } from "./workload-security.js";
import { importVolumes } from "./workload-volumes.js";

/** What the rest of the manifests say about a workload. */
export interface WorkloadContext {
  configMaps: Map<string, ManifestObject>;
  secrets: Map<string, Json>;
  claims: Map<string, Json>;
  /** Ports the Services in front of this workload give names to: container port → name. */
  servicePortNames: Map<number, string>;
  /** Container ports only the Services name (targetPort without containerPort). */
  serviceTargets: ServiceTarget[];
  /**
   * Record that a model path came from a manifest path of this workload; `prefer` says where a
   * finding about it points when the manifest's key is not the place (a value written under it).
   */
  note: (modelPath: KeyPath, manifestPath: KeyPath, prefer?: "key" | "value") => void;
  /** Record that a model path came from a path of another object (a ConfigMap's value). */
  noteFor: (
    object: ManifestObject,
  ) => (modelPath: KeyPath, manifestPath: KeyPath, prefer?: "key" | "value") => void;
  /** What the rules report: values that look secret in a ConfigMap a container reads (workload-env.ts). */
  findings: Diagnostic[];
  /** What is reported whatever the rules say: names the model cannot hold (workload-env.ts). */
  diagnostics: Diagnostic[];
  /** Secrets the workload refers to, by their ids in the model. */
  usedSecrets: Set<string>;
  /** The model's id for the Secret `name`, which `at` refers to: reported there where it is not its name. */
  secretId: (name: string, at: () => SourceRange) => string;
  /** Images a build makes (Skaffold's artifacts): image name → its build. */
  builds?: ReadonlyMap<string, SkaffoldBuild>;
}

export interface ImportedWorkload {
  service: ServiceInputType;
  instance: Json;
  /** Container port → model port name. */
  portNames: Map<number, string>;
  /** The first word of the service's command that is the container's args, where it has any. */
  argumentsFrom?: number;
  /** Whether the container has probes, none of which the model can state (see Model.imageHealthChecks). */
  probesUnread?: true;
}

/** The kubelet's pull policies as the model's. */
const PULL_POLICIES = new Map<unknown, ServiceInputType["pull"]>([
  ["Always", "always"],
  ["IfNotPresent", "missing"],
  ["Never", "never"],
]);

function amount(
  requests: Json,
  limits: Json,
  resource: string,
): string | { request: string; limit?: string } | undefined {
  const request = requests[resource] === undefined ? undefined : asText(requests[resource]);
  const limit = limits[resource] === undefined ? undefined : asText(limits[resource]);
  if (request && limit) return request === limit ? limit : { request, limit };
  // A request alone stays a request: a single value would read as a limit, capping the container.
  return limit ?? (request ? { request } : undefined);
}

/**
 * The model's workload for a kind: a ReplicaSet or ReplicationController keeps a count of pods as a
 * Deployment does, without rolling them out, which the model does not tell apart.
 */
function modelWorkload(kind: string): string {
  return kind === "ReplicaSet" || kind === "ReplicationController" ? "Deployment" : kind;
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
  // A Job runs to completion, whatever its image (a backup runs the database's image), and so does
  // a bare Pod that is not restarted when it exits.
  const component = asObject(asObject(object.value.metadata).labels)["app.kubernetes.io/component"];
  const runsOnce =
    object.kind === "Job" ||
    object.kind === "CronJob" ||
    (object.kind === "Pod" && (pod.restartPolicy === "Never" || pod.restartPolicy === "OnFailure"));
  const service: ServiceInputType = {
    kind:
      typeof component === "string" && serviceKinds.has(component)
        ? (component as ServiceInputType["kind"])
        : runsOnce
          ? "job"
          : guessKind(
              id,
              image,
              asArray(container.ports).map((port) => Number(asObject(port).containerPort)),
            ),
  };
  note(servicePath, ["metadata", nameKey(object)]);
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
    // Each word, where it is written: command's, then args's.
    const words = asArray(container.command).length;
    for (const index of command.keys())
      note(
        [...servicePath, "command", index],
        index < words ? [...containerPath, "command", index] : [...containerPath, "args", index - words],
      );
  }

  const ports = containerPorts(object, container, containerPath, servicePath, context);
  if (Object.keys(ports.ports).length > 0) service.ports = ports.ports;
  const probe = probeHealth(container, (port) => portReference(ports, container, port));
  if (probe) {
    service.health = probe.health;
    note([...servicePath, "health"], [...containerPath, probe.field]);
  }
  // A probe of a port the container does not name is reported where it is written; the kubelet
  // still runs it, so the container is not one without a health check.
  const probesUnread = !probe && PROBE_FIELDS.some((field) => isObject(container[field]));

  const resources = asObject(container.resources);
  for (const resource of ["memory", "cpu"] as const) {
    const requests = asObject(resources.requests);
    const limits = asObject(resources.limits);
    const value = amount(requests, limits, resource);
    if (!value) continue;
    service[resource] = value;
    // Where each bound is written, so that one that cannot be read is reported there.
    const requestAt = [...containerPath, "resources", "requests", resource];
    const limitAt = [...containerPath, "resources", "limits", resource];
    if (typeof value === "object") {
      note([...servicePath, resource], [...containerPath, "resources"]);
      note([...servicePath, resource, "request"], requestAt);
      if (value.limit !== undefined) note([...servicePath, resource, "limit"], limitAt);
    } else note([...servicePath, resource], limits[resource] === undefined ? requestAt : limitAt);
  }

  const env = importEnv(object, container, containerPath, servicePath, context);
  if (Object.keys(env).length > 0) service.env = env;
  // The kubelet's $(VAR) of a variable the container has is the model's ${VAR}.
  if (Array.isArray(service.command)) {
    const variables = new Set(Object.keys(env));
    service.command = service.command.map((word) => fromKubeletReferences(word, variables));
  }

  const { volumes, storage, notes } = importVolumes(
    object,
    pod,
    container,
    containerPath,
    servicePath,
    context,
  );
  if (Object.keys(volumes).length > 0) service.volumes = volumes;

  const security = workloadSecurity(pod, podPath, container, containerPath, servicePath, note);
  if (security) service.security = security;
  Object.assign(service, hostNamespaces(pod, podPath, servicePath, note));
  Object.assign(service, jobRestart(object, pod));
  append(notes, otherContainers(containers, pod));
  // The model has no bare pod: one is a workload of one replica of the kind its service would take.
  const instance: Json = object.kind === "Pod" ? {} : { workload: modelWorkload(object.kind) };
  const schedule = asObject(object.value.spec).schedule;
  if (object.kind === "CronJob" && typeof schedule === "string") instance.schedule = schedule;
  if (Object.keys(storage).length > 0) instance.storage = storage;
  if (notes.length > 0) instance.notes = notes;
  const argumentsFrom = asArray(container.args).length > 0 ? asArray(container.command).length : undefined;
  return {
    service,
    instance,
    portNames: ports.names,
    ...(argumentsFrom !== undefined ? { argumentsFrom } : {}),
    ...(probesUnread ? { probesUnread } : {}),
  };
}

/** How a Job's pods are restarted: never, or on failure at most backoffLimit times. */
function jobRestart(object: ManifestObject, pod: Json): Pick<ServiceInputType, "restart" | "max-restarts"> {
  if (object.kind !== "Job" && object.kind !== "CronJob") return {};
  const restart =
    pod.restartPolicy === "Never" ? "no" : pod.restartPolicy === "OnFailure" ? "on-failure" : undefined;
  if (restart !== "on-failure") return restart ? { restart } : {};
  const spec = asObject(object.value.spec);
  const { backoffLimit } = object.kind === "CronJob" ? asObject(asObject(spec.jobTemplate).spec) : spec;
  return typeof backoffLimit === "number" && Number.isSafeInteger(backoffLimit) && backoffLimit >= 0
    ? { restart, "max-restarts": backoffLimit }
    : { restart };
}

/** The pod's other containers and its init containers, as notes: the model describes the first container. */
function otherContainers(containers: readonly unknown[], pod: Json): string[] {
  const notes: string[] = [];
  for (const [index, other] of containers.slice(1).entries())
    if (isObject(other))
      notes.push(
        `Also runs the container '${asText(other.name ?? index + 2)}' (${asText(other.image ?? "no image")})`,
      );
  for (const init of asArray(pod.initContainers)) {
    if (!isObject(init)) continue;
    const what = `'${asText(init.name)}' (${asText(init.image ?? "no image")})`;
    // A native sidecar starts before the containers too, but keeps running beside them.
    notes.push(
      init.restartPolicy === "Always"
        ? `Also runs the sidecar ${what}, started before it`
        : `Starts with the init container ${what}`,
    );
  }
  return notes;
}
