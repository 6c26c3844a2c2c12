import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const governingServiceNotHeadless: Rule = {
  id: "governing-service-not-headless",
  severity: "warning",
  description: `A Kubernetes StatefulSet's serviceName names a Service that is not headless.`,
  why: `A StatefulSet's pods are reached by stable names (db-0.db.shop.svc) only through a headless governing Service: one with a cluster IP gets no record per pod, so replicas that find each other by name (a database's primary and its replicas, a quorum) cannot.`,
  fix: `Set clusterIP: None on the Service that serviceName names, or add a headless Service for the StatefulSet and name it there.`,
  example: {
    bad: `kind: StatefulSet
spec: { serviceName: db }   # kind: Service, metadata: { name: db }, spec: { selector: { app: db } }`,
    good: `kind: StatefulSet
spec: { serviceName: db }   # kind: Service, metadata: { name: db }, spec: { clusterIP: None, selector: { app: db } }`,
  },
  check(context) {
    reportImported(
      context,
      "governing-service-not-headless",
      "set clusterIP: None on the Service, or name a headless Service that selects the StatefulSet's pods",
    );
  },
};
