/** Kubernetes objects as read from manifests, with the document each came from. */
import type { KeyPath, YamlFile } from "../../load/yaml-file.js";
import { isContainerPath, mountPoint } from "../../model/mounts.js";
import { asText, isObject, isReplicaCount, type Json } from "../json.js";
import type { PatchLayer } from "./patch-origin.js";

export { isObject, isReplicaCount, type Json };

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

export interface ManifestObject {
  kind: string;
  apiVersion: string;
  /** Its metadata.name, or the generateName prefix of one the API server names itself. */
  name: string;
  /** Named by generateName: each apply makes a new object, with a suffix of its own. */
  generated?: true;
  namespace?: string;
  /** The object, after any kustomize patches. */
  value: Json;
  /** The document it was written in, and where in it the object is, for locating findings. */
  yaml: YamlFile;
  base: KeyPath;
  /** The kustomize patches applied to it, in order: where the fields they set are written. */
  patches?: PatchLayer[];
  /** Each step of kustomize's renaming (namePrefix, nameSuffix), in order: the names before and after, and the entry. */
  renames?: Rename[];
  /**
   * The keys a secretGenerator's literals write out in the kustomization, and where: the values
   * themselves are never kept, only that they are no placeholder.
   */
  literals?: { key: string; yaml: YamlFile; at: KeyPath }[];
}

/** A step of renaming by kustomize: `at` is the kustomization's namePrefix or nameSuffix. */
export interface Rename {
  before: string;
  after: string;
  yaml: YamlFile;
  at: KeyPath;
}

/** The key of metadata its name is written at. */
export function nameKey(object: ManifestObject): "name" | "generateName" {
  return object.generated ? "generateName" : "name";
}

/**
 * A bare Pod runs containers too (a debug pod, an example's one-off): checked as a workload of one.
 * A ReplicaSet or ReplicationController written by hand runs its pods as a Deployment's do.
 */
export const workloadKinds = new Set([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
  "Job",
  "CronJob",
  "Pod",
]);

/** The workloads that keep a count of replicas, which an autoscaler may scale. */
export const replicatedKinds: ReadonlySet<string> = new Set([
  "Deployment",
  "StatefulSet",
  "ReplicaSet",
  "ReplicationController",
]);

/**
 * Kinds that carry nothing the model shows (access control, policy, mesh details). They are left
 * out quietly; any other kind is reported as skipped.
 */
export const quietKinds = new Set([
  "ServiceAccount",
  "Role",
  "RoleBinding",
  "ClusterRole",
  "ClusterRoleBinding",
  "NetworkPolicy",
  "LimitRange",
  "ResourceQuota",
  "PriorityClass",
  "StorageClass",
  "IngressClass",
  "Endpoints",
  "EndpointSlice",
]);

export const importedKinds = new Set([
  ...workloadKinds,
  "Service",
  "Ingress",
  "HorizontalPodAutoscaler",
  "PodDisruptionBudget",
  "ConfigMap",
  "Secret",
  "PersistentVolumeClaim",
  "Namespace",
]);

/** The pod spec of a workload, wherever its kind keeps it. */
export function podSpecOf(object: ManifestObject): { spec: Json; path: string[] } {
  const spec = asObject(object.value.spec);
  if (object.kind === "Pod") return { spec, path: ["spec"] };
  if (object.kind === "CronJob") {
    const template = asObject(asObject(asObject(spec.jobTemplate).spec).template);
    return { spec: asObject(template.spec), path: ["spec", "jobTemplate", "spec", "template", "spec"] };
  }
  return { spec: asObject(asObject(spec.template).spec), path: ["spec", "template", "spec"] };
}

/** A container of a workload's pod, with where it is written and how findings name it. */
export interface PodContainer {
  container: Json;
  /** The first of `containers` is the workload's own, which the model makes a service of. */
  first: boolean;
  init: boolean;
  /**
   * An init container with restartPolicy: Always, a native sidecar: it keeps running beside the
   * containers for the pod's whole life, so it counts where they do.
   */
  sidecar: boolean;
  /** Its path in the manifest, from the document's root. */
  path: KeyPath;
  /** 'api', or container 'agent' of 'api', or init container 'setup' of 'api'. */
  who: string;
}

/** Every container of a workload's pod, its init containers first. `service` names the workload. */
export function podContainers(object: ManifestObject, service: string = object.name): PodContainer[] {
  const { spec, path } = podSpecOf(object);
  return (["initContainers", "containers"] as const).flatMap((field) =>
    asArray(spec[field]).flatMap((container, index) => {
      if (!isObject(container)) return [];
      const init = field === "initContainers";
      const first = !init && index === 0;
      const who = first
        ? `'${service}'`
        : `${init ? "init container" : "container"} '${asText(container.name ?? index)}' of '${service}'`;
      const sidecar = init && container.restartPolicy === "Always";
      return [{ container, first, init, sidecar, path: [...object.base, ...path, field, index], who }];
    }),
  );
}

/** A key naming an object of a kind in a namespace, for the maps that find objects by reference. */
export const objectKey = (namespace: string, kind: string, name: string): string =>
  `${namespace}\u0000${kind}\u0000${name}`;

