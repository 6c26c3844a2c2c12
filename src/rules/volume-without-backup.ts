import { isProduction, type Rule } from "./rule.js";

export const volumeWithoutBackup: Rule = {
  id: "volume-without-backup",
  severity: "warning",
  description: `A volume in production says nothing about how it is backed up.`,
  why: `Data without a backup is data you will lose.`,
  fix: `Say how it is backed up: volumes: { data: { path: …, backup: nightly pg_dump } }.`,
  example: {
    bad: `volumes: { data: /var/lib/postgresql/data }`,
    good: `volumes: { data: { path: /var/lib/postgresql/data, backup: nightly pg_dump to S3 } }`,
  },
  check(context) {
    // Compose files and manifests have no place to say how a volume is backed up: a model does.
    if (context.model.readFrom !== undefined) return;
    const reported = new Set<string>();
    for (const environment of context.model.environments.filter(isProduction)) {
      for (const instance of environment.instances) {
        for (const volume of instance.service.volumes) {
          if (
            volume.type !== "volume" ||
            volume.backup ||
            reported.has(`${instance.service.id}/${volume.name}`)
          )
            continue;
          reported.add(`${instance.service.id}/${volume.name}`);
          context.report(
            volume.at,
            `volume '${volume.name}' of '${instance.service.id}' runs in production with no backup stated`,
            "add backup: … to the volume",
          );
        }
      }
    }
  },
};
