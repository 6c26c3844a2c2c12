import type { Rule } from "./rule.js";

export const hostNamespace: Rule = {
  id: "host-namespace",
  severity: "warning",
  description: `A service shares the host's network, process or IPC namespace.`,
  why: `It sees and can reach everything on the host; port conflicts, process interference and shared memory leaks follow.`,
  fix: `Use the default bridge network and your own PID and IPC namespaces, outside development tooling.`,
  example: { bad: `network-mode: host`, good: `network-mode: bridge` },
  check(context) {
    for (const service of context.model.services) {
      for (const { namespace, at } of service.hostNamespaces)
        context.report(at, `'${service.id}' shares the host's ${namespace} namespace`);
    }
  },
};
