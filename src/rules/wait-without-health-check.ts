import { byPlace, named } from "./by-place.js";
import type { Rule } from "./rule.js";

export const waitWithoutHealthCheck: Rule = {
  id: "wait-without-health-check",
  severity: "warning",
  description: `A service waits for a dependency to be healthy that has no health check.`,
  why: `Compose refuses to start the dependent ("has no healthcheck configured") unless the dependency's image defines one, which nothing here shows.`,
  fix: `Give the dependency a health check, or wait only for it to start.`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4, uses: { db: { wait: healthy } } }
db: { kind: database, image: postgres:16 }`,
    good: `api: { kind: api, image: shop/api:1.4, uses: { db: { wait: healthy } } }
db: { kind: database, image: postgres:16, health: { command: [pg_isready] } }`,
  },
  check(context) {
    const checked = new Set(context.model.services.filter((s) => s.health).map((s) => s.id));
    for (const id of context.model.imageHealthChecks ?? []) checked.add(id);
    const known = new Set(context.model.services.map((s) => s.id));
    const waits = context.model.services.flatMap((service) =>
      service.uses
        .filter((use) => use.wait === "healthy" && !checked.has(use.target) && known.has(use.target))
        .map((use) => ({ at: use.at, subject: use.target, service: service.id })),
    );
    for (const { at, subject: target, services } of byPlace(waits)) {
      context.report(
        at,
        `${named(services)} wait${services.length > 1 ? "" : "s"} for '${target}' to be healthy, but '${target}' has no health check`,
        `give '${target}' a health check, or wait for it to start (condition: service_started)`,
      );
    }
  },
};
