import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const secretWithoutSource: Rule = {
  id: "secret-without-source",
  severity: "error",
  description: `A secret is referenced but not declared under secrets.`,
  why: `Nobody can tell where its value comes from, so deployments fail or someone pastes it in plain text.`,
  fix: `Declare it under secrets with its source.`,
  example: {
    bad: `env: { DB_PASSWORD: { secret: db-password } }  # no secrets: section`,
    good: `secrets: { db-password: { source: vault } }`,
  },
  check(context) {
    reportAnalysis(context, "secret-without-source");
  },
};
