import type { Rule } from "./rule.js";

export const healthPortUndeclared: Rule = {
  id: "health-port-undeclared",
  severity: "error",
  description: `A health check is aimed at a port the service does not declare.`,
  why: `The probe knocks on a door nobody opens: the service is reported down while it works.`,
  fix: `Aim it at a declared port, or declare the port.`,
  example: {
    bad: `ports: { http: 8080 }
health: { tcp: 9090 }`,
    good: `ports: { http: 8080 }
health: { tcp: http }`,
  },
  check(context) {
    for (const service of context.model.services) {
      const port = service.health?.port;
      if (port && !service.ports.includes(port))
        context.report(
          service.health!.at,
          `the health check of '${service.id}' probes port ${port.port}, which it does not declare`,
        );
    }
  },
};
