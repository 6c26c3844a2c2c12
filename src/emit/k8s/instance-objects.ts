/**
 * Every object one instance needs: its ConfigMap, claims, workload (Deployment, StatefulSet,
 * DaemonSet or Job), Services, autoscaler and disruption budget.
 */

import { createHash } from "node:crypto";
import type { IDaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { ICronJob } from "kubernetes-models/batch/v1/CronJob";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IService } from "kubernetes-models/v1/Service";
import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { Environment, Instance, Model } from "../../model/types.js";
import { emittedEnv } from "../runtime/secrets.js";
import { plainValue, portName, portProtocol } from "./container.js";
import { instanceLabels, selectorLabels } from "./names.js";
import { namespaceOf, objectName } from "./placement.js";
import { podTemplate } from "./pod.js";
import { probes } from "./probes.js";
import { instanceStorage } from "./volumes.js";
import { yamlText } from "./yaml-text.js";

/** What a Kubernetes object needs for YAML output: plain data with apiVersion and kind. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
}

export const DEFAULT_CPU_TARGET = 80;

export interface InstanceObjects {
  objects: KubernetesObject[];
  diagnostics: Diagnostic[];
}

/** Scaling objects only make sense for workloads that keep a replica count. */
function scalable(instance: Instance): boolean {
  return (
    instance.workload === "Deployment" ||
    instance.workload === "StatefulSet" ||
    instance.workload === "Container"
  );
}

function servicePorts(instance: Instance): IServicePort[] {
  const published = new Map(instance.publish.map((p) => [p.port.name, p.host]));
  return instance.service.ports.map((port) => {
    return {
      name: portName(instance.service, port),
      port: published.get(port.name) ?? port.port,
      targetPort: port.port,
      protocol: portProtocol(port),
    };
  });
}

