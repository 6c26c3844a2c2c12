import { dropsNetRaw, isNetRaw } from "../model/container-risks.js";
import { containerServices } from "./containers.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "drop it: security: { drop: [NET_RAW] } (or ALL); cap_drop, capabilities.drop in the files";

export const netRawNotDropped: Rule = {
  id: "net-raw-not-dropped",
  severity: "warning",
  optIn: true,
  onByDefaultIn: "kubernetes",
  description: `A container keeps the NET_RAW capability, which Docker and most Kubernetes runtimes grant by default.`,
  why: `NET_RAW lets a process craft raw packets and open raw sockets: enough to spoof traffic to its neighbours on the network, which almost no program needs.`,
  fix: `Drop NET_RAW, or drop ALL and add back only what the program uses.`,
  example: {
    bad: `services: { api: { kind: api, image: "shop/api:1.4" } }`,
    good: `services: { api: { kind: api, image: "shop/api:1.4", security: { drop: [ALL] } } }`,
  },
  check(context) {
    // Sidecars and init containers, which are not services of the model.
    reportImported(context, "net-raw-not-dropped", HINT);
    for (const service of containerServices(context.model)) {
      // Added, it is kept whatever is dropped: drop: [ALL] with add: [NET_RAW] keeps it.
      const added = service.security.capabilities.find((c) => isNetRaw(c.name));
      if (added) context.report(added.at, `'${service.id}' adds the NET_RAW capability`, HINT);
      else if (!dropsNetRaw(service.security.dropped))
        context.report(service.at, `'${service.id}' keeps the NET_RAW capability`, HINT);
    }
  },
};
