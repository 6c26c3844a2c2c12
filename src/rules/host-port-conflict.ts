import { reportAnalysis, reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const hostPortConflict: Rule = {
  id: "host-port-conflict",
  severity: "error",
  description: `Two instances that run together publish the same host port on one host (services in different Compose profiles are alternatives, and do not clash); in Kubernetes, two Services that ask for one node port, which every node opens.`,
  why: `The second container fails to start: the port is taken.`,
  fix: `Publish one of them on another host port.`,
  example: {
    bad: `run: { dgraph: { publish: { http: 8080 } }, airflow: { publish: { http: 8080 } } }`,
    good: `run: { dgraph: { publish: { http: 8080 } }, airflow: { publish: { http: 8082 } } }`,
  },
  check(context) {
    reportAnalysis(context, "host-port-conflict");
    // What the model does not keep: compose port ranges not spread a port each (too long, or too many
    // in the project: ports.ts), Kubernetes host ports that a DaemonSet takes on every node, and
    // node ports two Services ask for.
    reportImported(context, "host-port-conflict");
  },
};
