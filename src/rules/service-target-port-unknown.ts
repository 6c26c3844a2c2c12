import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT =
  "give the container's port that name (ports: [{ name: …, containerPort: … }]), or give targetPort as a number";

export const serviceTargetPortUnknown: Rule = {
  id: "service-target-port-unknown",
  severity: "error",
  description: `A Kubernetes Service's targetPort names a port that no container of the pods it selects names for the Service port's protocol, or (a warning) is a number none of their declared ports has.`,
  why: `Kubernetes looks the name up, with the Service port's protocol, in each selected pod (a UDP port does not find a port the container names for TCP); finding none, the Service has no port to send to, and every connection to it fails, though every object applies cleanly. A number is sent to as it is, so it is only a warning: a container may listen on a port it does not declare, but most often the containers declare the port they listen on, and the Service misses it (a targetPort left out is the Service's own port).`,
  fix: `Use the name the container gives its port, name the container port as the Service expects (with the same protocol), or give the targetPort as the number the container listens on.`,
  example: {
    bad: `kind: Service
spec: { ports: [{ port: 80, targetPort: http }] }   # the container names its port web`,
    good: `kind: Service
spec: { ports: [{ port: 80, targetPort: web }] }`,
  },
  check(context) {
    reportImported(context, "service-target-port-unknown", HINT);
  },
};
