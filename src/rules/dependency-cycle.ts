import { blockingCycles, startupOrder } from "../analyze/startup-order.js";
import { inWords } from "../collections.js";
import { type CycleRoute, routeText, SHOWN_STEPS } from "../model/cycle-routes.js";
import type { Environment, Instance } from "../model/types.js";
import { reportImported } from "./from-analyses.js";
import { inNamedEnvironment, type Rule, type RuleContext } from "./rule.js";

export const dependencyCycle: Rule = {
  id: "dependency-cycle",
  severity: "error",
  description: `Services use each other in a cycle, so no startup order exists.`,
  why: `Compose's depends_on and any startup ordering deadlock on a cycle. In a compose file, Compose also starts a service after those it links to, takes volumes from (volumes_from) or shares a namespace with (network_mode: service:vpn, and ipc, pid, uts, cgroup): it refuses a cycle through them too. Kubernetes manifests are not checked: Kubernetes starts workloads in no order, so two that name each other wait on nothing.`,
  fix: `Make one of the relations optional (it is not needed to start), or break the cycle.`,
  example: {
    bad: `a: { uses: [b] }
b: { uses: [a] }`,
    good: `a: { uses: [b] }
b: { uses: { a: { optional: true } } }`,
  },
  check(context) {
    // A compose service that names itself in depends_on, and the cycles through links, volumes_from
    // and shared namespaces, which the model does not keep.
    reportImported(context, "dependency-cycle");
    // Kubernetes starts every workload at once and waits for none: the uses read from manifests
    // (an env value naming another's Service) make no startup order to deadlock.
    if (context.model.readFrom === "kubernetes") return;
    // And a model's service that uses itself: the shortest cycle, which the startup order passes over.
    for (const service of context.model.services)
      for (const use of service.uses)
        if (use.target === service.id && !use.optional)
          context.report(
            use.at,
            `'${service.id}' uses itself, so it would wait for itself to start`,
            "leave it out of its own uses",
          );
    // A cycle is a mistake of the services' uses: the environments that run it are named in one
    // finding, at its first instance in the first of them.
    const cycles = new Map<string, FoundCycle>();
    const hint =
      context.model.readFrom === "compose"
        ? "remove one of the dependencies of the cycle (depends_on, links, volumes_from)"
        : "remove one of the dependencies of the cycle, or mark one optional: true";
    for (const environment of context.model.environments) {
      const { blocked } = startupOrder(environment);
      const routes = blockingCycles(environment, blocked, SHOWN_STEPS);
      // One finding a cycle, at the first of its instances in the file's order (a ring of four hundred
      // services is one mistake). Those that wait on it from outside are named in it: breaking the
      // cycle frees them, and a dependency of theirs is not one to remove.
      const outside = new Map<Instance, Instance[]>();
      for (const instance of blocked) {
        const route = routes.get(instance);
        if (route && route.closing !== instance)
          outside.set(route.cycle, [...(outside.get(route.cycle) ?? []), instance]);
      }
      const reported = new Set<Instance>();
      for (const instance of blocked) {
        const route = routes.get(instance);
        if (route && route.closing !== instance) continue;
        if (!route) {
          context.report(
            instance.at,
            `'${instance.id}' waits on a dependency cycle${inNamedEnvironment(context.model, environment)}`,
            hint,
          );
          continue;
        }
        if (reported.has(route.cycle)) continue;
        reported.add(route.cycle);
        const key = [...new Set(route.steps.map((step) => step.id))].sort().join("\n");
        const found = cycles.get(key) ?? { instance, route, environments: [], waiting: [] };
        found.environments.push(environment);
        for (const waiting of outside.get(route.cycle) ?? [])
          if (!found.waiting.includes(waiting.id)) found.waiting.push(waiting.id);
        cycles.set(key, found);
      }
    }
    for (const { instance, route, environments, waiting } of cycles.values())
      context.report(
        instance.at,
        `'${instance.id}' waits on a dependency cycle${inEnvironments(context, environments)}: ${routeText(route, (instance) => instance.id)}${waiting.length > 0 ? `; ${waitingText(waiting)} on it too` : ""}`,
        hint,
      );
  },
};

/** A cycle found in one or more environments, and the instances that wait on it from outside. */
interface FoundCycle {
  instance: Instance;
  route: CycleRoute<Instance>;
  environments: Environment[];
  waiting: string[];
}

/** " in 'dev'", " in 'dev' and 'staging'"; nothing for a file read as a model of its own. */
function inEnvironments(context: RuleContext, environments: readonly Environment[]): string {
  if (environments.length === 1) return inNamedEnvironment(context.model, environments[0]!);
  return context.model.readFrom === undefined
    ? ` in ${inWords(environments.map((environment) => `'${environment.id}'`))}`
    : "";
}

/** "'web' waits", "'nginx' and 'web' wait", "'a', 'b', 'c' and 5 more wait". */
function waitingText(waiting: readonly string[]): string {
  const names = waiting.slice(0, 3).map((id) => `'${id}'`);
  const more = waiting.length - names.length;
  return `${inWords(names, more)} wait${waiting.length > 1 ? "" : "s"}`;
}
