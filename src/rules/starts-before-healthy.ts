import type { Rule } from "./rule.js";

export const startsBeforeHealthy: Rule = {
  id: "starts-before-healthy",
  severity: "warning",
  description: `A service waits only for the start of a dependency that has a health check.`,
  why: `The dependency's container is up before the service in it is ready: the dependent starts, fails to connect and crashes or retries, though the health check says exactly when to go.`,
  fix: `Wait for the dependency to be healthy: Compose's condition: service_healthy, or leave out wait: started in the model.`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4, uses: { db: { wait: started } } }
db: { kind: database, image: postgres:16, health: { command: [pg_isready] } }`,
    good: `api: { kind: api, image: shop/api:1.4, uses: [db] }
db: { kind: database, image: postgres:16, health: { command: [pg_isready] } }`,
  },
  check(context) {
    const checked = new Set(context.model.services.filter((s) => s.health).map((s) => s.id));
    for (const service of context.model.services) {
      for (const use of service.uses) {
        if (use.wait !== "started" || use.optional || !checked.has(use.target)) continue;
        context.report(
          use.at,
          `'${service.id}' waits only for '${use.target}' to start, not for its health check to pass`,
          `wait for it: depends_on: { ${use.target}: { condition: service_healthy } } in Compose, no wait: started in the model`,
        );
      }
    }
  },
};
