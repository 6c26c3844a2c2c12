import { isRootUser } from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const runsAsRoot: Rule = {
  id: "runs-as-root",
  severity: "warning",
  description: `A service runs as root.`,
  why: `A process that breaks out of a root container owns the host.`,
  fix: `Run as a non-root user: security: { run-as-non-root: true, user: 1000 }.`,
  example: { bad: `security: { user: 0 }`, good: `security: { run-as-non-root: true, user: 1000 }` },
  check(context) {
    reportImported(context, "runs-as-root");
    for (const service of context.model.services) {
      if (isRootUser(service.security.user))
        context.report(
          service.security.at.user ?? service.at,
          `'${service.id}' runs as root`,
          {
            model: "set security: { run-as-non-root: true, user: 1000 }",
            compose: 'set user: to a user other than root (user: "1000")',
            kubernetes: "set securityContext: { runAsNonRoot: true, runAsUser: 1000 }",
          }[context.model.readFrom ?? "model"],
        );
    }
  },
};
