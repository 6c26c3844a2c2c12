import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const composeObsoleteVersion: Rule = {
  id: "compose-obsolete-version",
  severity: "warning",
  description: `A compose file sets the top-level version, which Compose ignores.`,
  why: `Compose reads every file by the latest specification whatever it says; the line only suggests to readers that features are limited to that version.`,
  fix: `Remove the version line.`,
  example: {
    bad: `version: "3.8"
services:
  api: { image: shop/api:1.4 }`,
    good: `services:
  api: { image: shop/api:1.4 }`,
  },
  check(context) {
    reportImported(context, "compose-obsolete-version");
  },
};
