import { containerServices } from "./containers.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT =
  "set security: { read-only-root: true } (read_only: true, readOnlyRootFilesystem: true), with a volume where it writes";

export const writableRootFilesystem: Rule = {
  id: "writable-root-filesystem",
  severity: "warning",
  optIn: true,
  onByDefaultIn: "kubernetes",
  description: `A container can write to its root file system.`,
  why: `A process that is taken over can then change the programs and configuration it runs with, and leave tools behind for the next step; a read-only root confines what it can write to the volumes it is given.`,
  fix: `Make the root file system read-only (Compose read_only: true, Kubernetes readOnlyRootFilesystem: true) and give the program a volume (an emptyDir, a tmpfs) for what it must write.`,
  example: {
    bad: `services: { api: { kind: api, image: "shop/api:1.4" } }`,
    good: `services: { api: { kind: api, image: "shop/api:1.4", security: { read-only-root: true }, volumes: { tmp: /tmp } } }`,
  },
  check(context) {
    // Sidecars and init containers, which are not services of the model.
    reportImported(context, "writable-root-filesystem", HINT);
    for (const service of containerServices(context.model))
      if (!service.security.readOnlyRoot)
        context.report(
          // Where it says read-only-root: false (readOnlyRootFilesystem: false), else the service.
          service.security.at.readOnlyRoot ?? service.at,
          `'${service.id}' can write to its root file system`,
          HINT,
        );
  },
};
