import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "set allowPrivilegeEscalation: false, or leave it out";

export const privilegeEscalationAllowed: Rule = {
  id: "privilege-escalation-allowed",
  severity: "warning",
  description: `A Kubernetes container sets allowPrivilegeEscalation: true.`,
  why: `Its processes may then gain more privileges than their parent, through set-user-ID programs or file capabilities: a process started as an ordinary user can still become root in the container. The restricted Pod Security level refuses such a pod.`,
  fix: `Set allowPrivilegeEscalation to false. A program that truly needs more (a setuid helper) is better given the one capability it uses.`,
  example: {
    bad: `securityContext: { allowPrivilegeEscalation: true }`,
    good: `securityContext: { allowPrivilegeEscalation: false }`,
  },
  check(context) {
    reportImported(context, "privilege-escalation-allowed", HINT);
  },
};
