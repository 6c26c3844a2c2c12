/**
 * Validation of generated manifests with kubernetes-models' precompiled validators (the API
 * schemas of the Kubernetes release that package version pins), one class per kind; strictly:
 * unknown fields are errors too, as with `kubectl apply --validate=strict`.
 */
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { Job } from "kubernetes-models/batch/v1/Job";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Service } from "kubernetes-models/v1/Service";
import { parseAllDocuments } from "yaml";
import { unknownFields } from "./strict-fields.js";

type Validating = { validate(): void };
const kinds: Record<string, (data: never) => Validating> = {
  "apps/v1 Deployment": (d) => new Deployment(d),
  "apps/v1 StatefulSet": (d) => new StatefulSet(d),
  "apps/v1 DaemonSet": (d) => new DaemonSet(d),
  "batch/v1 Job": (d) => new Job(d),
  "batch/v1 CronJob": (d) => new CronJob(d),
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
    errors.push(...unknownFields(object).map((e) => `${key} ${object.metadata?.name}: ${e}`));
    errors.push(...apiServerErrors(object).map((e) => `${key} ${object.metadata?.name}: ${e}`));
  }
  return errors;
}

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const labelPart = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function label(name: string): boolean {
  return name.length <= 63 && dns1123Label.test(name);
}

/** An IANA service name, as the API server requires of port names. */
function portName(name: string): boolean {
  return name.length <= 15 && dns1123Label.test(name) && /[a-z]/.test(name) && !name.includes("--");
}

/**
 * What the API server checks beyond the OpenAPI schema (which says only "string"): names, label
 * syntax, port names, unique ports, volume mounts that name a volume, selectors that match.
 */
export function apiServerErrors(object: ParsedObject): string[] {
  const errors: string[] = [];
  const name = object.metadata?.name ?? "";
  if (!label(name)) errors.push(`bad name '${name}'`);
  if (object.kind === "Service" && !/^[a-z]/.test(name))
    errors.push("a Service name must start with a letter");
  for (const [k, v] of Object.entries(object.metadata?.labels ?? {})) {
    const [prefix, last] = k.includes("/") ? k.split("/") : [undefined, k];
    if (!last || last.length > 63 || !labelPart.test(last) || (prefix && !/^[a-z0-9.-]+$/.test(prefix)))
      errors.push(`bad label key '${k}'`);
    if (v.length > 63 || !labelPart.test(v)) errors.push(`bad label value '${v}'`);
  }
  for (const k of Object.keys(object.data ?? {}))
    if (!/^[-._a-zA-Z0-9]+$/.test(k)) errors.push(`bad ConfigMap key '${k}'`);
  const spec = object.spec ?? {};
  if (object.kind === "Service") {
    const ports: { name?: string; port: number }[] = spec.ports ?? [];
    for (const p of ports)
      if (p.name !== undefined && !portName(p.name)) errors.push(`bad port name '${p.name}'`);
    if (ports.length > 1 && ports.some((p) => !p.name)) errors.push("several ports, not all named");
    if (new Set(ports.map((p) => p.port)).size !== ports.length) errors.push("a port twice");
    if (new Set(ports.map((p) => p.name)).size !== ports.length) errors.push("a port name twice");
  }
  const template = spec.jobTemplate?.spec?.template ?? spec.template;
  if (template) {
    const pod = template.spec;
    const volumes = new Set<string>([
      ...(pod.volumes ?? []).map((v: { name: string }) => v.name),
      ...(spec.volumeClaimTemplates ?? []).map((c: ParsedObject) => c.metadata.name),
    ]);
    for (const v of volumes) if (!label(v)) errors.push(`bad volume name '${v}'`);
    for (const container of pod.containers) {
      if (!label(container.name)) errors.push(`bad container name '${container.name}'`);
      const ports: { name?: string }[] = container.ports ?? [];
      for (const p of ports)
        if (p.name !== undefined && !portName(p.name)) errors.push(`bad port name '${p.name}'`);
      const names = ports.flatMap((p) => (p.name === undefined ? [] : [p.name]));
      if (new Set(names).size !== names.length) errors.push("a container port name twice");
      for (const m of container.volumeMounts ?? [])
        if (!volumes.has(m.name)) errors.push(`mount of unknown volume '${m.name}'`);
    }
    const selector: Record<string, string> = spec.selector?.matchLabels ?? {};
    for (const [k, v] of Object.entries(selector))
      if (template.metadata?.labels?.[k] !== v) errors.push(`selector ${k}=${v} does not match the pod`);
  }
  return errors;
}
