import { isDevelopment, type Rule } from "./rule.js";

export const ingressWithoutTls: Rule = {
  id: "ingress-without-tls",
  severity: "error",
  description: `A public environment has an ingress or proxy with routes but no TLS configuration.`,
  why: `Traffic, passwords and sessions travel in clear text.`,
  fix: `State TLS under the environment's infrastructure: { TLS: cert-manager with Let's Encrypt }.`,
  example: { bad: `infrastructure: {}`, good: `infrastructure: { TLS: cert-manager with Let's Encrypt }` },
  check(context) {
    for (const environment of context.model.environments) {
      if (environment.access.scope !== "public" || isDevelopment(environment)) continue;
      if (environment.infrastructure.some((i) => /tls|https|certificate/i.test(`${i.aspect} ${i.value}`)))
        continue;
      for (const node of environment.allNodes.filter((n) => n.routes.length > 0)) {
        context.report(
          node.at,
          `'${node.id}' routes public traffic in '${environment.id}', which states no TLS`,
          "add infrastructure: { TLS: … }",
        );
      }
    }
  },
};
