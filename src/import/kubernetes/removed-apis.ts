/**
 * API versions that Kubernetes served once and no longer does: a manifest that uses one is refused
 * by every current cluster ("no matches for kind … in version …"), though it reads as it always did.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";

interface Removal {
  /** The release that stopped serving it. */
  removedIn: string;
  /** What to write instead. */
  hint: string;
}

const removals = new Map<string, Removal>();
function removed(removedIn: string, hint: string, versions: string[], kinds: string[]): void {
  for (const version of versions)
    for (const kind of kinds) removals.set(`${version} ${kind}`, { removedIn, hint });
}
const use = (apiVersion: string) => `use apiVersion: ${apiVersion}`;

removed(
  "1.16",
  use("apps/v1"),
  ["extensions/v1beta1", "apps/v1beta2"],
  ["Deployment", "DaemonSet", "ReplicaSet"],
);
removed("1.16", use("apps/v1"), ["apps/v1beta1"], ["Deployment", "StatefulSet"]);
removed("1.16", use("apps/v1"), ["apps/v1beta2"], ["StatefulSet"]);
removed("1.16", use("networking.k8s.io/v1"), ["extensions/v1beta1"], ["NetworkPolicy"]);
removed("1.21", use("batch/v1"), ["batch/v2alpha1"], ["CronJob"]);
removed(
  "1.22",
  use("networking.k8s.io/v1"),
  ["extensions/v1beta1", "networking.k8s.io/v1beta1"],
  ["Ingress"],
);
removed("1.22", use("networking.k8s.io/v1"), ["networking.k8s.io/v1beta1"], ["IngressClass"]);
removed(
  "1.22",
  use("rbac.authorization.k8s.io/v1"),
  ["rbac.authorization.k8s.io/v1beta1"],
  ["Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding"],
);
removed(
  "1.22",
  use("apiextensions.k8s.io/v1"),
  ["apiextensions.k8s.io/v1beta1"],
  ["CustomResourceDefinition"],
);
removed(
  "1.22",
  use("admissionregistration.k8s.io/v1"),
  ["admissionregistration.k8s.io/v1beta1"],
  ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
);
removed("1.22", use("apiregistration.k8s.io/v1"), ["apiregistration.k8s.io/v1beta1"], ["APIService"]);
removed(
  "1.22",
  use("certificates.k8s.io/v1"),
  ["certificates.k8s.io/v1beta1"],
  ["CertificateSigningRequest"],
);
removed("1.22", use("coordination.k8s.io/v1"), ["coordination.k8s.io/v1beta1"], ["Lease"]);
removed("1.22", use("scheduling.k8s.io/v1"), ["scheduling.k8s.io/v1beta1"], ["PriorityClass"]);
removed(
  "1.22",
  use("storage.k8s.io/v1"),
  ["storage.k8s.io/v1beta1"],
  ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
);
removed("1.25", use("batch/v1"), ["batch/v1beta1"], ["CronJob"]);
removed("1.25", use("discovery.k8s.io/v1"), ["discovery.k8s.io/v1beta1"], ["EndpointSlice"]);
removed("1.25", use("events.k8s.io/v1"), ["events.k8s.io/v1beta1"], ["Event"]);
removed("1.25", use("autoscaling/v2"), ["autoscaling/v2beta1"], ["HorizontalPodAutoscaler"]);
removed("1.25", use("policy/v1"), ["policy/v1beta1"], ["PodDisruptionBudget"]);
removed(
  "1.25",
  "remove it: Kubernetes has no PodSecurityPolicy any more; Pod Security Admission took its place",
  ["policy/v1beta1", "extensions/v1beta1"],
  ["PodSecurityPolicy"],
);
removed("1.25", use("node.k8s.io/v1"), ["node.k8s.io/v1beta1"], ["RuntimeClass"]);
removed("1.26", use("autoscaling/v2"), ["autoscaling/v2beta2"], ["HorizontalPodAutoscaler"]);
removed("1.27", use("storage.k8s.io/v1"), ["storage.k8s.io/v1beta1"], ["CSIStorageCapacity"]);
const flowControl = ["FlowSchema", "PriorityLevelConfiguration"];
removed(
  "1.26",
  use("flowcontrol.apiserver.k8s.io/v1"),
  ["flowcontrol.apiserver.k8s.io/v1beta1"],
  flowControl,
);
removed(
  "1.29",
  use("flowcontrol.apiserver.k8s.io/v1"),
  ["flowcontrol.apiserver.k8s.io/v1beta2"],
  flowControl,
);
removed(
  "1.32",
  use("flowcontrol.apiserver.k8s.io/v1"),
  ["flowcontrol.apiserver.k8s.io/v1beta3"],
  flowControl,
);

/** Whether Kubernetes stopped serving this kind in this version. */
export function isRemovedApi(apiVersion: string, kind: string): boolean {
  return removals.has(`${apiVersion} ${kind}`);
}

export function removedApiFindings(objects: readonly ManifestObject[]): Diagnostic[] {
  return objects.flatMap((object) => {
    const removal = removals.get(`${object.apiVersion} ${object.kind}`);
    if (!removal) return [];
    return [
      diagnostic(
        "removed-api-version",
        "error",
        `${object.kind} '${object.name}' is written as ${object.apiVersion}, which Kubernetes ${removal.removedIn} stopped serving`,
        locateIn(object, [...object.base, "apiVersion"], "value"),
        { hint: removal.hint },
      ),
    ];
  });
}
