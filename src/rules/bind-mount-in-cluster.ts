import type { Rule } from "./rule.js";

export const bindMountInCluster: Rule = {
  id: "bind-mount-in-cluster",
  severity: "info",
  description:
    "A service with a bind mount of a project folder runs in a Kubernetes environment, where no such folder is there to bind.",
  why: "In a cluster the bind mount becomes an empty volume claim: code or configuration that came from the host is missing.",
  fix: "Build what the mount brought into the image, or provide it as a ConfigMap or a volume with its data.",
  example: {
    bad: "volumes: { app: ./apps/custom:/home/app/custom }  # and placed in a kubernetes environment",
    good: "build: { context: . }  # the image carries ./apps/custom",
  },
  check(context) {
    for (const environment of context.model.environments.filter((e) => e.platform === "kubernetes")) {
      const seen = new Set<string>();
      for (const instance of environment.instances) {
        // A bind of an absolute host path becomes a hostPath, which every node has; a project folder does not.
        for (const volume of instance.service.volumes.filter(
          (v) => v.type === "bind" && !v.source.startsWith("/"),
        )) {
          if (seen.has(`${instance.service.id}/${volume.name}`)) continue;
          seen.add(`${instance.service.id}/${volume.name}`);
          context.report(
            instance.at,
            `'${instance.id}' binds ${volume.source} in '${environment.id}', where the cluster has no such folder`,
            "bake it into the image or use a ConfigMap",
          );
        }
      }
    }
  },
};
