import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "drop it: cap_drop: [NET_RAW] (or ALL), securityContext.capabilities.drop: [NET_RAW]";

export const netRawNotDropped: Rule = {
  id: "net-raw-not-dropped",
  severity: "warning",
  optIn: true,
  description: `A Compose service or Kubernetes container keeps the NET_RAW capability, which Docker and most Kubernetes runtimes grant by default.`,
  why: `NET_RAW lets a process craft raw packets and open raw sockets: enough to spoof traffic to its neighbours on the network, which almost no program needs.`,
  fix: `Drop NET_RAW, or drop ALL and add back only what the program uses.`,
  example: {
    bad: `services: { api: { image: "shop/api:1.4" } }`,
    good: `services: { api: { image: "shop/api:1.4", cap_drop: [ALL] } }`,
  },
  check(context) {
    reportImported(context, "net-raw-not-dropped", HINT);
  },
};
