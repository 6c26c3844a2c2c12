import type { HostNamespace } from "../model/types.js";
import type { Rule } from "./rule.js";

/** Why a service might need each of the host's namespaces it shares: the one case to keep it for. */
const keptFor: Record<HostNamespace, string> = {
  network:
    "leave the host's network and publish the ports it needs, unless it must see the host's interfaces (a VPN, a DHCP or mDNS server)",
  process: "leave the host's process namespace unless it must see the host's processes (a monitoring agent)",
  IPC: "leave the host's IPC namespace unless it must see the host's shared memory (a monitoring agent)",
  user: "leave the host's user namespace unless it must act as the host's own users, which the daemon's user remapping would stop (a tool that manages the host)",
  UTS: "leave the host's UTS namespace unless it must set the host's hostname (a tool that manages the host)",
  cgroup:
    "leave the host's cgroup namespace unless it must see the host's control groups (a container monitor, systemd in a container)",
};

export const hostNamespace: Rule = {
  id: "host-namespace",
  severity: "warning",
  description: `A service shares the host's network, process, IPC, user, UTS or cgroup namespace.`,
  why: `It sees and can reach everything on the host; port conflicts, process interference and shared memory leaks follow. In the host's user namespace its root is the host's root even where the daemon remaps users; in its UTS namespace it can change the host's hostname; in its cgroup namespace it sees every container's control groups. On the host's network the ports it publishes are discarded: it listens on the host's own.`,
  fix: `Use the default bridge network and your own PID, IPC, user, UTS and cgroup namespaces, outside development tooling.`,
  example: { bad: `network-mode: host`, good: `network-mode: bridge` },
  check(context) {
    for (const service of context.model.services) {
      for (const { namespace, at } of service.hostNamespaces)
        context.report(at, `'${service.id}' shares the host's ${namespace} namespace`, keptFor[namespace]);
    }
    // On the host's network a container listens on the host's ports itself: Docker discards what it publishes.
    for (const environment of context.model.environments) {
      if (environment.platform !== "compose") continue;
      for (const instance of environment.instances) {
        const [first] = instance.publish;
        if (!first || !instance.service.hostNamespaces.some((n) => n.namespace === "network")) continue;
        context.report(
          first.at,
          `'${instance.id}' publishes ports, which Docker discards: on the host's network it listens on the host's ports itself`,
          "remove the ports, or leave the host's network",
        );
      }
    }
  },
};
