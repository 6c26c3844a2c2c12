import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "keep one definition: remove the other, or give it another name";

export const duplicateVariable: Rule = {
  id: "duplicate-variable",
  severity: "warning",
  description: `A container's environment list sets the same variable twice, so only the last value takes effect.`,
  why: `The first definition does nothing, yet whoever reads the file takes it for the value the service runs with; a change made to it is silently lost.`,
  fix: `Keep one definition of each variable.`,
  example: {
    bad: `environment:
  - LOG_LEVEL=debug
  - LOG_LEVEL=info`,
    good: `environment:
  - LOG_LEVEL=info`,
  },
  check(context) {
    reportImported(context, "duplicate-variable", HINT);
  },
};
