import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const memoryOverCapacity: Rule = {
  id: "memory-over-capacity",
  severity: "error",
  description: `The memory of the instances on a node exceeds what the machine has.`,
  why: `Containers over a machine's memory are killed by the out-of-memory killer, usually the database first.`,
  fix: `Move instances to another node or choose a larger machine.`,
  example: { bad: `capacity: { memory: 4GB }  # instances need 6 GB`, good: `capacity: { memory: 8GB }` },
  check(context) {
    reportAnalysis(context, "memory-over-capacity");
  },
};
