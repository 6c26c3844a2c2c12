/**
 * The uses a service's depends_on names. An optional one is no startup dependency, unless the model
 * says what it waits for: then it is written `required: false`, which Compose starts the service
 * without, and after it where both run (as an imported depends_on of that kind says). Compose
 * refuses a cycle of depends_on whatever `required` says, so an optional use that leads back to
 * the service (how a model breaks a cycle) stays out of it. Asked by the compose generator, and by
 * the rules about waits, which look at what the generated file will wait for.
 */
import type { Service, Use } from "./types.js";

export type DependsOn = (service: Service) => Use[];

export function dependsOnUses(running: Iterable<Service>): DependsOn {
  const services = new Map<string, Service>();
  for (const service of running) services.set(service.id, service);
  const reachable = new Map<string, Set<string>>();
  /** The services a service leads to through its uses, here. */
  const reachedFrom = (start: string): Set<string> => {
    const known = reachable.get(start);
    if (known) return known;
    const seen = new Set<string>();
    const next = [start];
    for (let id = next.pop(); id !== undefined; id = next.pop())
      for (const use of services.get(id)?.uses ?? [])
        if (!seen.has(use.target) && services.has(use.target)) {
          seen.add(use.target);
          next.push(use.target);
        }
    reachable.set(start, seen);
    return seen;
  };
  const written = new Map<string, Use[]>();
  return (service) => {
    const known = written.get(service.id);
    if (known) return known;
    const uses = service.uses.filter(
      (u) => !u.optional || (u.wait !== undefined && !reachedFrom(u.target).has(service.id)),
    );
    written.set(service.id, uses);
    return uses;
  };
}
