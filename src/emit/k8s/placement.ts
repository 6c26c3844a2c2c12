/** Where an instance lands in the cluster: its namespace, its object names, the DNS name others use. */
import type { Environment, Instance } from "../../model/types.js";
import { ancestors, containerInstances } from "../runtime/platform.js";
import { dnsLabel } from "./names.js";

/** The namespace of the nearest enclosing namespace node; undefined means the kubectl context's. */
export function namespaceOf(environment: Environment, instance: Instance): string | undefined {
  const node = ancestors(environment, instance.node).find((n) => n.kind === "namespace");
  return node ? dnsLabel(node.id) : undefined;
}

/** The name of an instance's workload and its Service. */
export function objectName(instance: Instance): string {
  return dnsLabel(instance.id);
}

/** Namespaces that hold something generated, in the order the model first places into them. */
export function usedNamespaces(environment: Environment): string[] {
  const names = containerInstances(environment).flatMap((i) => namespaceOf(environment, i) ?? []);
  return [...new Set(names)];
}

/** The instance that serves a reference by service id (the first placed) or instance id. */
export function instanceFor(environment: Environment, target: string): Instance | undefined {
  const instances = containerInstances(environment);
  return instances.find((i) => i.id === target) ?? instances.find((i) => i.service.id === target);
}

/**
 * The host name `from` reaches a service by: the Service's short name inside one namespace,
 * `name.namespace.svc` across namespaces. A service this environment does not run keeps its id.
 */
export function serviceHost(environment: Environment, from: Instance, serviceId: string): string {
  const target = instanceFor(environment, serviceId);
  if (!target) return dnsLabel(serviceId);
  const there = namespaceOf(environment, target);
  const here = namespaceOf(environment, from);
  return there === here ? objectName(target) : `${objectName(target)}.${there ?? "default"}.svc`;
}
