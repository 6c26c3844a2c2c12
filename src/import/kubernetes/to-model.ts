/**
 * Kubernetes objects → model input: each workload becomes a service and an instance in its
 * namespace's node, Services give ports their names and publish what a load balancer exposes,
 * Ingresses become ingress nodes with routes, autoscalers and disruption budgets shape replicas,
 * and an environment variable that names another Service's DNS name becomes a `uses` relation.
 */
import { append, groupBy } from "../../collections.js";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import type { ModelInputType, ServiceInputType } from "../../model/schema.js";
import { asText } from "../json.js";
import { apiValidationProblems } from "./api-validation.js";
import { deprecatedServiceAccountFindings } from "./deprecated-service-account.js";
import { duplicateEnvFindings } from "./duplicate-env.js";
import { evictionPolicyFindings } from "./eviction-policy.js";
import { extraContainerFindings } from "./extra-containers.js";
import { checksFields, fieldDiagnostics } from "./field-problems.js";
import { hardeningFindings } from "./hardening.js";
import { hostPortFindings } from "./host-ports.js";
import { ingressNodes } from "./ingress.js";
import { missingObjectFindings } from "./missing-objects.js";
import { mountPathFindings } from "./mount-paths.js";
import { nodePortProblems } from "./node-ports.js";
import { objectNameProblems } from "./object-names.js";
import {
  asArray,
  asObject,
  autoscalerIndex,
  budgetGuards,
  importedKinds,
  isObject,
  type Json,
  type ManifestObject,
  podSpecOf,
  quietKinds,
  selects,
  workloadKinds,
} from "./objects.js";
import { ownSelectorFindings } from "./own-selector.js";
import { podLabelIndex } from "./pod-label-index.js";
import { policyTargetFindings } from "./policy-targets.js";
import { portNameFindings } from "./port-names.js";
import { privilegeEscalationFindings } from "./privilege-escalation.js";
import { deriveUses } from "./relations.js";
import { removedApiFindings } from "./removed-apis.js";
import { serviceAccountFindings } from "./service-accounts.js";
import { sharedClaimFindings } from "./shared-claims.js";
import type { SkaffoldBuild } from "./skaffold.js";
import { spreadOf } from "./spread.js";
import { sysctlFindings } from "./sysctls.js";
import { targetPortFindings } from "./target-ports.js";
import { importWorkload } from "./workload.js";

export interface ImportedManifests {
  input: ModelInputType;
  locate: (path: KeyPath, prefer?: "key" | "value") => SourceRange;
  diagnostics: Diagnostic[];
  /** What a lint rule reports, at its configured severity (see Model.importFindings). */
  findings: Diagnostic[];
}

const key = (namespace: string | undefined, name: string) => `${namespace ?? ""}/${name}`;

/** The last definition of each object wins, as `kubectl apply` of the files in order would leave it. */
function distinct(objects: ManifestObject[], diagnostics: Diagnostic[]): ManifestObject[] {
  const byKey = new Map<string, ManifestObject>();
  for (const object of objects) {
    const id = `${object.kind}/${key(object.namespace, object.name)}`;
    const earlier = byKey.get(id);
    if (earlier) {
      diagnostics.push(
        diagnostic(
          "manifest-duplicate-object",
          "warning",
          `${object.kind} '${object.name}' is defined twice; the later definition is used`,
          locate(object.yaml, [...object.base, "metadata", "name"], "value"),
          {
            related: [
              {
                ...locate(earlier.yaml, [...earlier.base, "metadata", "name"], "value"),
                message: "first defined here",
              },
            ],
          },
        ),
      );
      byKey.delete(id);
    }
    byKey.set(id, object);
  }
  return [...byKey.values()];
}