/**
 * The HorizontalPodAutoscaler that scales a workload, in its namespace, if one does: the first that
 * names it. Indexed once, since a cluster's dump holds thousands of each.
 */
export function autoscalerIndex(
  autoscalers: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
): (workload: ManifestObject) => ManifestObject | undefined {
  const byTarget = new Map<string, ManifestObject>();
  for (const autoscaler of autoscalers) {
    const ref = asObject(asObject(autoscaler.value.spec).scaleTargetRef);
    if (typeof ref.kind !== "string" || typeof ref.name !== "string") continue;
    const key = objectKey(namespaceOf(autoscaler), ref.kind, ref.name);
    if (!byTarget.has(key)) byTarget.set(key, autoscaler);
  }
  return (workload) => byTarget.get(objectKey(namespaceOf(workload), workload.kind, workload.name));
}

/** Objects by namespace, kind and name (see objectKey): the first of each. */
export function objectIndex(
  objects: readonly ManifestObject[],
  namespaceOf: (object: ManifestObject) => string,
): Map<string, ManifestObject> {
  const index = new Map<string, ManifestObject>();
  for (const object of objects) {
    const key = objectKey(namespaceOf(object), object.kind, object.name);
    if (!index.has(key)) index.set(key, object);
  }
  return index;
}

export function podLabelsOf(object: ManifestObject): Record<string, string> {
  const spec = asObject(object.value.spec);
  const template =
    object.kind === "Pod"
      ? object.value
      : object.kind === "CronJob"
        ? asObject(asObject(asObject(spec.jobTemplate).spec).template)
        : asObject(spec.template);
  return Object.fromEntries(
    Object.entries(asObject(asObject(template.metadata).labels)).map(([k, v]) => [k, asText(v)]),
  );
}

/** Whether a label selector's requirement holds for the labels; an operator it does not know, it cannot judge. */
function holds(expression: Json, labels: Record<string, string>): boolean {
  const key = asText(expression.key ?? "");
  const has = Object.hasOwn(labels, key);
  const values = asArray(expression.values).map(asText);
  switch (expression.operator) {
    case "In":
      return has && values.includes(labels[key]!);
    case "NotIn":
      return !has || !values.includes(labels[key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return true;
  }
}

/**
 * Whether a label selector (matchLabels and matchExpressions, as workloads, disruption budgets and
 * affinities write it) matches the labels. One with no requirement matches every pod: where that
 * means none instead, the caller says so.
 */
export function labelSelectorMatches(selector: Json, labels: Record<string, string>): boolean {
  return (
    Object.entries(asObject(selector.matchLabels)).every(([k, v]) => labels[k] === asText(v)) &&
    asArray(selector.matchExpressions)
      .filter(isObject)
      .every((e) => holds(e, labels))
  );
}

/** A label selector as findings show it: app=api, tier In (web, api). */
export function describeSelector(selector: Json): string {
  const equal = Object.entries(asObject(selector.matchLabels)).map(([k, v]) => `${k}=${asText(v)}`);
  const expressions = asArray(selector.matchExpressions)
    .filter(isObject)
    .map((e) => {
      const values = asArray(e.values).map(asText);
      return `${asText(e.key ?? "")} ${asText(e.operator ?? "")}${values.length > 0 ? ` (${values.join(", ")})` : ""}`;
    });
  return [...equal, ...expressions].join(", ");
}

/**
 * Whether a PodDisruptionBudget guards pods with these labels. An empty selector takes every pod of
 * the namespace in policy/v1, none before it.
 */
export function budgetGuards(budget: ManifestObject, labels: Record<string, string>): boolean {
  const selector = asObject(budget.value.spec).selector;
  return (
    isObject(selector) &&
    (hasRequirements(selector) || budget.apiVersion === "policy/v1") &&
    labelSelectorMatches(selector, labels)
  );
}

/** Whether a label selector states any requirement. */
export const hasRequirements = (selector: Json): boolean =>
  Object.keys(asObject(selector.matchLabels)).length > 0 || asArray(selector.matchExpressions).length > 0;

/** Whether every label a Service's selector asks for is on the pod. An empty selector selects nothing. */
export function selects(selector: Record<string, unknown>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === asText(v));
}

/**
 * The confinement a securityContext (a container's or the pod's) can turn off: its field, and the
 * type in it that turns it off (SELinux's spc_t, the super-privileged container's).
 */
export const PROFILE_FIELDS = [
  ["seccomp", "seccompProfile", "Unconfined"],
  ["apparmor", "appArmorProfile", "Unconfined"],
  ["selinux", "seLinuxOptions", "spc_t"],
] as const;

/** The capabilities a securityContext adds. */
export const addedCapabilities = (securityContext: Json): string[] =>
  asArray(asObject(securityContext.capabilities).add).map(asText);

/**
 * Where a container's volume mount is, as the runtime takes it: runc takes a relative mountPath from
 * the container's root (and warns), and `/data/` is `/data`.
 */
export const podMountPoint = (mountPath: string): string =>
  mountPoint(isContainerPath(mountPath) ? mountPath : `/${mountPath}`);
