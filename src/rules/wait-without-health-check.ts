import { byPlace, named } from "./by-place.js";
import { composeWaits } from "./compose-waits.js";
import type { Rule } from "./rule.js";

export const waitWithoutHealthCheck: Rule = {
  id: "wait-without-health-check",
  severity: "warning",
  description: `A service waits for a dependency to be healthy that has no health check.`,
  why: `Compose refuses to start the dependent ("has no healthcheck configured") unless the dependency's image defines one, which nothing here shows; where the dependency is not required (required: false), it warns and starts the dependent without waiting, before the dependency is ready.`,
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
    const waited = composeWaits(context.model);
    const waits = context.model.services.flatMap((service) =>
      waited(service)
        .filter((use) => use.wait === "healthy" && !checked.has(use.target) && known.has(use.target))
        .map((use) => ({
          at: use.at,
          subject: { target: use.target, optional: use.optional },
          service: service.id,
        })),
    );
    for (const { at, subject, services } of byPlace(waits, (s) => `${s.target}:${s.optional}`)) {
      const { target } = subject;
      const they = services.length > 1 ? "them" : `'${services[0]}'`;
      // Not required, a dependency that cannot be healthy is passed over with a warning.
      const outcome = subject.optional
        ? `: as it is not required, Compose warns and starts ${they} without waiting for it to be ready`
        : "";
      context.report(
        at,
        `${named(services)} wait${services.length > 1 ? "" : "s"} for '${target}' to be healthy, but '${target}' has no health check${outcome}`,
        `give '${target}' a health check, or wait for it to start (condition: service_started)`,
      );
    }
  },
};
