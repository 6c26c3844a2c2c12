/** Where an instance lands in the cluster: its namespace, its object names, the DNS name others use. */
import type { Environment, Instance } from "../../model/types.js";
import { ancestors, containerInstances } from "../runtime/platform.js";
import { dnsLabel } from "./names.js";

/** The namespace of the nearest enclosing namespace node; undefined means the kubectl context's. */
export function namespaceOf(environment: Environment, instance: Instance): string | undefined {
  const node = ancestors(environment, instance.node).find((n) => n.kind === "namespace");
  return node ? dnsLabel(node.id) : undefined;
}

/** Room left in a 63-character name for the suffixes of derived objects (`-headless`, `-config`, claims). */
const BASE_LENGTH = 40;
const derived = ["", "-headless", "-config"];
const names = new WeakMap<Environment, Map<string, string>>();

/**
 * The name of an instance's workload and Service. Ids that clean up to the same name (`api.v2`,
 * `api-v2`) get `-2`, `-3`, … in placement order, and so do ids whose derived objects' names
 * would clash with another's (`db` and `db-headless`).
 */
export function objectName(environment: Environment, instance: Instance): string {
  let known = names.get(environment);
  if (!known) {
    known = new Map();
    const taken = new Set<string>();
    for (const placed of containerInstances(environment)) {
      const stem = dnsLabel(placed.id).slice(0, BASE_LENGTH).replace(/-+$/, "");
      let name = stem;
      for (let n = 2; derived.some((suffix) => taken.has(`${name}${suffix}`)); n++) name = `${stem}-${n}`;
      for (const suffix of derived) taken.add(`${name}${suffix}`);
      known.set(placed.id, name);
    }
    names.set(environment, known);
  }
  return known.get(instance.id) ?? dnsLabel(instance.id);
}

/** Namespaces that hold something generated, in the order the model first places into them. */
export function usedNamespaces(environment: Environment): string[] {
  const names = containerInstances(environment).flatMap((i) => namespaceOf(environment, i) ?? []);
  return [...new Set(names)];
}

const byReference = new WeakMap<Environment, Map<string, Instance>>();

/** The instance that serves a reference by instance id, or by service id (the first placed). */
export function instanceFor(environment: Environment, target: string): Instance | undefined {
  let known = byReference.get(environment);
  if (!known) {
    known = new Map();
    const instances = containerInstances(environment);
    for (const instance of instances)
      if (!known.has(instance.service.id)) known.set(instance.service.id, instance);
    // An instance id wins over a service of the same name.
    for (const instance of instances) known.set(instance.id, instance);
    byReference.set(environment, known);
  }
  return known.get(target);
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
  const name = objectName(environment, target);
  return there === here ? name : `${name}.${there ?? "default"}.svc`;
}
