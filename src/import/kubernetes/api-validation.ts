/**
 * What the API server refuses in objects whose fields all have the right types and values (its
 * validation, beyond the OpenAPI schema; field-problems.ts holds fields to their types and values):
 * a restart policy the pod's kind does not take, a Recreate strategy told how to roll, two
 * containers of one pod with one name, a probe with two ways to probe or a liveness success
 * threshold other than 1, a host port unlike its container port on the host's network, a disruption
 * budget with both bounds, a Service with a port twice, several ports not all named or a node port
 * its type does not open, ephemeral containers in a manifest (ephemeral-containers.ts), a
 * privileged container that may not gain privileges (privileged-without-escalation.ts), and what
 * ingress-problems.ts finds in an Ingress. `kubectl apply` stops there. And what the container
 * runtime refuses later: a container that must not run as root given user 0 (root-user-refused.ts);
 * a capability Linux does not have, or one
 * written with the CAP_ that Kubernetes adds itself (capability-problems.ts); a probe of a port name
 * the container does not give, which the kubelet cannot find, and an exec probe written as a shell
 * command line, which the kubelet runs without a shell: the probe fails every time (probe-problems.ts).
 */

import { append } from "../../collections.js";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { isContainerPath } from "../../model/mounts.js";
import { isPortNumber } from "../../model/port-number.js";
import { parseQuantity } from "../../model/quantity.js";
import { asText, isReplicaCount } from "../json.js";
import { capabilityProblems } from "./capability-problems.js";
import { ephemeralContainerProblems } from "./ephemeral-containers.js";
import { ingressProblems } from "./ingress-problems.js";
import {
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  podContainers,
  podSpecOf,
} from "./objects.js";
import { locateIn, writtenIn } from "./patch-origin.js";
import { privilegedWithoutEscalation } from "./privileged-without-escalation.js";
import { PROBE_FIELDS } from "./probe-health.js";
import { probeProblems } from "./probe-problems.js";
import { isResourceQuantity, quantityHint } from "./quantity.js";
import { isSet, refused } from "./refusals.js";
import { rootUserRefused } from "./root-user-refused.js";

const RESTART_VALUES: ReadonlySet<string> = new Set(["Always", "OnFailure", "Never"]);

/** The restart policies a pod of each kind may have: a Job's pods end, the others' run on. */
const RESTART_POLICIES: Record<string, readonly string[]> = {
  Deployment: ["Always"],
  StatefulSet: ["Always"],
  DaemonSet: ["Always"],
  ReplicaSet: ["Always"],
  ReplicationController: ["Always"],
  Job: ["OnFailure", "Never"],
  CronJob: ["OnFailure", "Never"],
};

/** What the workload's own spec says that the API server refuses: a restart policy or a strategy. */
function workloadProblems(workload: ManifestObject): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { spec: pod, path: podPath } = podSpecOf(workload);
  const allowed = RESTART_POLICIES[workload.kind];
  // A policy of no known kind is the field's wrong value (field-problems.ts).
  const policy = pod.restartPolicy;
  if (allowed && typeof policy === "string" && RESTART_VALUES.has(policy) && !allowed.includes(policy))
    found.push(
      refused(
        workload,
        [...workload.base, ...podPath, "restartPolicy"],
        `a ${workload.kind}'s pods take restartPolicy ${allowed.join(" or ")}, not ${asText(pod.restartPolicy)}: the API server refuses it`,
        allowed.length === 1 ? "leave restartPolicy out" : `use ${allowed.join(" or ")}`,
      ),
    );
  // A pod template that sets none is given Always, which a Job's pods may not have.
  if (allowed && !allowed.includes("Always") && !isSet(policy))
    found.push(
      refused(
        workload,
        [...workload.base, ...podPath],
        `a ${workload.kind}'s pods take restartPolicy ${allowed.join(" or ")}, and these set none, so Always: the API server refuses it`,
        `set restartPolicy: ${allowed.join(" or ")} in the pod template`,
        "key",
      ),
    );
  const replicas = asObject(workload.value.spec).replicas;
  // A count the API server takes is a whole number from 0 to the largest 32-bit one (a fraction is
  // the field table's to report).
  if (typeof replicas === "number" && Number.isInteger(replicas) && !isReplicaCount(replicas))
    found.push(
      refused(
        workload,
        [...workload.base, "spec", "replicas"],
        `${workload.kind} '${workload.name}' asks for ${writtenIn(workload, [...workload.base, "spec", "replicas"], replicas)} replicas, which the API server refuses`,
        replicas < 0 ? "give 0 or more" : "give a whole number up to 2147483647",
      ),
    );
  const strategy = asObject(asObject(workload.value.spec).strategy);
  if (workload.kind === "Deployment" && strategy.type === "Recreate" && isSet(strategy.rollingUpdate))
    found.push(
      refused(
        workload,
        [...workload.base, "spec", "strategy", "rollingUpdate"],
        `Deployment '${workload.name}' recreates its pods, and says how to roll them too, which the API server refuses`,
        "leave rollingUpdate out, or use type: RollingUpdate",
      ),
    );
  return found;
}

