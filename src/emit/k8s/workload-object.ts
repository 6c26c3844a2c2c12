/**
 * The workload object that runs an instance's pods: a Deployment, StatefulSet, DaemonSet, Job or
 * CronJob, as the instance's workload says; none for what is not a container.
 */
import type { IDaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import type { ICronJob } from "kubernetes-models/batch/v1/CronJob";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IPersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { Instance } from "../../model/types.js";

export interface WorkloadParts {
  name: string;
  meta: (name: string) => { name: string; namespace?: string; labels: Record<string, string> };
  selector: { matchLabels: Record<string, string> };
  /** The pod template, restarted as a Job's pods are where `restartPolicy` says so. */
  template: (restartPolicy?: "OnFailure" | "Never") => IPodTemplateSpec;
  /** The headless Service a StatefulSet names its pods through. */
  headless: string;
  claimTemplates: IPersistentVolumeClaim[];
  /** A claim only one node can mount would keep a rolling update's new pod from starting. */
  recreate: boolean;
}

type WorkloadObject = IDeployment | IStatefulSet | IDaemonSet | IJob | ICronJob;

export function workloadObject(instance: Instance, parts: WorkloadParts): WorkloadObject | undefined {
  const { name, meta, selector, template } = parts;
  const replicas = instance.replicas.autoscale ? {} : { replicas: instance.replicas.min };
  // A job's pods run to completion: restarted on failure unless the service says never.
  const jobSpec = () => ({
    template: template(instance.service.restart === "no" ? "Never" : "OnFailure"),
    ...(instance.service.maxRestarts !== undefined ? { backoffLimit: instance.service.maxRestarts } : {}),
  });
  switch (instance.workload) {
    case "StatefulSet":
      return {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: meta(name),
        spec: {
          serviceName: parts.headless,
          ...replicas,
          selector,
          template: template(),
          ...(parts.claimTemplates.length > 0 ? { volumeClaimTemplates: parts.claimTemplates } : {}),
        },
      };
    case "DaemonSet":
      return {
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        metadata: meta(name),
        spec: { selector, template: template() },
      };
    case "Job":
      return { apiVersion: "batch/v1", kind: "Job", metadata: meta(name), spec: jobSpec() };
    case "CronJob":
      // Without a schedule the preflight refuses it.
      if (!instance.schedule) return undefined;
      return {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: meta(name),
        spec: { schedule: instance.schedule, jobTemplate: { spec: jobSpec() } },
      };
    case "Process":
    case "File":
      // Not a container at all.
      return undefined;
    case "Deployment":
    case "Container":
      return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: meta(name),
        spec: {
          ...replicas,
          ...(parts.recreate ? { strategy: { type: "Recreate" } } : {}),
          selector,
          template: template(),
        },
      };
    default: {
      const unreachable: never = instance.workload;
      throw new Error(`unknown workload ${String(unreachable)}`);
    }
  }
}
