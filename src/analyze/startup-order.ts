/**
 * The order in which an environment's instances can start: each wave needs only instances of earlier
 * waves (through non-optional `uses` within the same environment). Instances caught in a cycle are
 * returned apart, since no order starts them.
 */
import { groupBy } from "../collections.js";
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

// Kahn's algorithm, a wave at a time: each instance counts the dependencies it still waits for, so
// the order costs the instances and their dependencies once, however long the chains (a file of
// thousands of services must not take minutes).
export function startupOrder(environment: Environment): StartupOrder {
  // A file (an embedded database) is not started; it is simply there.
  const started = environment.instances.filter((i) => i.workload !== "File");
  const position = new Map(started.map((instance, index) => [instance, index]));
  const services = groupBy(started, (instance) => instance.service.id);
  const waiting = new Map<Instance, number>();
  const edges: { from: Instance; to: Instance }[] = [];
  for (const instance of started) {
    const deps = dependencies(instance, services);
    waiting.set(instance, deps.length);
    for (const dep of deps) edges.push({ from: dep, to: instance });
  }
  const dependents = groupBy(edges, (edge) => edge.from);
  const waves: Instance[][] = [];
  let wave = started.filter((instance) => waiting.get(instance) === 0);
  while (wave.length > 0) {
    waves.push(wave);
    const next: Instance[] = [];
    for (const done of wave)
      for (const { to } of dependents.get(done) ?? []) {
        const left = waiting.get(to)! - 1;
        waiting.set(to, left);
        if (left === 0) next.push(to);
      }
    // Within a wave, instances keep the environment's order.
    wave = next.sort((a, b) => position.get(a)! - position.get(b)!);
  }
  return { waves, blocked: started.filter((instance) => waiting.get(instance)! > 0) };
}
