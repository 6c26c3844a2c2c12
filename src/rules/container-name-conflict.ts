import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const containerNameConflict: Rule = {
  id: "container-name-conflict",
  severity: "error",
  description: `Two containers on one host take the same container name, or replicas share one.`,
  why: `A container name is unique on its host: Compose refuses to create the second container, and cannot scale a service that names its container.`,
  fix: `Give each its own name, or leave container_name out and let Compose name them.`,
  example: {
    bad: `run: { a: { container-name: web }, b: { container-name: web } }`,
    good: `run: { a: { container-name: web-a }, b: { container-name: web-b } }`,
  },
  check(context) {
    reportAnalysis(context, "container-name-conflict");
  },
};
