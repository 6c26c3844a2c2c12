import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const claimSharedByReplicas: Rule = {
  id: "claim-shared-by-replicas",
  severity: "warning",
  description: `Several pods of one Kubernetes workload mount one claim that only a single node (or pod) can mount.`,
  why: `The scheduler spreads the replicas over nodes; those away from the volume stay in ContainerCreating with a Multi-Attach error, and a rolling update waits for ever on its new pod.`,
  fix: `Give each replica a claim of its own (a StatefulSet's volumeClaimTemplates), use a ReadWriteMany storage class, or run one replica.`,
  example: {
    bad: `kind: Deployment
spec: { replicas: 3, template: { spec: { volumes: [{ name: up, persistentVolumeClaim: { claimName: uploads } }] } } }   # uploads: ReadWriteOnce`,
    good: `kind: StatefulSet
spec: { replicas: 3, volumeClaimTemplates: [{ metadata: { name: uploads }, spec: { accessModes: [ReadWriteOnce] } }] }`,
  },
  check(context) {
    reportImported(context, "claim-shared-by-replicas");
  },
};
