import type { Rule } from "./rule.js";

export const hostNamespace: Rule = {
  id: "host-namespace",
  severity: "warning",
  description: `A service shares the host's network, process or IPC namespace.`,
  why: `It sees and can reach everything on the host; port conflicts, process interference and shared memory leaks follow. On the host's network the ports it publishes are discarded: it listens on the host's own.`,
  fix: `Use the default bridge network and your own PID and IPC namespaces, outside development tooling.`,
  example: { bad: `network-mode: host`, good: `network-mode: bridge` },
  check(context) {
    for (const service of context.model.services) {
      for (const { namespace, at } of service.hostNamespaces)
        context.report(
          at,
          `'${service.id}' shares the host's ${namespace} namespace`,
          namespace === "network"
            ? "leave the host's network and publish the ports it needs, unless it must see the host's interfaces (a VPN, a DHCP or mDNS server)"
            : `leave the host's ${namespace} namespace unless it must see the host's ${namespace === "process" ? "processes" : "shared memory"} (a monitoring agent)`,
        );
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
