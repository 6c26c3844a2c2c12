import {
  dockerSocketFolder,
  runtimeSocket,
  SOCKET_FOLDER_HINT,
  socketFolderMessage,
} from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "remove it, or go through a socket proxy";

export const dockerSocketMounted: Rule = {
  id: "docker-socket-mounted",
  severity: "error",
  description: `A service mounts the Docker socket, or another container runtime's (containerd, CRI-O, Podman), or a host folder that holds the Docker socket (/var/run, /run, /var).`,
  why: `Whoever controls the socket controls the host: it is root access. A folder that holds the socket gives it as surely as the socket itself.`,
  fix: `Remove the mount; use a socket proxy with a narrow API if the service must talk to Docker. Where the service needs another socket in /var/run, mount its subfolder alone (/var/run/postgresql).`,
  example: {
    bad: `volumes: { docker: { path: /var/run/docker.sock, type: bind, source: /var/run/docker.sock } }`,
    good: `# no docker socket`,
  },
  check(context) {
    reportImported(context, "docker-socket-mounted", HINT);
    for (const service of context.model.services) {
      for (const volume of service.volumes) {
        const runtime = runtimeSocket(volume.source) ?? runtimeSocket(volume.path);
        const folder = volume.type === "bind" ? dockerSocketFolder(volume.source) : undefined;
        if (runtime) context.report(volume.at, `'${service.id}' mounts the ${runtime} socket`, HINT);
        else if (folder)
          context.report(volume.at, socketFolderMessage(`'${service.id}'`, folder), SOCKET_FOLDER_HINT);
      }
    }
  },
};
