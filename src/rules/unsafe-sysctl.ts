import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "drop it, or allow it on the nodes that run the pod (the kubelet's --allowed-unsafe-sysctls)";

export const unsafeSysctl: Rule = {
  id: "unsafe-sysctl",
  severity: "warning",
  description: `A Kubernetes pod sets a kernel parameter (sysctl) outside the safe set.`,
  why: `The kubelet refuses such a pod (SysctlForbidden) unless its node allows the parameter; where allowed, the setting can reach other pods on the node.`,
  fix: `Drop the sysctl, or allow it on purpose on the nodes meant for the pod and keep the pod on them.`,
  example: {
    bad: `securityContext: { sysctls: [{ name: net.core.somaxconn, value: "1024" }] }`,
    good: `securityContext: { sysctls: [{ name: net.ipv4.ip_local_port_range, value: "1024 65000" }] }`,
  },
  check(context) {
    reportImported(context, "unsafe-sysctl", HINT);
  },
};
