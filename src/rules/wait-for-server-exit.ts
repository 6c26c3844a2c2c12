import { shownToServe } from "../model/kinds.js";
import type { Model, Service } from "../model/types.js";
import { byPlace, named } from "./by-place.js";
import { composeWaits } from "./compose-waits.js";
import type { Rule } from "./rule.js";

/** The services with an instance, anywhere, that publishes ports: found once for the whole model. */
function publishing(model: Model): Set<Service> {
  const found = new Set<Service>();
  for (const environment of model.environments)
    for (const instance of environment.instances)
      if (instance.publish.length > 0) found.add(instance.service);
  return found;
}

/** Why a service runs until it is stopped, if what the model says of it shows that it does. */
function runsUntilStopped(service: Service, published: ReadonlySet<Service>): string | undefined {
  const shown = shownToServe({
    restart: service.restart,
    health: service.health !== undefined,
    publishes: published.has(service),
  });
  if (shown) return shown;
  // The image of a store runs its server; one given a command may be run for a one-off (psql -f …).
  return SERVERS.has(service.kind) && service.command === undefined
    ? `it is a ${service.kind}, whose image runs its server`
    : undefined;
}

const SERVERS = new Set(["database", "cache", "broker", "queue", "search", "proxy", "gateway"]);

export const waitForServerExit: Rule = {
  id: "wait-for-server-exit",
  severity: "warning",
  description: `A service waits for a dependency to run to completion, but the dependency runs until it is stopped.`,
  why: `A server never exits successfully on its own: the dependent never starts, and Compose waits for it without end.`,
  fix: `Wait for the dependency to be healthy (or to start), or make it a one-shot job that exits when done.`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4, uses: { db: { wait: completed } } }
db: { kind: database, image: postgres:16, health: { command: [pg_isready] } }`,
    good: `api: { kind: api, image: shop/api:1.4, uses: { db: { wait: healthy } } }
db: { kind: database, image: postgres:16, health: { command: [pg_isready] } }`,
  },
  check(context) {
    const byId = new Map(context.model.services.map((s) => [s.id, s]));
    const published = publishing(context.model);
    const waited = composeWaits(context.model);
    const waits = context.model.services.flatMap((service) =>
      waited(service).flatMap((use) => {
        const target = byId.get(use.target);
        const reason = use.wait === "completed" && target ? runsUntilStopped(target, published) : undefined;
        return reason ? [{ at: use.at, subject: { target: use.target, reason }, service: service.id }] : [];
      }),
    );
    for (const { at, subject, services } of byPlace(waits, (s) => s.target)) {
      context.report(
        at,
        `${named(services)} wait${services.length > 1 ? "" : "s"} for '${subject.target}' to run to completion, but '${subject.target}' runs until it is stopped (${subject.reason}): ${services.length > 1 ? "they" : "it"} would never start`,
        `wait for it to be healthy (condition: service_healthy), or make '${subject.target}' a job that exits when done`,
      );
    }
  },
};
