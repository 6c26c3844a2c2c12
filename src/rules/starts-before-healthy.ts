import { byPlace, named } from "./by-place.js";
import { composeWaits } from "./compose-waits.js";
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
    for (const id of context.model.imageHealthChecks ?? []) checked.add(id);
    const waited = composeWaits(context.model);
    const waits = context.model.services.flatMap((service) =>
      waited(service)
        .filter((use) => use.wait === "started" && checked.has(use.target))
        .map((use) => ({ at: use.at, subject: use.target, service: service.id })),
    );
    for (const { at, subject: target, services } of byPlace(waits)) {
      context.report(
        at,
        `${named(services)} wait${services.length > 1 ? "" : "s"} only for '${target}' to start, not for its health check to pass`,
        `wait for it: depends_on: { ${target}: { condition: service_healthy } } in Compose, no wait: started in the model`,
      );
    }
  },
};
