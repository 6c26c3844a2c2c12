import { isRootUser } from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const runsAsRoot: Rule = {
  id: "runs-as-root",
  severity: "warning",
  description: `A service runs as root, or, read from Kubernetes manifests, may: neither its container nor its pod sets a user other than 0 or runAsNonRoot: true.`,
  why: `A process that breaks out of a root container owns the host.`,
  fix: `Run as a non-root user: security: { run-as-non-root: true, user: 1000 }.`,
  example: { bad: `security: { user: 0 }`, good: `security: { run-as-non-root: true, user: 1000 }` },
  check(context) {
    reportImported(context, "runs-as-root");
    const hint = {
      model: "set security: { run-as-non-root: true, user: 1000 }",
      compose: 'set user: to a user other than root (user: "1000")',
      kubernetes: "set securityContext: { runAsNonRoot: true, runAsUser: 1000 }",
    }[context.model.readFrom ?? "model"];
    for (const service of context.model.services) {
      const { user, runAsNonRoot, at } = service.security;
      // Manifests that give user 0 where runAsNonRoot is true are refused by the kubelet (reported
      // as runtime-refused): the container never starts, so never as root.
      if (context.model.readFrom === "kubernetes" && runAsNonRoot === true && user === 0) continue;
      if (isRootUser(user)) context.report(at.user ?? service.at, `'${service.id}' runs as root`, hint);
      // A manifest that states no user runs the image's, root for most images; Compose files
      // and models are left alone, where leaving the image's user is the common, accepted way.
      else if (
        context.model.readFrom === "kubernetes" &&
        service.image !== undefined &&
        user === undefined &&
        runAsNonRoot !== true
      )
        context.report(
          at.runAsNonRoot ?? service.at,
          runAsNonRoot === false
            ? `'${service.id}' may run as root: runAsNonRoot is false, and no runAsUser above 0 is set for it`
            : `'${service.id}' may run as root: neither its container nor its pod sets runAsNonRoot: true or a runAsUser above 0`,
          hint,
        );
    }
  },
};