function podProblems(workload: ManifestObject): Diagnostic[] {
  const found: Diagnostic[] = workloadProblems(workload);
  append(found, ephemeralContainerProblems(workload));
  const hostNetwork = podSpecOf(workload).spec.hostNetwork === true;
  // Init containers and containers share one namespace of names.
  const names = new Set<string>();
  for (const { container, path, who, first, init, sidecar } of podContainers(workload)) {
    if (init && !sidecar) append(found, initContainerRefusals(workload, container, path, who));
    // The first container is the service, whose missing image no-image reports.
    if (!first && (typeof container.image !== "string" || container.image === ""))
      found.push(
        refused(
          workload,
          [...path, "name"],
          `${who} has no image, which the API server requires of every container`,
          "give it the image it runs (image: registry/name:tag)",
        ),
      );
    asArray(container.ports).forEach((port, index) => {
      if (!isObject(port)) return;
      const at = [...path, "ports", index];
      const whose = `the port ${asText(port.containerPort)} of ${who}`;
      for (const field of ["containerPort", "hostPort"] as const) {
        const number = port[field];
        // A number of the wrong type is the field table's to report; one out of range is the API server's refusal.
        if (typeof number === "number" && !isPortNumber(number))
          found.push(
            refused(
              workload,
              [...at, field],
              `${field} ${writtenIn(workload, [...at, field], number)} of ${who} is no port: the API server takes 1 to 65535`,
              "give the port the container listens on (or the host's, for hostPort)",
            ),
          );
      }
      // On the host's network the container listens on the host's ports: there is nothing to map.
      if (hostNetwork && isSet(port.hostPort) && port.hostPort !== port.containerPort)
        found.push(
          refused(
            workload,
            [...at, "hostPort"],
            `${whose} is published on host port ${asText(port.hostPort)}, but the pod runs on the host's network, where the API server takes only the same port`,
            `set hostPort to ${asText(port.containerPort)}, or leave it out`,
          ),
        );
    });
    if (typeof container.name === "string") {
      if (names.has(container.name))
        found.push(
          refused(
            workload,
            [...path, "name"],
            `${workload.kind} '${workload.name}' has two containers named '${container.name}', which the API server refuses`,
            "give each container of the pod a name of its own",
          ),
        );
      names.add(container.name);
    }
    append(found, capabilityProblems(workload, container, path, who, first));
    append(found, rootUserRefused(workload, container, path, who));
    append(found, privilegedWithoutEscalation(workload, container, path, who));
    const resources = asObject(container.resources);
    // Memory and CPU the model cannot read either are the model's to report (invalid-quantity).
    for (const bound of ["requests", "limits"] as const)
      for (const [resource, value] of Object.entries(asObject(resources[bound])))
        if (!isResourceQuantity(value) && !unreadableInModel(resource, value))
          found.push(
            refused(
              workload,
              [...path, "resources", bound, resource],
              `${who} ${bound === "requests" ? "requests" : "is limited to"} ${resource} '${asText(value)}', which is no quantity Kubernetes reads: the API server refuses it`,
              quantityHint(asText(value), resource),
            ),
          );
    asArray(container.volumeMounts).forEach((mount, index) => {
      const mountPath = asObject(mount).mountPath;
      if (typeof mountPath === "string" && mountPath !== "" && !isContainerPath(mountPath))
        found.push(
          diagnostic(
            "schema-invalid-value",
            "warning",
            `${who} mounts at ${mountPath}, a relative path: runc takes it from the container's root, with a warning that it will refuse it`,
            locateIn(workload, [...path, "volumeMounts", index, "mountPath"], "value"),
            { hint: `write it from the root: /${mountPath}` },
          ),
        );
    });
    // A probe the API server refuses outright (initContainerRefusals) is reported once, as that.
    if (!init || sidecar) append(found, probeProblems(workload, container, path, who));
    append(found, envProblems(workload, container, path, who));
  }
  return found;
}

