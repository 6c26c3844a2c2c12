import { healthSuggestion } from "../model/health-suggestion.js";
import type { Model, Service } from "../model/types.js";
import { extendsUnfollowed } from "../model/unfollowed-extends.js";
import { containerServices } from "./containers.js";
import type { Rule } from "./rule.js";

const oneShot = new Set(["job", "tool"]);

/**
 * A compose service with neither an image nor a build, as an override adds to another file's:
 * no-image says what is missing, and whether the image it does not name checks its own health
 * cannot be told.
 */
const namesNoImage = (model: Model, service: Service) =>
  model.readFrom === "compose" && !service.image && !service.build;

export const missingHealthCheck: Rule = {
  id: "missing-health-check",
  severity: "warning",
  description: `A long-running service has no health check.`,
  why: `Without one, orchestrators send traffic to instances that are up but not working, and dependents start too early.`,
  fix: `Add health: { http: /health } (or tcp, or command); where it runs without one on purpose, say so with health: false.`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4 }`,
    good: `api: { kind: api, image: shop/api:1.4, health: { http: /health } }`,
  },
  check(context) {
    for (const service of containerServices(context.model)) {
      if (
        service.health ||
        service.healthDisabled ||
        oneShot.has(service.kind) ||
        context.model.imageHealthChecks?.has(service.id) ||
        extendsUnfollowed(context.model, service) ||
        namesNoImage(context.model, service)
      )
        continue;
      context.report(
        service.at,
        `'${service.id}' has no health check`,
        healthSuggestion(service, context.model.readFrom ?? "model"),
      );
    }
  },
};
