import { keepsWrites, unmountedDataFolder } from "../model/data-folders.js";
import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const DATA_FOLDER_HINTS = {
  model: (folder: string) => `add a volume at ${folder}: volumes: { data: ${folder} }`,
  compose: (folder: string) => `mount a named volume there: volumes: ["data:${folder}"]`,
  kubernetes: (folder: string) =>
    `mount a PersistentVolumeClaim at ${folder} (a StatefulSet's volumeClaimTemplates)`,
};

export const statefulWithoutVolume: Rule = {
  id: "stateful-without-volume",
  severity: "error",
  description: `A service that keeps state has no volume, or none where its image keeps its data.`,
  why: `Its data is lost whenever the container is replaced.`,
  fix: `Add a volume at the folder its image writes its data to, or mark the service stateful: false.`,
  example: {
    bad: `db: { kind: database, image: postgres:16 }`,
    good: `db: { kind: database, image: postgres:16, volumes: { data: /var/lib/postgresql/data } }`,
  },
  check(context) {
    reportAnalysis(context, "stateful-without-volume", {
      compose:
        'mount a named volume at the folder its image writes its data to (volumes: ["data:<that folder>"]), or, if it keeps nothing, suppress this with the reason',
      kubernetes:
        "mount a PersistentVolumeClaim where it keeps its data (a StatefulSet's volumeClaimTemplates), or, if it keeps nothing, suppress this with the reason",
    });
    // With volumes, but none where the image keeps its data (a volume at /data for PostgreSQL).
    const hint = DATA_FOLDER_HINTS[context.model.readFrom ?? "model"];
    const reported = new Set<string>();
    for (const environment of context.model.environments)
      for (const instance of environment.instances) {
        const { service } = instance;
        // A job run from a store's image runs its client (a backup's pg_dump), not its server.
        if (!service.stateful || service.kind === "job" || reported.has(service.id)) continue;
        const missing = unmountedDataFolder(instance);
        if (!missing || !service.volumes.some(keepsWrites)) continue;
        reported.add(service.id);
        context.report(
          service.at,
          `'${service.id}' mounts nothing at ${missing.folder}, where ${missing.name} keeps its data: it would be lost with the container`,
          hint(missing.mountAt ?? missing.folder),
        );
      }
  },
};
