import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "remove privileged: true";

export const privilegedContainer: Rule = {
  id: "privileged-container",
  severity: "error",
  description: `A service runs privileged.`,
  why: `A privileged container has every capability of the host.`,
  fix: `Remove privileged and grant only the capabilities it needs.`,
  example: { bad: `security: { privileged: true }`, good: `security: { privileged: false }` },
  check(context) {
    reportImported(context, "privileged-container", HINT);
    for (const service of context.model.services) {
      if (service.security.privileged)
        context.report(service.security.at.privileged ?? service.at, `'${service.id}' runs privileged`, HINT);
    }
  },
};
