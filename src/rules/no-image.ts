import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const noImage: Rule = {
  id: "no-image",
  severity: "error",
  description: `An instance has neither an image nor a build.`,
  why: `Nothing can run it.`,
  fix: `Give the service an image or a build context.`,
  example: { bad: `api: { kind: api }`, good: `api: { kind: api, image: shop/api:1.4 }` },
  check(context) {
    reportAnalysis(context, "no-image");
  },
};
