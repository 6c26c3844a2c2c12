import type { Rule } from "./rule.js";

export const hostNamespace: Rule = {
  id: "host-namespace",
  severity: "warning",
  description: `A service shares the host's network or process namespace.`,
  why: `It sees and can reach everything on the host; port conflicts and process interference follow.`,
  fix: `Use the default bridge network and your own PID namespace, outside development tooling.`,
  example: { bad: `network-mode: host`, good: `network-mode: bridge` },
  check(context) {
    for (const service of context.model.services) {
      if (service.networkMode === "host")
        context.report(service.at, `'${service.id}' uses the host's network`);
      if (service.pid === "host")
        context.report(service.at, `'${service.id}' shares the host's process namespace`);
    }
  },
};
