/**
 * Kubernetes objects → model input: each workload becomes a service and an instance in its
 * namespace's node, Services give ports their names and publish what a load balancer exposes,
 * Ingresses become ingress nodes with routes, autoscalers and disruption budgets shape replicas,
 * and an environment variable that names another Service's DNS name becomes a `uses` relation.
 */
import { append, groupBy } from "../../collections.js";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import type { ModelInputType, ServiceInputType } from "../../model/schema.js";
import { idsOf, keyOr, mayBeKey, refusedIds } from "../model-ids.js";
import { PathMap } from "../path-map.js";
import { prototypeNameRenamed } from "../prototype-names.js";
import { isCustomResource } from "./api-groups.js";
import { duplicateEnvFindings } from "./duplicate-env.js";
import { duplicateFindings } from "./duplicate-objects.js";
import { extraContainerFindings } from "./extra-containers.js";
import { publishedPorts, servicePorts } from "./fronting-ports.js";
import { ingressNodes } from "./ingress.js";
import { manifestProblems } from "./manifest-problems.js";
import {
  asObject,
  importedKinds,
  isObject,
  type Json,
  type ManifestObject,
  nameKey,
  objectKey,
  quietKinds,
  workloadKinds,
} from "./objects.js";
import { locateIn } from "./patch-origin.js";
import { podLabelIndex } from "./pod-label-index.js";
import { podsWithoutContainers } from "./pods-without-containers.js";
import { deriveUses } from "./relations.js";
import { scaleInstance } from "./scaling.js";
import { budgetIndex, serviceSelection } from "./service-selection.js";
import { sidecarResourceFindings } from "./sidecar-resources.js";
import type { SkaffoldBuild } from "./skaffold.js";
import { importWorkload } from "./workload.js";

export interface ImportedManifests {
  input: ModelInputType;
  locate: (path: KeyPath, prefer?: "key" | "value") => SourceRange;
  diagnostics: Diagnostic[];
  /** What a lint rule reports, at its configured severity (see Model.importFindings). */
  findings: Diagnostic[];
  /** Services whose command ends in their container's args (see Model.commandArguments). */
  commandArguments: ReadonlyMap<string, number>;
  /** Services whose probes the model cannot state (see Model.imageHealthChecks). */
  probedUnread: ReadonlySet<string>;
  /** Services a Kubernetes Service sends traffic to (see Model.frontedServices). */
  fronted: ReadonlySet<string>;
  /** Services routed to through a targetPort no container names (see Model.unnamedTargetPorts). */
  unnamedTargetPorts: ReadonlySet<string>;
}

/**
 * Says once of each kind the model leaves out (a ConfigMap is read where it is used, and says
 * nothing), and once of each custom resource named as a kind it reads is, with its apiVersion.
 */
function skippedKinds(objects: readonly ManifestObject[], custom: readonly ManifestObject[]): Diagnostic[] {
  const skipped = new Map<string, { object: ManifestObject; what: string }>();
  for (const object of objects)
    if (!importedKinds.has(object.kind) && !quietKinds.has(object.kind) && !skipped.has(object.kind))
      skipped.set(object.kind, { object, what: `${object.kind} objects are not part of the model` });
  for (const object of custom) {
    const named = importedKinds.has(object.kind) || quietKinds.has(object.kind);
    const key = named ? `${object.apiVersion} ${object.kind}` : object.kind;
    if (!skipped.has(key))
      skipped.set(key, {
        object,
        what: named
          ? `${object.kind} objects of ${object.apiVersion} are custom resources, not part of the model`
          : `${object.kind} objects are not part of the model`,
      });
  }
  return [...skipped.values()].map(({ object, what }) =>
    diagnostic(
      "manifest-kind-skipped",
      "info",
      `${what}; '${object.name}' and any others are left out`,
      locateIn(object, [...object.base, "kind"], "value"),
    ),
  );
}

/**
 * The last definition of each object wins, as `kubectl apply` of the files in order would leave it;
 * what one kustomization gathers, kustomize refuses to build with an object in it twice. One named
 * by generateName is a new object each time, never another's second definition. One that names no
 * namespace is in the default one, the same object as one that names it.
 */