export function manifestsToModel(
  name: string,
  all: ManifestObject[],
  environment: string,
  fallbackFile: string,
  options: { namespace?: string; builds?: ReadonlyMap<string, SkaffoldBuild> } = {},
): ImportedManifests {
  const diagnostics: Diagnostic[] = [];
  const objects = distinct(all, diagnostics);
  const defaultNamespace = options.namespace ?? "default";
  const namespaceOf = (o: ManifestObject) => o.namespace ?? defaultNamespace;
  const byKind = groupBy(objects, (object) => object.kind);
  const ofKind = (kind: string): ManifestObject[] => byKind.get(kind) ?? [];
  const index = (kind: string) => new Map(ofKind(kind).map((o) => [key(namespaceOf(o), o.name), o.value]));
  const configMaps = index("ConfigMap");
  const secrets = index("Secret");
  const claims = index("PersistentVolumeClaim");
  const services = ofKind("Service");
  const workloads = objects.filter((o) => workloadKinds.has(o.kind));

  const skipped = new Set<string>();
  for (const object of objects) {
    if (importedKinds.has(object.kind) || quietKinds.has(object.kind) || skipped.has(object.kind)) continue;
    skipped.add(object.kind);
    diagnostics.push(
      diagnostic(
        "manifest-kind-skipped",
        "info",
        `${object.kind} objects are not part of the model; '${object.name}' and any others are left out`,
        locate(object.yaml, [...object.base, "kind"], "value"),
      ),
    );
  }

  // A pod with no list of containers runs nothing the model can describe: say so where it is written.
  for (const workload of workloads) {
    const { spec, path } = podSpecOf(workload);
    const containers = spec.containers;
    if (Array.isArray(containers) && containers.some(isObject)) continue;
    // Something else than a list is a wrong type, reported with every field's where they are known.
    if (containers != null && !Array.isArray(containers) && checksFields(workload.apiVersion, workload.kind))
      continue;
    diagnostics.push(
      diagnostic(
        "schema-wrong-type",
        "warning",
        `the pod of ${workload.kind} '${workload.name}' has no list of containers; it is imported without an image`,
        locate(
          workload.yaml,
          [...workload.base, ...path, ...(containers === undefined ? [] : ["containers"])],
          "value",
        ),
        { hint: "containers: [{ name: …, image: … }]" },
      ),
    );
  }

  // Ids: the workload's name, qualified by its namespace when two namespaces use the same name.
  const names = new Map<string, number>();
  for (const w of workloads) names.set(w.name, (names.get(w.name) ?? 0) + 1);
  const idOf = new Map(
    workloads.map((w) => [w, names.get(w.name)! > 1 ? `${w.name}-${namespaceOf(w)}` : w.name]),
  );

  // Which workloads each Service selects the pods of; the model has it send traffic to the first.
  const pods = podLabelIndex(workloads, namespaceOf);
  const selected = new Map<ManifestObject, ManifestObject[]>();
  const serviceTarget = new Map<ManifestObject, ManifestObject>();
  for (const service of services) {
    const selector = asObject(asObject(service.value.spec).selector);
    const matched = pods
      .candidates(namespaceOf(service), selector)
      .filter((w) => selects(selector, pods.labelsOf(w)));
    selected.set(service, matched);
    if (matched[0]) serviceTarget.set(service, matched[0]);
  }
  const frontingOf = groupBy(serviceTarget.keys(), (service) => serviceTarget.get(service)!);
  /** The first disruption budget, in their order, that guards each workload's pods. */
  const budgetOf = new Map<ManifestObject, ManifestObject>();
  for (const budget of ofKind("PodDisruptionBudget")) {
    const selector = asObject(asObject(budget.value.spec).selector);
    for (const workload of pods.candidates(namespaceOf(budget), asObject(selector.matchLabels)))
      if (!budgetOf.has(workload) && budgetGuards(budget, pods.labelsOf(workload)))
        budgetOf.set(workload, budget);
  }
  const autoscalerFor = autoscalerIndex(ofKind("HorizontalPodAutoscaler"), namespaceOf);
  const nodePorts = nodePortProblems(services);
  // Appended list by list: a hostile file makes any of them long enough to overflow `push(...)`.
  for (const found of [
    apiValidationProblems(workloads, services, ofKind("Ingress"), ofKind("PodDisruptionBudget")),
    objects.flatMap(fieldDiagnostics),
    objectNameProblems(objects),
    nodePorts.diagnostics,
    missingObjectFindings(workloads, objects, namespaceOf),
  ])
    append(diagnostics, found);
  const findings: Diagnostic[] = [
    ...removedApiFindings(objects),
    ...hostPortFindings(workloads),
    ...mountPathFindings(workloads),
    ...sharedClaimFindings(workloads, objects, namespaceOf),
    ...nodePorts.findings,
    ...serviceAccountFindings(workloads, objects, namespaceOf),
    ...deprecatedServiceAccountFindings(workloads),
    ...privilegeEscalationFindings(workloads),
    ...evictionPolicyFindings(objects),
    ...hardeningFindings(workloads),
    ...policyTargetFindings(objects, workloads, namespaceOf, pods),
    ...portNameFindings([...workloads, ...services]),
    ...sysctlFindings(workloads),
    ...ownSelectorFindings(workloads),
    ...targetPortFindings(selected),
  ];
  // A Service whose selector matches no pod here sends its traffic nowhere; one without a selector
  // (ExternalName, endpoints kept by hand) chooses no pods on purpose.
  for (const service of services) {
    const selector = asObject(asObject(service.value.spec).selector);
    if (serviceTarget.has(service) || Object.keys(selector).length === 0) continue;
    const labels = Object.entries(selector)
      .map(([name, value]) => `${name}=${asText(value)}`)
      .join(", ");
    findings.push(
      diagnostic(
        "service-selects-nothing",
        "warning",
        `Service '${service.name}' selects no pods: no workload here is labelled ${labels}`,
        locate(service.yaml, [...service.base, "spec", "selector"], "value"),
        { hint: "match the labels of the workload's pod template, or add the workload's manifest" },
      ),
    );
  }

  const where = new Map<string, { object: ManifestObject; path: KeyPath }>();
  const noteFor = (object: ManifestObject) => (modelPath: KeyPath, manifestPath: KeyPath) =>
    where.set(JSON.stringify(modelPath), { object, path: [...object.base, ...manifestPath] });

  const modelServices: Record<string, ServiceInputType> = {};
  const namespaces = new Map<string, Record<string, Json>>();
  for (const namespace of ofKind("Namespace")) namespaces.set(namespace.name, {});
  const usedSecrets = new Set<string>();
  const portNamesOf = new Map<string, Map<number, string>>();
  const envPath = (namespace: string, id: string) => [
    "environments",
    environment,
    "nodes",
    "cluster",
    "nodes",
    namespace,
    "run",
    id,
  ];
  for (const workload of workloads) {
    const id = idOf.get(workload)!;
    const namespace = namespaceOf(workload);
    const fronting = frontingOf.get(workload) ?? [];
    const servicePortNames = new Map<number, string>();
    const serviceTargets: { port: number; name: string; protocol?: string }[] = [];
    for (const service of fronting) {
      for (const port of asArray(asObject(service.value.spec).ports).filter(isObject)) {
        const target =
          typeof port.targetPort === "number"
            ? port.targetPort
            : typeof port.port === "number"
              ? port.port
              : undefined;
        if (target === undefined) continue;
        const portName = typeof port.name === "string" ? port.name : `p${target}`;
        if (!servicePortNames.has(target)) servicePortNames.set(target, portName);
        serviceTargets.push({
          port: target,
          name: portName,
          ...(typeof port.protocol === "string" ? { protocol: port.protocol } : {}),
        });
      }
    }
    const note = noteFor(workload);
    append(findings, extraContainerFindings(workload, id, options.builds));
    append(findings, duplicateEnvFindings(workload, id));
    // Looked up in its namespace as the indexes key it: one left unnamed is the default.
    const imported = importWorkload(
      id,
      { ...workload, namespace: namespaceOf(workload) },
      {
        configMaps,
        secrets,
        claims,
        servicePortNames,
        serviceTargets,
        note,
        usedSecrets,
        ...(options.builds ? { builds: options.builds } : {}),
      },
    );
    portNamesOf.set(id, imported.portNames);
    modelServices[id] = imported.service;
    const instance = imported.instance;
    const path = envPath(namespace, id);
    note(path, ["metadata", "name"]);
    if (instance.schedule !== undefined) note([...path, "schedule"], ["spec", "schedule"]);

    const autoscaler = autoscalerFor(workload);
    const scalable = workload.kind === "Deployment" || workload.kind === "StatefulSet";
    let minimum = 1;
    if (autoscaler && scalable) {
      const spec = asObject(autoscaler.value.spec);
      const cpuMetric = asArray(spec.metrics)
        .map((m) => asObject(asObject(m).resource))
        .find((r) => r.name === "cpu");
      const target = asObject(cpuMetric?.target).averageUtilization ?? spec.targetCPUUtilizationPercentage;
      minimum = typeof spec.minReplicas === "number" ? spec.minReplicas : 1;
      instance.replicas = {
        min: minimum,
        max: typeof spec.maxReplicas === "number" ? spec.maxReplicas : minimum,
        ...(typeof target === "number" ? { "cpu-target": target } : {}),
      };
      noteFor(autoscaler)([...path, "replicas"], ["spec"]);
    } else if (scalable) {
      const replicas = asObject(workload.value.spec).replicas;
      minimum = typeof replicas === "number" ? replicas : 1;
      if (minimum !== 1) {
        instance.replicas = minimum;
        note([...path, "replicas"], ["spec", "replicas"]);
      }
    }
    if (scalable) {
      const budget = budgetOf.get(workload);
      const spec = asObject(budget?.value.spec);
      if (budget) {
        noteFor(budget)([...path, "disruption-budget"], ["spec"]);
        instance["disruption-budget"] = {
          ...(spec.minAvailable !== undefined ? { "min-available": spec.minAvailable } : {}),
          ...(spec.maxUnavailable !== undefined ? { "max-unavailable": spec.maxUnavailable } : {}),
        };
      } else if (minimum > 1) instance["disruption-budget"] = false;
      const maximum = isObject(instance.replicas) ? Number(instance.replicas.max) : minimum;
      const spread = spreadOf(podSpecOf(workload).spec);
      if (spread === "zone") instance.spread = "zone";
      else if (spread === undefined && maximum > 1) instance.spread = false;
    }

    // A LoadBalancer or NodePort Service publishes the workload's ports outside the cluster.
    const publish: Record<string, number> = {};
    for (const service of fronting) {
      const spec = asObject(service.value.spec);
      if (spec.type !== "LoadBalancer" && spec.type !== "NodePort") continue;
      asArray(spec.ports).forEach((raw, portIndex) => {
        const port = asObject(raw);
        const target = typeof port.targetPort === "number" ? port.targetPort : port.port;
        const portName =
          typeof port.targetPort === "string" ? port.targetPort : imported.portNames.get(Number(target));
        const host =
          spec.type === "NodePort" && typeof port.nodePort === "number" ? port.nodePort : port.port;
        if (!portName || typeof host !== "number" || Object.hasOwn(publish, portName)) return;
        publish[portName] = host;
        noteFor(service)([...path, "publish", portName], ["spec", "ports", portIndex]);
      });
    }
    if (Object.keys(publish).length > 0) instance.publish = publish;
    const run = namespaces.get(namespace) ?? {};
    run[id] = instance;
    namespaces.set(namespace, run);
  }

  deriveUses(modelServices, workloads, idOf, services, serviceTarget, namespaceOf, where);

  const clusterNodes: Record<string, Json> = {};
  for (const [namespace, run] of namespaces) {
    clusterNodes[namespace] = { kind: "namespace", ...(Object.keys(run).length > 0 ? { run } : {}) };
    const object = ofKind("Namespace").find((o) => o.name === namespace);
    if (object)
      noteFor(object)(
        ["environments", environment, "nodes", "cluster", "nodes", namespace],
        ["metadata", "name"],
      );
  }
  const ingresses = ingressNodes(
    ofKind("Ingress"),
    services,
    serviceTarget,
    idOf,
    portNamesOf,
    namespaceOf,
    clusterNodes,
    environment,
    noteFor,
    diagnostics,
  );
  const tls = ingresses.filter((i) => i.tls);
  const published = Object.values(clusterNodes).some((n) =>
    Object.values(asObject(n.run)).some((i) => isObject(i) && i.publish),
  );
  const modelSecrets = Object.fromEntries([...usedSecrets].sort().map((s) => [s, { source: "kubernetes" }]));
  const input = {
    system: { name },
    ...(usedSecrets.size > 0 ? { secrets: modelSecrets } : {}),
    services: modelServices,
    environments: {
      [environment]: {
        platform: "kubernetes",
        ...(ingresses.length > 0 || published ? { access: "public" } : {}),
        // Said of the environment only when it holds for every way in; each Ingress says it of itself.
        ...(tls.length > 0 && tls.length === ingresses.length
          ? { infrastructure: { TLS: `at the ingress (${tls.map((i) => i.id).join(", ")})` } }
          : {}),
        nodes: { cluster: { kind: "cluster", name: "Kubernetes cluster", nodes: clusterNodes } },
      },
    },
  } as unknown as ModelInputType;

  const fallback: SourceRange = { file: fallbackFile, start: 0, end: 0 };
  const locator = (path: KeyPath, prefer: "key" | "value" = "key"): SourceRange => {
    for (let length = path.length; length >= 0; length--) {
      const found = where.get(JSON.stringify(path.slice(0, length)));
      if (found) return locate(found.object.yaml, found.path, prefer);
    }
    return fallback;
  };
  return { input, locate: locator, diagnostics, findings };
}
