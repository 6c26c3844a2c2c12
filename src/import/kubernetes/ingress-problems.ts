/** What the API server refuses in an Ingress: a path without its type, or not absolute. */
import type { Diagnostic } from "../../diagnostics.js";
import { asText } from "../json.js";
import { asArray, asObject, isObject, type ManifestObject } from "./objects.js";
import { isSet, refused } from "./refusals.js";

/** networking.k8s.io/v1 wants each path's type, and Exact and Prefix paths absolute. */
export function ingressProblems(ingress: ManifestObject): Diagnostic[] {
  if (ingress.apiVersion !== "networking.k8s.io/v1") return [];
  const found: Diagnostic[] = [];
  asArray(asObject(ingress.value.spec).rules).forEach((rule, ruleIndex) => {
    asArray(asObject(asObject(rule).http).paths).forEach((entry, pathIndex) => {
      if (!isObject(entry)) return;
      const at = [...ingress.base, "spec", "rules", ruleIndex, "http", "paths", pathIndex];
      const path = typeof entry.path === "string" ? entry.path : undefined;
      if (!isSet(entry.pathType))
        found.push(
          refused(
            ingress,
            at,
            `a path of Ingress '${ingress.name}' has no pathType, which networking.k8s.io/v1 requires`,
            "add pathType: Prefix (or Exact)",
          ),
        );
      else if (entry.pathType !== "ImplementationSpecific" && path !== undefined && !path.startsWith("/"))
        found.push(
          refused(
            ingress,
            [...at, "path"],
            `the path '${path}' of Ingress '${ingress.name}' does not start with '/', which ${asText(entry.pathType)} requires`,
            `write it as /${path}`,
          ),
        );
    });
  });
  return found;
}
