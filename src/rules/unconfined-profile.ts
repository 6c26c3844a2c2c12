import { confinementName } from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "keep the default profile, or write one that allows what the program needs";

/** SELinux separation is no profile: it is kept, or the container is given a type that allows more. */
const SELINUX_HINTS = {
  compose:
    "keep it separated (leave label=disable out), or give it an SELinux type that allows what the program needs (label=type:…)",
  other: "keep it separated, or give it an SELinux type that allows what the program needs",
};

export const unconfinedProfile: Rule = {
  id: "unconfined-profile",
  severity: "warning",
  description: `A service turns off its seccomp or AppArmor profile, or its SELinux separation.`,
  why: `The default profiles block the system calls and file accesses container escapes use, and SELinux keeps a container from the host's files and from other containers; without them one kernel bug is enough.`,
  fix: `Keep the default profile, or write one that allows only what the program needs.`,
  example: {
    bad: `security: { unconfined: [seccomp] }`,
    good: `# no security: { unconfined: … }`,
  },
  check(context) {
    reportImported(context, "unconfined-profile", HINT);
    for (const service of context.model.services) {
      for (const { profile, at } of service.security.unconfined)
        context.report(
          at,
          `'${service.id}' runs without ${confinementName(profile)}`,
          profile !== "selinux"
            ? HINT
            : SELINUX_HINTS[context.model.readFrom === "compose" ? "compose" : "other"],
        );
    }
  },
};
