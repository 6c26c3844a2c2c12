import { keepsWrites, unmountedDataFolder } from "../model/data-folders.js";
import type { Model } from "../model/types.js";
import { reportAnalysis } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const DATA_FOLDER_HINTS = {
  model: (folder: string) => `add a volume at ${folder}: volumes: { data: ${folder} }`,
  compose: (folder: string) => `mount a named volume there: volumes: ["data:${folder}"]`,
  kubernetes: (folder: string) =>
    `mount a PersistentVolumeClaim at ${folder} (a StatefulSet's volumeClaimTemplates)`,
};

/** The folder each stateful service's known image keeps its data in, by where the service is named. */
function dataFolders(model: Model): Map<string, { folder: string; name: string }> {
  const folders = new Map<string, { folder: string; name: string }>();
  for (const environment of model.environments)
    for (const instance of environment.instances) {
      const missing = instance.service.stateful ? unmountedDataFolder(instance) : undefined;
      const at = instance.service.at;
      if (missing)
        folders.set(`${at.file}:${at.start}`, {
          folder: missing.mountAt ?? missing.folder,
          name: missing.name,
        });
    }
  return folders;
}

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
    let folders: Map<string, { folder: string; name: string }> | undefined;
    reportAnalysis(context, "stateful-without-volume", {
      // Where the image is known, the folder it keeps its data in; found only once there is a finding.
      compose: (found) => {
        folders ??= dataFolders(context.model);
        const known = folders.get(`${found.file}:${found.start}`);
        return known
          ? `mount a named volume at ${known.folder}, where ${known.name} keeps its data (volumes: ["data:${known.folder}"]), or, if it keeps nothing, suppress this with the reason`
          : 'mount a named volume at the folder its image writes its data to (volumes: ["data:<that folder>"]), or, if it keeps nothing, suppress this with the reason';
      },
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