export function instanceObjects(
  model: Model,
  environment: Environment,
  instance: Instance,
  image: string,
): InstanceObjects {
  const name = objectName(environment, instance);
  const namespace = namespaceOf(environment, instance);
  const labels = instanceLabels(model, instance);
  const meta = (objectName: string) => ({ name: objectName, ...(namespace ? { namespace } : {}), labels });
  const selector = { matchLabels: selectorLabels(instance) };
  const objects: KubernetesObject[] = [];
  const diagnostics: Diagnostic[] = [];

  const data = Object.fromEntries(
    emittedEnv(instance).flatMap((v) => {
      const value = plainValue(environment, instance, v);
      return value === undefined ? [] : [[v.name, value]];
    }),
  );
  const configMap = Object.keys(data).length > 0 ? `${name}-config`.slice(0, 63) : undefined;
  if (configMap) {
    const map: IConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: meta(configMap), data };
    objects.push(map);
  }

  const health = instance.service.health;
  if (health && !probes(health)) {
    diagnostics.push(
      diagnostic(
        "health-check-not-runnable",
        "warning",
        `the ${health.type} health check of '${instance.service.id}' has no port to probe; the pods get no probes`,
        health.at,
        { hint: "give the service a port, or the health check a command" },
      ),
    );
  }
  const storage = instanceStorage(instance, name, labels, namespace);
  append(diagnostics, storage.diagnostics);
  append(objects, storage.claims);
  const parts = {
    image,
    ...(configMap
      ? { configMap, configHash: createHash("sha256").update(yamlText(data)).digest("hex").slice(0, 16) }
      : {}),
  };
  const replicas = instance.replicas.autoscale ? {} : { replicas: instance.replicas.min };
  const headless = `${name}-headless`.slice(0, 63);

  // A job's pods run to completion: restarted on failure unless the service says never.
  const jobSpec = () => ({
    template: podTemplate(
      model,
      environment,
      instance,
      labels,
      storage,
      parts,
      instance.service.restart === "no" ? "Never" : "OnFailure",
    ),
    ...(instance.service.maxRestarts !== undefined ? { backoffLimit: instance.service.maxRestarts } : {}),
  });
  switch (instance.workload) {
    case "StatefulSet": {
      const workload: IStatefulSet = {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: meta(name),
        spec: {
          serviceName: headless,
          ...replicas,
          selector,
          template: podTemplate(model, environment, instance, labels, storage, parts),
          ...(storage.claimTemplates.length > 0 ? { volumeClaimTemplates: storage.claimTemplates } : {}),
        },
      };
      objects.push(workload);
      break;
    }
    case "DaemonSet": {
      const workload: IDaemonSet = {
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        metadata: meta(name),
        spec: { selector, template: podTemplate(model, environment, instance, labels, storage, parts) },
      };
      objects.push(workload);
      break;
    }
    case "Job": {
      const workload: IJob = { apiVersion: "batch/v1", kind: "Job", metadata: meta(name), spec: jobSpec() };
      objects.push(workload);
      break;
    }
    case "CronJob": {
      // Without a schedule the preflight refuses it.
      if (!instance.schedule) break;
      const workload: ICronJob = {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: meta(name),
        spec: { schedule: instance.schedule, jobTemplate: { spec: jobSpec() } },
      };
      objects.push(workload);
      break;
    }
    case "Process":
    case "File":
      // Not a container at all.
      break;
    case "Deployment":
    case "Container": {
      const workload: IDeployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: meta(name),
        spec: {
          ...replicas,
          // A claim only one node can mount would keep a rolling update's new pod from starting.
          ...(storage.claims.some((c) => c.spec?.accessModes?.includes("ReadWriteOnce"))
            ? { strategy: { type: "Recreate" } }
            : {}),
          selector,
          template: podTemplate(model, environment, instance, labels, storage, parts),
        },
      };
      objects.push(workload);
      break;
    }
    default: {
      const unreachable: never = instance.workload;
      throw new Error(`unknown workload ${String(unreachable)}`);
    }
  }

  const ports = servicePorts(instance);
  if (ports.length > 0 && instance.workload !== "Job") {
    const service: IService = {
      apiVersion: "v1",
      kind: "Service",
      metadata: meta(name),
      // A port the model publishes is reachable from outside the cluster.
      spec: {
        ...(instance.publish.length > 0 ? { type: "LoadBalancer" } : {}),
        selector: selectorLabels(instance),
        ports,
      },
    };
    objects.push(service);
  }
  if (instance.workload === "StatefulSet") {
    const service: IService = {
      apiVersion: "v1",
      kind: "Service",
      metadata: meta(headless),
      spec: {
        clusterIP: "None",
        selector: selectorLabels(instance),
        ...(ports.length > 0 ? { ports: ports.map((p) => ({ ...p, port: Number(p.targetPort) })) } : {}),
      },
    };
    objects.push(service);
  }

  if (scalable(instance) && instance.replicas.autoscale) {
    if (!instance.cpu) {
      diagnostics.push(
        diagnostic(
          "autoscale-without-cpu-request",
          "warning",
          `'${instance.id}' autoscales on CPU but has no CPU request`,
          instance.at,
          {
            hint: "give the instance cpu: { request: 250m, limit: 1 }",
          },
        ),
      );
    }
    const autoscaler: IHorizontalPodAutoscaler = {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: meta(name),
      spec: {
        scaleTargetRef: {
          apiVersion: "apps/v1",
          kind: instance.workload === "StatefulSet" ? "StatefulSet" : "Deployment",
          name,
        },
        minReplicas: instance.replicas.min,
        maxReplicas: instance.replicas.max,
        metrics: [
          {
            type: "Resource",
            resource: {
              name: "cpu",
              target: {
                type: "Utilization",
                averageUtilization: instance.replicas.cpuTarget ?? DEFAULT_CPU_TARGET,
              },
            },
          },
        ],
      },
    };
    objects.push(autoscaler);
  }
  const chosen = instance.disruptionBudget;
  if (chosen !== false && scalable(instance) && (instance.replicas.min > 1 || chosen !== undefined)) {
    const limit =
      chosen?.minAvailable !== undefined
        ? { minAvailable: chosen.minAvailable }
        : { maxUnavailable: chosen?.maxUnavailable ?? 1 };
    const budget: IPodDisruptionBudget = {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: meta(name),
      // Pods that run but never become ready may always go: else, while they crash-loop, the
      // budget is not met and a node drain waits on them (the rule disruption-budget-without-eviction-policy).
      spec: { ...limit, unhealthyPodEvictionPolicy: "AlwaysAllow", selector },
    };
    objects.push(budget);
  }
  return { objects, diagnostics };
}
