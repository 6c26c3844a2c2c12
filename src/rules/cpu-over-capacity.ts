import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const cpuOverCapacity: Rule = {
  id: "cpu-over-capacity",
  severity: "warning",
  description: `The CPU requested by the instances on a node exceeds what the machine has.`,
  why: `Requests beyond a node's CPU cannot all be scheduled; pods stay pending.`,
  fix: `Lower CPU requests or add capacity.`,
  example: { bad: `capacity: { cpu: 2 }  # requests add up to 3`, good: `capacity: { cpu: 4 }` },
  check(context) {
    reportAnalysis(context, "cpu-over-capacity");
  },
};
