import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT =
  "if it is an SSH server, make sure it is meant to be reachable; otherwise move the service off port 22";

export const sshPortExposed: Rule = {
  id: "ssh-port-exposed",
  severity: "info",
  description: `A service opens port 22, the port of SSH, or publishes one of its ports on the host's port 22.`,
  why: `An SSH server in a container is a second way in that bypasses how the platform deploys and logs, and port 22 is the first one scanners try. A service that is not an SSH server has no reason to take that port.`,
  fix: `Reach the container through the platform (docker exec, kubectl exec) rather than SSH. Where SSH is the service (a Git server), keep it, vetted, and suppress the finding with its reason.`,
  example: {
    bad: `services: { api: { ports: { ssh: 22, http: 8080 } } }`,
    good: `services: { api: { ports: { http: 8080 } } }`,
  },
  check(context) {
    // Sidecars' and init containers' ports, which the model does not keep.
    reportImported(context, "ssh-port-exposed", HINT);
    // The model's protocol is the application's (http, ssh, …); only UDP and SCTP are not SSH's TCP.
    const tcp = (protocol: string) => !/^(udp|sctp)$/i.test(protocol);
    for (const service of context.model.services)
      for (const port of service.ports)
        if (port.port === 22 && tcp(port.protocol))
          context.report(port.at, `'${service.id}' opens port 22, the port of SSH`, HINT);
    // An SSH server on another port inside, published on 22 outside (22:2222), is reached as one.
    for (const environment of context.model.environments)
      for (const instance of environment.instances)
        for (const published of instance.publish)
          if (published.host === 22 && published.port.port !== 22 && tcp(published.port.protocol))
            context.report(
              published.at,
              `'${instance.id}' publishes its port ${published.port.port} on the host's port 22, the port of SSH`,
              "if it is an SSH server, make sure it is meant to be reachable; otherwise publish it on another host port",
            );
  },
};
