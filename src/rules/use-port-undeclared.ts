import type { Rule } from "./rule.js";

export const usePortUndeclared: Rule = {
  id: "use-port-undeclared",
  severity: "warning",
  description: `A service uses another on a port, or a variable points at one, that the other does not declare.`,
  why: `The connection goes to a port nothing listens on, or the model misses a port the other opens: either the documents are wrong or the service cannot connect.`,
  fix: `Name a port the other service declares (uses: { api: { port: http } }), or declare the port it listens on.`,
  example: {
    bad: `web: { uses: { api: { port: 9999 } } }
api: { ports: { http: 8080 } }`,
    good: `web: { uses: { api: { port: http } } }
api: { ports: { http: 8080 } }`,
  },
  check(context) {
    const byId = new Map(context.model.services.map((s) => [s.id, s]));
    const declares = (id: string, port: number) => byId.get(id)?.ports.some((p) => p.port === port) ?? true;
    const hint = (id: string) => {
      const ports = byId.get(id)?.ports.map((p) => `${p.name} (${p.port})`) ?? [];
      return ports.length > 0
        ? `'${id}' declares ${ports.join(", ")}`
        : `declare the port under '${id}' ports`;
    };
    for (const service of context.model.services) {
      for (const use of service.uses)
        if (use.port && !declares(use.target, use.port.port))
          context.report(
            use.at,
            `'${service.id}' uses '${use.target}' on port ${use.port.port}, which '${use.target}' does not declare`,
            hint(use.target),
          );
      for (const variable of service.env) {
        const value = variable.value;
        if (value.kind === "endpoint" && value.port && !declares(value.service, value.port.port))
          context.report(
            variable.at,
            `'${variable.name}' of '${service.id}' points at port ${value.port.port} of '${value.service}', which '${value.service}' does not declare`,
            hint(value.service),
          );
      }
    }
  },
};
