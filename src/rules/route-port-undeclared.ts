import { numberWrittenWithin, undeclaredPortHint } from "./port-places.js";
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
      // A route that names no port goes to its target's first. One through a Service's targetPort
      // that no container names is reported there, where it is fixed.
      if (
        service &&
        !route.port &&
        service.ports.length === 0 &&
        !context.model.unnamedTargetPorts?.has(service.id)
      ) {
        context.report(
          route.at,
          `route ${route.path} goes to '${target}', which declares no port to send it to`,
          `add the port '${target}' listens on to its ports (ports: { http: 8080 })`,
        );
        continue;
      }
      if (route.port && service && !service.ports.includes(route.port)) {
        context.report(
          numberWrittenWithin(context.sources, route.portAt ?? route.at, route.port.port),
          `route ${route.path} goes to port ${route.port.port} of '${target}', which it does not declare`,
          undeclaredPortHint(service, route.port.port, "route to"),
        );
      }
    }
  },
};
