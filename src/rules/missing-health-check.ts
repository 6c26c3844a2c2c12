import { containerServices } from "./containers.js";
import type { Rule } from "./rule.js";

const oneShot = new Set(["job", "tool"]);

const HINTS = {
  model: "add health: { http: /health }, { tcp: port } or { command: [...] }",
  compose:
    'add a healthcheck: { test: ["CMD", "curl", "-f", "http://localhost:8080/health"] }, or one with the image\'s own client',
  kubernetes: "add a readinessProbe (and a livenessProbe): httpGet, tcpSocket or exec",
};

export const missingHealthCheck: Rule = {
  id: "missing-health-check",
  severity: "warning",
  description: `A long-running service has no health check.`,
  why: `Without one, orchestrators send traffic to instances that are up but not working, and dependents start too early.`,
  fix: `Add health: { http: /health } (or tcp, or command).`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4 }`,
    good: `api: { kind: api, image: shop/api:1.4, health: { http: /health } }`,
  },
  check(context) {
    for (const service of containerServices(context.model)) {
      if (service.health || oneShot.has(service.kind)) continue;
      context.report(
        service.at,
        `'${service.id}' has no health check`,
        HINTS[context.model.readFrom ?? "model"],
      );
    }
  },
};
