import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const includeConflict: Rule = {
  id: "include-conflict",
  severity: "warning",
  description: `A compose file defines a service, network, volume, secret or config that a file it includes defines differently, or two included files do.`,
  why: `Compose 2 refuses such a file outright ("services.db conflicts with imported resource"); Compose 5 and later take the including file's definition over the included one. The file works on one machine and fails on a CI runner that ships the older Compose, and which definition wins is easy to misread either way.`,
  fix: `Define each resource in one file. To change what an included file defines, list an override file with it in the same include entry (path: [db/compose.yaml, db-override.yaml]), which Compose merges as it merges -f files.`,
  example: {
    bad: `include: [db/compose.yaml]   # defines db
services:
  db:
    image: postgres:16.4
    ports: ["127.0.0.1:5432:5432"]`,
    good: `include:
  - path: [db/compose.yaml, db-local.yaml]   # db-local.yaml adds the port`,
  },
  check(context) {
    reportImported(context, "include-conflict");
  },
};
