/**
 * Validation of generated manifests with kubernetes-models' precompiled validators (the API
 * schemas of the Kubernetes release that package version pins), one class per kind.
 */
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Service } from "kubernetes-models/v1/Service";
import { parseAllDocuments } from "yaml";

type Validating = { validate(): void };
const kinds: Record<string, (data: never) => Validating> = {
  "apps/v1 Deployment": (d) => new Deployment(d),
  "apps/v1 StatefulSet": (d) => new StatefulSet(d),
  "apps/v1 DaemonSet": (d) => new DaemonSet(d),
  "batch/v1 Job": (d) => new Job(d),
  "autoscaling/v2 HorizontalPodAutoscaler": (d) => new HorizontalPodAutoscaler(d),
  "networking.k8s.io/v1 Ingress": (d) => new Ingress(d),
  "policy/v1 PodDisruptionBudget": (d) => new PodDisruptionBudget(d),
  "v1 ConfigMap": (d) => new ConfigMap(d),
  "v1 Namespace": (d) => new Namespace(d),
  "v1 PersistentVolumeClaim": (d) => new PersistentVolumeClaim(d),
  "v1 Service": (d) => new Service(d),
};

export interface ParsedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are read as untyped YAML in tests
  spec?: any;
  data?: Record<string, string>;
}

export function manifestObjects(text: string): ParsedObject[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(document.errors.map((e) => e.message).join("; "));
    return document.toJSON() as ParsedObject;
  });
}

/** Problems of every object in a manifest file: unknown kinds, schema errors, DNS-1123 names. */
export function manifestErrors(text: string): string[] {
  const errors: string[] = [];
  for (const object of manifestObjects(text)) {
    const key = `${object.apiVersion} ${object.kind}`;
    const make = kinds[key];
    if (!make) {
      errors.push(`no validator for ${key}`);
      continue;
    }
    try {
      make(object as never).validate();
    } catch (error) {
      errors.push(`${key} ${object.metadata?.name}: ${(error as Error).message}`);
    }
    const name = object.metadata?.name ?? "";
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63)
      errors.push(`${key}: bad name '${name}'`);
    if (object.kind === "Service" && !/^[a-z]/.test(name))
      errors.push(`Service '${name}' must start with a letter`);
  }
  return errors;
}