/**
 * What the API server refuses in an init container that runs to completion, before the pod serves:
 * probes and lifecycle hooks, which only a container that keeps running (a native sidecar) may have.
 */
function initContainerRefusals(
  workload: ManifestObject,
  container: Json,
  path: KeyPath,
  who: string,
): Diagnostic[] {
  return ([...PROBE_FIELDS, "lifecycle"] as const).flatMap((field) =>
    isSet(container[field])
      ? [
          refused(
            workload,
            [...path, field],
            `${who} has a ${field}, which the API server refuses for an init container that runs to completion`,
            `remove it, or make the container a native sidecar (restartPolicy: Always) if it keeps running`,
            "key",
          ),
        ]
      : [],
  );
}

/** A variable given both a value and where to read one: the API server takes one (an empty value is none). */
function envProblems(workload: ManifestObject, container: Json, path: KeyPath, who: string): Diagnostic[] {
  return asArray(container.env).flatMap((variable, index) => {
    if (!isObject(variable) || !isSet(variable.valueFrom)) return [];
    if (!isSet(variable.value) || asText(variable.value) === "") return [];
    return [
      refused(
        workload,
        [...path, "env", index, "valueFrom"],
        `the variable '${asText(variable.name)}' of ${who} has both value and valueFrom, which the API server refuses`,
        "keep one: value for a value written here, valueFrom for one read from a Secret, a ConfigMap or the pod",
        "key",
      ),
    ];
  });
}

function serviceProblems(service: ManifestObject): Diagnostic[] {
  const found: Diagnostic[] = [];
  const ports = asArray(asObject(service.value.spec).ports).filter(isObject);
  const seen = new Set<string>();
  let unnamed = false;
  asArray(asObject(service.value.spec).ports).forEach((port, index) => {
    if (!isObject(port)) return;
    const path = [...service.base, "spec", "ports", index];
    // Once, at the first port without a name.
    if (ports.length > 1 && !unnamed && (typeof port.name !== "string" || port.name === "")) {
      unnamed = true;
      found.push(
        refused(
          service,
          path,
          `Service '${service.name}' has ${ports.length} ports, not all of them named, which the API server refuses`,
          "name every port of a Service that has more than one",
        ),
      );
    }
    const type = asText(asObject(service.value.spec).type ?? "ClusterIP");
    if (isSet(port.nodePort) && type !== "NodePort" && type !== "LoadBalancer")
      found.push(
        refused(
          service,
          [...path, "nodePort"],
          `Service '${service.name}' is of type ${type}, which opens no node port, and asks for one, which the API server refuses`,
          "set type: NodePort (or LoadBalancer), or leave nodePort out",
        ),
      );
    const key = `${asText(port.port)}/${asText(port.protocol ?? "TCP")}`;
    if (isSet(port.port) && seen.has(key))
      found.push(
        refused(
          service,
          [...path, "port"],
          `Service '${service.name}' has port ${key} twice, which the API server refuses`,
          "give each port of the Service a number (and protocol) of its own",
        ),
      );
    seen.add(key);
  });
  return found;
}

/** A disruption budget says how many pods must stay or how many may go, not both. */
function budgetProblems(budget: ManifestObject): Diagnostic[] {
  const spec = asObject(budget.value.spec);
  if (!isSet(spec.minAvailable) || !isSet(spec.maxUnavailable)) return [];
  return [
    refused(
      budget,
      [...budget.base, "spec", "maxUnavailable"],
      `PodDisruptionBudget '${budget.name}' sets both minAvailable and maxUnavailable, which the API server refuses`,
      "keep one of them",
    ),
  ];
}

function unreadableInModel(resource: string, value: unknown): boolean {
  if (resource !== "memory" && resource !== "cpu") return false;
  return typeof value !== "string" && typeof value !== "number"
    ? true
    : parseQuantity(value, resource) === undefined;
}

export function apiValidationProblems(
  workloads: readonly ManifestObject[],
  services: readonly ManifestObject[],
  ingresses: readonly ManifestObject[],
  budgets: readonly ManifestObject[],
): Diagnostic[] {
  return [
    ...workloads.flatMap(podProblems),
    ...services.flatMap(serviceProblems),
    ...ingresses.flatMap(ingressProblems),
    ...budgets.flatMap(budgetProblems),
  ];
}
