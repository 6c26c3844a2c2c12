/**
 * Whether an object is one of Kubernetes' own or a custom resource, by its API group: a CRD may name
 * its kind Deployment or Service (Knative's serving.knative.dev/v1 Service is common), and such an
 * object is its controller's to read, not a built-in workload's or Service's.
 */
import servedKinds from "./kinds.generated.json" with { type: "json" };

/** The group of an apiVersion: "apps" of apps/v1, "" of the core v1. */
const groupOf = (apiVersion: string): string => {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
};

const builtInGroups: ReadonlySet<string> = new Set(Object.keys(servedKinds).map(groupOf));

/**
 * Whether `apiVersion` is of a group Kubernetes does not serve. A version of a group it serves that
 * deployview does not know (a newer one) is still Kubernetes', and so is any group under k8s.io.
 */
export function isCustomResource(apiVersion: string): boolean {
  const group = groupOf(apiVersion);
  return !builtInGroups.has(group) && group !== "k8s.io" && !group.endsWith(".k8s.io");
}
