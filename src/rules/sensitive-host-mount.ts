import { sensitiveHostPath } from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "mount only the file or folder it needs, read-only, or pass it as a config, secret or volume";

export const sensitiveHostMount: Rule = {
  id: "sensitive-host-mount",
  severity: "warning",
  description: `A service mounts a host folder that holds the host's system (its root, /etc, /proc, /sys, /dev, …) or a user's credentials (~/.ssh, ~/.aws, ~/.kube, ~/.docker, …). A folder that holds the Docker socket (/var/run, /run, /var) is docker-socket-mounted's, an error.`,
  why: `Through the mount the container reads the host's configuration, credentials, processes and devices, and changes them when it may write: the container no longer keeps it from the host.`,
  fix: `Mount only the file or subfolder the service needs, read-only (/etc/localtime, not /etc); give it configuration as a config or secret, and its data a volume.`,
  example: {
    bad: `volumes: { host-etc: { path: /host/etc, type: bind, source: /etc } }`,
    good: `volumes: { timezone: { path: /etc/localtime, type: bind, source: /etc/localtime, read-only: true } }`,
  },
  check(context) {
    reportImported(context, "sensitive-host-mount", HINT);
    for (const service of context.model.services) {
      for (const volume of service.volumes) {
        const folder = volume.type === "bind" ? sensitiveHostPath(volume.source) : undefined;
        if (folder)
          context.report(
            volume.at,
            `'${service.id}' mounts the host's ${folder === "/" ? "root folder /" : folder}${volume.readOnly ? " (read-only)" : ""}`,
            HINT,
          );
      }
    }
  },
};
