import type { Rule } from "./rule.js";

const HINT =
  "if it is an SSH server, make sure it is meant to be reachable; otherwise move the service off port 22";

export const sshPortExposed: Rule = {
  id: "ssh-port-exposed",
  severity: "info",
  description: `A service opens port 22, the port of SSH.`,
  why: `An SSH server in a container is a second way in that bypasses how the platform deploys and logs, and port 22 is the first one scanners try. A service that is not an SSH server has no reason to take that port.`,
  fix: `Reach the container through the platform (docker exec, kubectl exec) rather than SSH. Where SSH is the service (a Git server), keep it, vetted, and suppress the finding with its reason.`,
  example: {
    bad: `services: { api: { ports: { ssh: 22, http: 8080 } } }`,
    good: `services: { api: { ports: { http: 8080 } } }`,
  },
  check(context) {
    for (const service of context.model.services)
      for (const port of service.ports) {
        // The model's protocol is the application's (http, ssh, …); only UDP and SCTP are not SSH's TCP.
        if (port.port !== 22 || /^(udp|sctp)$/i.test(port.protocol)) continue;
        context.report(port.at, `'${service.id}' opens port 22, the port of SSH`, HINT);
      }
  },
};
