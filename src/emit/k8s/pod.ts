/** The pod template every workload kind shares. */
import type { IPodSecurityContext } from "kubernetes-models/v1/PodSecurityContext";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { Environment, Instance, Model } from "../../model/types.js";
import { platformOf } from "../runtime/platform.js";
import { type ContainerParts, container } from "./container.js";
import type { InstanceStorage } from "./volumes.js";

export const CONFIG_HASH = "deployview.dev/config-hash";

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
  if (storage.volumes.length > 0) spec.volumes = storage.volumes;
  // A changed ConfigMap changes the template, so the pods roll and read the new values.
  const annotations = parts.configHash ? { annotations: { [CONFIG_HASH]: parts.configHash } } : {};
  return { metadata: { labels, ...annotations }, spec };
}