function distinct(
  objects: ManifestObject[],
  diagnostics: Diagnostic[],
  defaultNamespace: string,
  kustomization: boolean,
): ManifestObject[] {
  const byKey = new Map<string | ManifestObject, ManifestObject>();
  // By the file that defines again and the one it defines again: files written as alternatives to
  // each other (a quickstart, an all-in-one) would otherwise give a finding for every object.
  const again = new Map<string, { object: ManifestObject; earlier: ManifestObject }[]>();
  for (const object of objects) {
    if (object.generated) {
      byKey.set(object, object);
      continue;
    }
    const id = objectKey(object.namespace ?? defaultNamespace, object.kind, object.name);
    const earlier = byKey.get(id);
    if (earlier) {
      const pair = kustomization ? id : JSON.stringify([object.yaml.file, earlier.yaml.file]);
      const list = again.get(pair);
      if (list) list.push({ object, earlier });
      else again.set(pair, [{ object, earlier }]);
      byKey.delete(id);
    }
    byKey.set(id, object);
  }
  for (const list of again.values())
    for (const found of duplicateFindings(list, kustomization)) diagnostics.push(found);
  return [...byKey.values()];
}

/**
 * The model input: the services, the Secrets they read (by name only), and one environment whose
 * cluster holds the namespaces and Ingresses. It is public where anything is published or routed
 * from outside, and says TLS of itself where every Ingress has it.
 */
function modelInput(
  name: string,
  environment: string,
  parts: {
    services: Record<string, ServiceInputType>;
    secrets: ReadonlySet<string>;
    clusterNodes: Record<string, Json>;
    ingresses: readonly { id: string; tls: boolean }[];
  },
): ModelInputType {
  const { services, secrets, clusterNodes, ingresses } = parts;
  const tls = ingresses.filter((i) => i.tls);
  const published = Object.values(clusterNodes).some((n) =>
    Object.values(asObject(n.run)).some((i) => isObject(i) && i.publish),
  );
  return {
    system: { name },
    ...(secrets.size > 0
      ? { secrets: Object.fromEntries([...secrets].sort().map((s) => [s, { source: "kubernetes" }])) }
      : {}),
    services,
    environments: {
      [environment]: {
        platform: "kubernetes",
        ...(ingresses.length > 0 || published ? { access: "public" } : {}),
        ...(tls.length > 0 && tls.length === ingresses.length
          ? { infrastructure: { TLS: `at the ingress (${tls.map((i) => i.id).join(", ")})` } }
          : {}),
        nodes: { cluster: { kind: "cluster", name: "Kubernetes cluster", nodes: clusterNodes } },
      },
    },
  } as unknown as ModelInputType;
}

