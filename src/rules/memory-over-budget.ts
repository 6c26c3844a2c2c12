import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const memoryOverBudget: Rule = {
  id: "memory-over-budget",
  severity: "error",
  description: `The memory of the instances on a node exceeds its budget.`,
  why: `A budget is the share of a machine the system may use; past it, other work on the machine starves or the kernel kills processes.`,
  fix: `Lower the instances' memory, move some to another node, or raise the budget.`,
  example: {
    bad: `nodes: { laptop: { kind: host, budget: { memory: 1GB }, run: [api, db] } }  # api and db need 1.5 GB`,
    good: `nodes: { laptop: { kind: host, budget: { memory: 2GB }, run: [api, db] } }`,
  },
  check(context) {
    reportAnalysis(context, "memory-over-budget");
  },
};
