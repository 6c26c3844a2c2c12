import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const statefulWithoutVolume: Rule = {
  id: "stateful-without-volume",
  severity: "error",
  description: `A service that keeps state has no volume.`,
  why: `Its data is lost whenever the container is replaced.`,
  fix: `Add a volume, or mark the service stateful: false.`,
  example: {
    bad: `db: { kind: database, image: postgres:16 }`,
    good: `db: { kind: database, image: postgres:16, volumes: { data: /var/lib/postgresql/data } }`,
  },
  check(context) {
    reportAnalysis(context, "stateful-without-volume", {
      compose:
        'mount a named volume at the folder its image writes to (volumes: ["data:/var/lib/postgresql/data"] for PostgreSQL), or, if it keeps nothing, suppress this with the reason',
      kubernetes:
        "mount a PersistentVolumeClaim where it keeps its data (a StatefulSet's volumeClaimTemplates), or, if it keeps nothing, suppress this with the reason",
    });
  },
};