export function manifestsToModel(
  name: string,
  all: ManifestObject[],
  environment: string,
  fallbackFile: string,
  options: { namespace?: string; builds?: ReadonlyMap<string, SkaffoldBuild>; kustomization?: boolean } = {},
): ImportedManifests {
  const diagnostics: Diagnostic[] = [];
  const defaultNamespace = options.namespace ?? "default";
  const defined = distinct(all, diagnostics, defaultNamespace, options.kustomization === true);
  const objects = defined.filter((o) => !isCustomResource(o.apiVersion));
  const custom = defined.filter((o) => isCustomResource(o.apiVersion));
  const namespaceOf = (o: ManifestObject) => o.namespace ?? defaultNamespace;
  const byKind = groupBy(objects, (object) => object.kind);
  const ofKind = (kind: string): ManifestObject[] => byKind.get(kind) ?? [];
  const index = (kind: string) =>
    new Map(ofKind(kind).map((o) => [objectKey(namespaceOf(o), kind, o.name), o.value]));
  const configMaps = new Map(
    ofKind("ConfigMap").map((o) => [objectKey(namespaceOf(o), "ConfigMap", o.name), o] as const),
  );
  const secrets = index("Secret");
  const claims = index("PersistentVolumeClaim");
  const services = ofKind("Service");
  const workloads = objects.filter((o) => workloadKinds.has(o.kind));

  append(diagnostics, skippedKinds(objects, custom));
  append(diagnostics, podsWithoutContainers(workloads));

  // Ids: the workload's name, qualified by its namespace when two namespaces use the same name, and
  // numbered within one (two Jobs of one generateName prefix, a Deployment and a StatefulSet).
  const namespacesOf = new Map<string, Set<string>>();
  for (const w of workloads)
    namespacesOf.set(w.name, (namespacesOf.get(w.name) ?? new Set()).add(namespaceOf(w)));
  // The number each id goes on from, so that ten thousand Jobs of one prefix are numbered in one pass.
  // Numbered past a name no model may hold as a key, as past one already in use (model-ids.ts).
  const ids = refusedIds();
  const nextNumber = new Map<string, number>();
  const idOf = new Map(
    workloads.map((w) => {
      const base = namespacesOf.get(w.name)!.size > 1 ? `${w.name}-${namespaceOf(w)}` : w.name;
      let id = base;
      for (let n = nextNumber.get(base) ?? 2; ids.has(id); n++) {
        id = `${base.replace(/-$/, "")}-${n}`;
        nextNumber.set(base, n + 1);
      }
      ids.add(id);
      return [w, id];
    }),
  );

  const pods = podLabelIndex(workloads, namespaceOf);
  const selection = serviceSelection(services, pods, namespaceOf);
  const frontingOf = groupBy(selection.target.keys(), (service) => selection.target.get(service)!);
  const budgetOf = budgetIndex(ofKind("PodDisruptionBudget"), pods, namespaceOf);
  const problems = manifestProblems({
    objects,
    workloads,
    services,
    ofKind,
    namespaceOf,
    pods,
    selection,
    budgetOf,
  });
  append(diagnostics, problems.diagnostics);
  const { findings, autoscalerFor } = problems;

  const where = new PathMap<{ object: ManifestObject; path: KeyPath; prefer?: "key" | "value" }>();
  const noteFor =
    (object: ManifestObject) => (modelPath: KeyPath, manifestPath: KeyPath, prefer?: "key" | "value") =>
      where.set(modelPath, {
        object,
        path: [...object.base, ...manifestPath],
        ...(prefer ? { prefer } : {}),
      });

  const modelServices: Record<string, ServiceInputType> = {};
  const commandArguments = new Map<string, number>();
  const probedUnread = new Set<string>();
  const fronted = new Set<string>();
  const namespaces = new Map<string, Record<string, Json>>();
  for (const namespace of ofKind("Namespace")) namespaces.set(namespace.name, {});
  const usedSecrets = new Set<string>();
  // A Secret is a secret of the model by an id the model may hold (model-ids.ts), numbered past
  // the names of the Secrets defined, and reported once, where it is first referred to.
  const secretIds = new Map<string, string>();
  const secretNames = new Set(ofKind("Secret").map((o) => o.name));
  const secretId = (secretName: string, at: () => SourceRange): string => {
    let id = secretIds.get(secretName);
    if (id !== undefined) return id;
    id = keyOr(secretName, () => secretNames);
    secretIds.set(secretName, id);
    if (id !== secretName)
      diagnostics.push(
        prototypeNameRenamed(
          secretName,
          `the Secret '${secretName}'`,
          id,
          "secrets",
          at(),
          "rename the Secret, and each reference to it",
        ),
      );
    return id;
  };
  const portNamesOf = new Map<string, Map<number, string>>();
  // Each namespace is a node of the cluster, by an id the model may hold.
  const nodeIdOf = idsOf([...ofKind("Namespace").map((o) => o.name), ...workloads.map(namespaceOf)]);
  const envPath = (namespace: string, id: string) => [
    "environments",
    environment,
    "nodes",
    "cluster",
    "nodes",
    nodeIdOf.get(namespace)!,
    "run",
    id,
  ];
  for (const workload of workloads) {
    const id = idOf.get(workload)!;
    if (!mayBeKey(workload.name))
      diagnostics.push(
        prototypeNameRenamed(
          workload.name,
          `${workload.kind} '${workload.name}'`,
          id,
          "services",
          locateIn(workload, [...workload.base, "metadata", nameKey(workload)], "value"),
          "rename it, in its manifest and wherever another names it",
        ),
      );
    const namespace = namespaceOf(workload);
    const fronting = frontingOf.get(workload) ?? [];
    if (fronting.length > 0) fronted.add(id);
    const ports = servicePorts(fronting);
    append(diagnostics, ports.renamed);
    const note = noteFor(workload);
    append(findings, extraContainerFindings(workload, id, options.builds));
    append(findings, sidecarResourceFindings(workload, id, autoscalerFor(workload)));
    append(findings, duplicateEnvFindings(workload, id));
    // Looked up in its namespace as the indexes key it: one left unnamed is the default.
    const imported = importWorkload(
      id,
      { ...workload, namespace: namespaceOf(workload) },
      {
        configMaps,
        secrets,
        claims,
        noteFor,
        findings,
        diagnostics,
        servicePortNames: ports.names,
        serviceTargets: ports.targets,
        note,
        usedSecrets,
        secretId,
        ...(options.builds ? { builds: options.builds } : {}),
      },
    );
    portNamesOf.set(id, imported.portNames);
    modelServices[id] = imported.service;
    if (imported.argumentsFrom !== undefined) commandArguments.set(id, imported.argumentsFrom);
    if (imported.probesUnread) probedUnread.add(id);
    const instance = imported.instance;
    const path = envPath(namespace, id);
    note(path, ["metadata", nameKey(workload)]);
    if (instance.schedule !== undefined) note([...path, "schedule"], ["spec", "schedule"]);

    scaleInstance(workload, instance, path, {
      autoscaler: autoscalerFor(workload),
      budget: budgetOf.get(workload),
      noteFor,
    });

    // A LoadBalancer or NodePort Service publishes the workload's ports outside the cluster.
    const publish = publishedPorts(fronting, imported.portNames, (service, portName, manifestPath) =>
      noteFor(service)([...path, "publish", portName], manifestPath),
    );
    if (Object.keys(publish).length > 0) instance.publish = publish;
    const run = namespaces.get(namespace) ?? {};
    run[id] = instance;
    namespaces.set(namespace, run);
  }

  deriveUses(modelServices, {
    workloads,
    idOf,
    services,
    serviceTarget: selection.target,
    namespaceOf,
    where,
  });

  const clusterNodes: Record<string, Json> = {};
  // The first Namespace object of each name, as the model notes where a namespace is defined.
  const namespaceObjects = new Map<string, ManifestObject>();
  for (const object of ofKind("Namespace"))
    if (!namespaceObjects.has(object.name)) namespaceObjects.set(object.name, object);
  for (const [namespace, run] of namespaces) {
    const id = nodeIdOf.get(namespace)!;
    clusterNodes[id] = {
      kind: "namespace",
      ...(id !== namespace ? { name: namespace } : {}),
      ...(Object.keys(run).length > 0 ? { run } : {}),
    };
    const object = namespaceObjects.get(namespace);
    if (object)
      noteFor(object)(
        ["environments", environment, "nodes", "cluster", "nodes", id],
        ["metadata", nameKey(object)],
      );
  }
  const unnamedTargetPorts = new Set<string>();
  const ingresses = ingressNodes(ofKind("Ingress"), {
    services,
    serviceTarget: selection.target,
    idOf,
    portNamesOf,
    namespaceOf,
    clusterNodes,
    environment,
    noteFor,
    diagnostics,
    findings,
    unnamedTargetPorts,
  });
  const input = modelInput(name, environment, {
    services: modelServices,
    secrets: usedSecrets,
    clusterNodes,
    ingresses,
  });

  const fallback: SourceRange = { file: fallbackFile, start: 0, end: 0 };
  const locator = (path: KeyPath, prefer: "key" | "value" = "key"): SourceRange => {
    const found = where.nearest(path);
    return found ? locateIn(found.object, found.path, found.prefer ?? prefer) : fallback;
  };
  return {
    input,
    locate: locator,
    diagnostics,
    findings,
    commandArguments,
    probedUnread,
    fronted,
    unnamedTargetPorts,
  };
}
