/**
 * The order in which an environment's instances can start: each wave needs only instances of earlier
 * waves (through non-optional `uses` within the same environment). Instances caught in a cycle are
 * returned apart, since no order starts them.
 */
import { groupBy } from "../collections.js";
import { type CycleRoute, cycleRoutes } from "../model/cycle-routes.js";
import { inWaves } from "../model/dependency-waves.js";
import type { Environment, Instance } from "../model/types.js";

export interface StartupOrder {
  waves: Instance[][];
  /** Instances that depend on each other in a cycle (and those waiting on them). */
  blocked: Instance[];
}

/** The instances an instance waits for, among `instances`, indexed by service. */
function dependencies(instance: Instance, instances: Map<string, Instance[]>): Instance[] {
  const targets = new Set(instance.service.uses.filter((u) => !u.optional).map((u) => u.target));
  return [...targets].flatMap((target) =>
    (instances.get(target) ?? []).filter((other) => other !== instance),
  );
}

/** The instances that are started, not simply there, indexed by service. */
function startedInstances(environment: Environment): {
  started: Instance[];
  services: Map<string, Instance[]>;
} {
  // A file (an embedded database) is not started; it is simply there.
  const started = environment.instances.filter((i) => i.workload !== "File");
  return { started, services: groupBy(started, (instance) => instance.service.id) };
}

// The generators' preflight, the cycle rule, the document and the sequence diagram each ask for
// it: a resolved environment does not change, so its order is worked out once.
const orders = new WeakMap<Environment, StartupOrder>();

export function startupOrder(environment: Environment): StartupOrder {
  let order = orders.get(environment);
  if (!order) {
    const { started, services } = startedInstances(environment);
    order = inWaves(started, (instance) => dependencies(instance, services));
    orders.set(environment, order);
  }
  return order;
}

/** How each blocked instance waits: from itself through its dependencies into a cycle and round it. */
export function blockingCycles(
  environment: Environment,
  blocked: readonly Instance[],
  shown?: number,
): Map<Instance, CycleRoute<Instance>> {
  const { services } = startedInstances(environment);
  return cycleRoutes(blocked, (instance) => dependencies(instance, services), shown);
}
