/**
 * What Compose starts a service after although its depends_on does not say so: the services it
 * links to, takes volumes from, or shares a namespace with (network_mode, ipc, pid, uts or cgroup
 * set to service:NAME). Compose adds each to depends_on, so a cycle through them stops it as one
 * through depends_on does ("dependency cycle detected").
 */

import type { KeyPath } from "../../load/yaml-file.js";
import { cycleRoutes, routeText, SHOWN_STEPS } from "../../model/cycle-routes.js";
import { inWaves } from "../../model/dependency-waves.js";
import { asText, isObject, itemsOrKeys, type Json } from "../json.js";
import type { ComposeProblem } from "./references.js";
import { readsFalse } from "./spec-walk.js";

/** A service named in one of a service's keys, and where. */
export interface ServiceReference {
  field: string;
  target: string;
  composePath: KeyPath;
}

const NAMESPACES = ["network_mode", "ipc", "pid", "uts", "cgroup"] as const;

/** The services `raw` (the service `id`) is started after without its depends_on naming them. */
export function implicitDependencies(id: string, raw: Json): ServiceReference[] {
  const found: ServiceReference[] = [];
  const at = (...steps: (string | number)[]) => ["services", id, ...steps];
  for (const { name, step } of itemsOrKeys(raw.links))
    found.push({ field: "links", target: asText(name).split(":")[0]!, composePath: at("links", step) });
  for (const field of NAMESPACES) {
    const value = raw[field];
    if (typeof value === "string" && value.startsWith("service:"))
      found.push({ field, target: value.slice("service:".length), composePath: at(field) });
  }
  for (const { name, step } of itemsOrKeys(raw.volumes_from)) {
    const text = asText(name);
    if (!text.startsWith("container:"))
      found.push({
        field: "volumes_from",
        target: text.split(":")[0]!,
        composePath: at("volumes_from", step),
      });
  }
  return found;
}

/**
 * A depends_on entry with `required: false`: the model keeps it as a use not needed to start, so
 * its startup order passes over it, yet Compose orders by it, and refuses a cycle through it.
 */
function notRequired(id: string, raw: Json): ServiceReference[] {
  if (!isObject(raw.depends_on)) return [];
  return Object.entries(raw.depends_on).flatMap(([target, entry]) =>
    isObject(entry) && readsFalse(entry.required)
      ? [{ field: "depends_on", target, composePath: ["services", id, "depends_on", target] }]
      : [],
  );
}

/**
 * Services caught in a dependency cycle, or waiting on one, that only these dependencies the model
 * does not order by make: one through the model's own uses is the dependency-cycle rule's to find.
 */
export function implicitCycles(services: Json): ComposeProblem[] {
  const defined = (name: string) => Object.hasOwn(services, name) && isObject(services[name]);
  const ids = Object.keys(services).filter(defined);
  const optionals = new Map(ids.map((id) => [id, notRequired(id, services[id] as Json)]));
  const implicit = new Map(
    ids.map((id) => [
      id,
      [...implicitDependencies(id, services[id] as Json), ...optionals.get(id)!].filter((r) =>
        defined(r.target),
      ),
    ]),
  );
  const explicit = new Map(
    ids.map((id) => {
      const optional = new Set(optionals.get(id)!.map((r) => r.target));
      const targets = itemsOrKeys((services[id] as Json).depends_on).map(({ name }) => asText(name));
      return [id, targets.filter((target) => target !== id && defined(target) && !optional.has(target))];
    }),
  );
  const blockedAnyway = new Set(inWaves(ids, (id) => explicit.get(id)!).blocked);
  const dependencies = (id: string) => [...explicit.get(id)!, ...implicit.get(id)!.map((r) => r.target)];
  const { blocked } = inWaves(ids, dependencies);
  const stuck = new Set(blocked);
  // One finding a cycle, at the first of its services, as the dependency-cycle rule reports those
  // of depends_on; a service that only waits on it from outside keeps its own.
  const routes = cycleRoutes(blocked, dependencies, SHOWN_STEPS);
  const reported = new Set<string>();
  const firstOfItsCycle = (id: string) => {
    const route = routes.get(id);
    if (route?.closing !== id) return true;
    if (reported.has(route.cycle)) return false;
    reported.add(route.cycle);
    return true;
  };
  const hint =
    "Compose starts a service after those it links to, takes volumes from or shares a namespace with, as after every entry of its depends_on, required or not: take one of them out of the cycle";
  return blocked
    .filter((id) => !blockedAnyway.has(id) && firstOfItsCycle(id))
    .map((id) => {
      const through = implicit.get(id)!.find((r) => stuck.has(r.target));
      if (through?.target === id)
        return {
          code: "dependency-cycle",
          message: `'${id}' names itself in ${through.field}, which Compose refuses as a dependency cycle`,
          hint: `remove '${id}' from its own ${through.field}`,
          composePath: through.composePath,
        };
      return through
        ? {
            code: "dependency-cycle",
            message: `'${id}' waits on a dependency cycle through ${through.field} '${through.target}', which Compose refuses`,
            hint,
            composePath: through.composePath,
          }
        : {
            code: "dependency-cycle",
            message: `'${id}' waits on a dependency cycle that Compose refuses: ${routeText(routes.get(id)!, String)}`,
            hint,
            ...entryOnRoute(id, services[id] as Json, routes.get(id)!.steps[1]),
          };
    });
}

/**
 * Where the depends_on entry of `raw` (the service `id`) that names `target`, the next service of its
 * route, is written: at the name, a mapping's key in the long form.
 */
function entryOnRoute(
  id: string,
  raw: Json,
  target: string | undefined,
): Pick<ComposeProblem, "composePath" | "at"> {
  const entry = itemsOrKeys(raw.depends_on).find(({ name }) => asText(name) === target);
  const composePath = ["services", id, "depends_on", ...(entry ? [entry.step] : [])];
  return typeof entry?.step === "string" ? { composePath, at: "key" } : { composePath };
}
