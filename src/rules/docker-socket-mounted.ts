import { runtimeSocket } from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "remove it, or go through a socket proxy";

export const dockerSocketMounted: Rule = {
  id: "docker-socket-mounted",
  severity: "error",
  description: `A service mounts the Docker socket, or another container runtime's (containerd, CRI-O, Podman).`,
  why: `Whoever controls the socket controls the host: it is root access.`,
  fix: `Remove the mount; use a socket proxy with a narrow API if the service must talk to Docker.`,
  example: {
    bad: `volumes: { docker: { path: /var/run/docker.sock, type: bind, source: /var/run/docker.sock } }`,
    good: `# no docker socket`,
  },
  check(context) {
    reportImported(context, "docker-socket-mounted", HINT);
    for (const service of context.model.services) {
      for (const volume of service.volumes) {
        const runtime = runtimeSocket(volume.source) ?? runtimeSocket(volume.path);
        if (runtime) context.report(volume.at, `'${service.id}' mounts the ${runtime} socket`, HINT);
      }
    }
  },
};
