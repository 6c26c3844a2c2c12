import { reportAnalysis, reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const duplicateMountPath: Rule = {
  id: "duplicate-mount-path",
  severity: "error",
  description: `Two volumes of one service are mounted at the same path in its container.`,
  why: `Docker refuses to create the container ("Duplicate mount point"), and the Kubernetes API server refuses the pod (mountPath must be unique).`,
  fix: `Mount each at a path of its own, or drop the one that is not needed.`,
  example: {
    bad: `volumes: { html: { path: /srv/www, type: bind, source: ./html }, static: /srv/www }`,
    good: `volumes: { html: { path: /srv/www, type: bind, source: ./html }, static: /srv/static }`,
  },
  check(context) {
    // Where the model deploys the service, as the generators see it.
    reportAnalysis(context, "duplicate-mount-path");
    // Containers of manifests, sidecars and ConfigMap mounts included.
    reportImported(context, "duplicate-mount-path");
  },
};
