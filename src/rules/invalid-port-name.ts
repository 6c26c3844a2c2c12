import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT =
  "use up to 15 lower-case letters, digits and single dashes, with a letter: http, metrics, grpc-web";

export const invalidPortName: Rule = {
  id: "invalid-port-name",
  severity: "error",
  description: `A container port, a Service's port or target port, or a probe's port has a name Kubernetes refuses (a probe's port of quoted digits is a name).`,
  why: `Port names are IANA service names: the API server refuses an object whose name is longer than 15 characters, has capitals or no letter, so none of it is applied. A Service's own port names are DNS labels: up to 63 lower-case letters, digits and '-'.`,
  fix: `Rename the port, and every targetPort and probe that names it, to at most 15 lower-case letters, digits and single dashes.`,
  example: {
    bad: `ports: [{ name: prometheus-metrics, containerPort: 9090 }]   # 18 characters`,
    good: `ports: [{ name: metrics, containerPort: 9090 }]`,
  },
  check(context) {
    reportImported(context, "invalid-port-name", HINT);
  },
};
