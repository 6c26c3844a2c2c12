/**
 * Every object one instance needs: its ConfigMap, claims, workload (Deployment, StatefulSet,
 * DaemonSet or Job), Services, autoscaler and disruption budget.
 */

import { createHash } from "node:crypto";
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
import { autoscalerObject, disruptionBudgetObject } from "./scaling-objects.js";
import { instanceStorage } from "./volumes.js";
import { workloadObject } from "./workload-object.js";
import { yamlText } from "./yaml-text.js";

/** What a Kubernetes object needs for YAML output: plain data with apiVersion and kind. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
}

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
  const headless = `${name}-headless`.slice(0, 63);

  const workload = workloadObject(instance, {
    name,
    meta,
    selector,
    template: (restartPolicy) =>
      podTemplate(model, environment, instance, labels, storage, parts, restartPolicy),
    headless,
    claimTemplates: storage.claimTemplates,
    recreate: storage.claims.some((c) => c.spec?.accessModes?.includes("ReadWriteOnce")),
  });
  if (workload) objects.push(workload);

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
    if (!instance.cpu)
      diagnostics.push(
        diagnostic(
          "autoscale-without-cpu-request",
          "warning",
          `'${instance.id}' autoscales on CPU but has no CPU request`,
          instance.at,
          { hint: "give the instance cpu: { request: 250m, limit: 1 }" },
        ),
      );
    objects.push(autoscalerObject(instance, name, meta(name)));
  }
  const budget = scalable(instance) ? disruptionBudgetObject(instance, meta(name), selector) : undefined;
  if (budget) objects.push(budget);
  return { objects, diagnostics };
}
