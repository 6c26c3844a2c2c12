/**
 * The order in which an environment's instances can start: each wave needs only instances of earlier
 * waves (through non-optional `uses` within the same environment). Instances caught in a cycle are
 * returned apart, since no order starts them.
 */
import type { Environment, Instance } from "../model/types.js";

export interface StartupOrder {
  waves: Instance[][];
  /** Instances that depend on each other in a cycle (and those waiting on them). */
  blocked: Instance[];
}

/** The instances an instance waits for, in the same environment. */
export function dependenciesOf(environment: Environment, instance: Instance): Instance[] {
  const targets = new Set(instance.service.uses.filter((u) => !u.optional).map((u) => u.target));
  return environment.instances.filter((other) => other !== instance && targets.has(other.service.id));
}

export function startupOrder(environment: Environment): StartupOrder {
  // A file (an embedded database) is not started; it is simply there.
  const started = environment.instances.filter((i) => i.workload !== "File");
  const remaining = new Map(
    started.map((i) => [i, new Set(dependenciesOf(environment, i).filter((d) => d.workload !== "File"))]),
  );
  const waves: Instance[][] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter(([, deps]) => deps.size === 0).map(([instance]) => instance);
    if (ready.length === 0) break;
    waves.push(ready);
    for (const instance of ready) remaining.delete(instance);
    for (const deps of remaining.values()) for (const instance of ready) deps.delete(instance);
  }
  return { waves, blocked: [...remaining.keys()] };
}
