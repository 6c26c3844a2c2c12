import { dangerousCapability as dangerous } from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "add only what the program needs, such as NET_BIND_SERVICE";

export const dangerousCapability: Rule = {
  id: "dangerous-capability",
  severity: "warning",
  description: `A service adds a Linux capability that reaches past its container (ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, …).`,
  why: `Such a capability lets a compromised process load kernel modules, reconfigure the host's network, read other processes or mount file systems: most of what privileged gives.`,
  fix: `Add only the narrow capability the program needs (NET_BIND_SERVICE to bind port 80), or run the task outside the container.`,
  example: {
    bad: `security: { capabilities: [SYS_ADMIN] }`,
    good: `security: { capabilities: [NET_BIND_SERVICE] }`,
  },
  check(context) {
    reportImported(context, "dangerous-capability", HINT);
    for (const service of context.model.services) {
      for (const capability of service.security.capabilities) {
        if (!dangerous(capability.name)) continue;
        context.report(capability.at, `'${service.id}' adds the capability ${capability.name}`, HINT);
      }
    }
  },
};
