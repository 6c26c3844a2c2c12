import type { Rule } from "./rule.js";

export const runsAsRoot: Rule = {
  id: "runs-as-root",
  severity: "warning",
  description: `A service runs as root.`,
  why: `A process that breaks out of a root container owns the host.`,
  fix: `Run as a non-root user: security: { run-as-non-root: true, user: 1000 }.`,
  example: { bad: `security: { user: 0 }`, good: `security: { run-as-non-root: true, user: 1000 }` },
  check(context) {
    for (const service of context.model.services) {
      // Compose writes user:group; the group does not make the process root.
      const user = String(service.security.user ?? "").split(":")[0];
      if (user === "0" || user === "root")
        context.report(
          service.security.at.user ?? service.at,
          `'${service.id}' runs as root`,
          "set security: { run-as-non-root: true, user: 1000 }",
        );
    }
  },
};
