/** The pod template every workload kind shares. */
import type { IPodSecurityContext } from "kubernetes-models/v1/PodSecurityContext";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { ITopologySpreadConstraint } from "kubernetes-models/v1/TopologySpreadConstraint";
import type { Environment, Instance, Model } from "../../model/types.js";
import { platformOf } from "../runtime/platform.js";
import { type ContainerParts, container } from "./container.js";
import { selectorLabels } from "./names.js";
import type { InstanceStorage } from "./volumes.js";

export const CONFIG_HASH = "deployview.dev/config-hash";

const spreadKeys = { node: "kubernetes.io/hostname", zone: "topology.kubernetes.io/zone" } as const;

/**
 * Replicas of one instance kept apart, so that one node (or zone) going down leaves the others:
 * preferred, not required, so a small cluster still schedules them all.
 */
function spreadOf(instance: Instance): ITopologySpreadConstraint[] | undefined {
  const keepsReplicas = ["Deployment", "StatefulSet", "Container"].includes(instance.workload);
  if (instance.spread === false || !keepsReplicas || instance.replicas.max < 2) return undefined;
  return [
    {
      maxSkew: 1,
      topologyKey: spreadKeys[instance.spread],
      whenUnsatisfiable: "ScheduleAnyway",
      labelSelector: { matchLabels: selectorLabels(instance) },
    },
  ];
}

/** `1000`, `"1000"` or `"1000:1000"` give ids; a user name cannot be said in Kubernetes. */
function podSecurity(instance: Instance): IPodSecurityContext | undefined {
  const security = instance.service.security;
  const context: IPodSecurityContext = {};
  if (security.runAsNonRoot) context.runAsNonRoot = true;
  const ids = /^(\d+)(?::(\d+))?$/.exec(String(security.user ?? ""));
  if (ids) {
    context.runAsUser = Number(ids[1]);
    if (ids[2] !== undefined) context.runAsGroup = Number(ids[2]);
  }
  return Object.keys(context).length > 0 ? context : undefined;
}

export function podTemplate(
  model: Model,
  environment: Environment,
  instance: Instance,
  labels: Record<string, string>,
  storage: InstanceStorage,
  parts: Omit<ContainerParts, "mounts"> & { configHash?: string },
  restartPolicy?: "OnFailure" | "Never",
): IPodTemplateSpec {
  const spec: IPodSpec = { containers: [container(model, instance, { ...parts, mounts: storage.mounts })] };
  if (restartPolicy) spec.restartPolicy = restartPolicy;
  const security = podSecurity(instance);
  if (security) spec.securityContext = security;
  const platform = platformOf(environment, instance);
  if (platform) spec.nodeSelector = { "kubernetes.io/arch": platform.split("/")[1] ?? platform };
  if (instance.service.networkMode === "host") spec.hostNetwork = true;
  if (instance.service.pid === "host") spec.hostPID = true;
  if (instance.service.ipc === "host") spec.hostIPC = true;
  const spread = spreadOf(instance);
  if (spread) spec.topologySpreadConstraints = spread;
  if (storage.volumes.length > 0) spec.volumes = storage.volumes;
  // A changed ConfigMap changes the template, so the pods roll and read the new values.
  const annotations = parts.configHash ? { annotations: { [CONFIG_HASH]: parts.configHash } } : {};
  return { metadata: { labels, ...annotations }, spec };
}
