import type { Rule } from "./rule.js";

export const routePortUndeclared: Rule = {
  id: "route-port-undeclared",
  severity: "error",
  description: `A route sends traffic to a port its target does not declare.`,
  why: `Requests on that route fail.`,
  fix: `Route to a declared port, or declare it.`,
  example: { bad: `routes: { /api/*: backend:9999 }`, good: `routes: { /api/*: backend:http }` },
  check(context) {
    const routes = [
      ...context.model.services.flatMap((s) => s.routes.map((r) => ({ route: r, target: r.target }))),
      ...context.model.environments.flatMap((e) =>
        e.allNodes.flatMap((n) =>
          n.routes.map((r) => ({
            route: r,
            target: e.instances.find((i) => i.id === r.target)?.service.id ?? r.target,
          })),
        ),
      ),
    ];
    for (const { route, target } of routes) {
      const service = context.model.services.find((s) => s.id === target);
      if (route.port && service && !service.ports.includes(route.port)) {
        context.report(
          route.at,
          `route ${route.path} goes to port ${route.port.port} of '${target}', which it does not declare`,
          `route to a port '${target}' declares (${service.ports.map((p) => p.name).join(", ") || "none yet"}), or declare it`,
        );
      }
    }
  },
};
