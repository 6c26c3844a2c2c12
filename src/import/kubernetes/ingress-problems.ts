/**
 * What the API server refuses in an Ingress: a class annotation that names another class than
 * ingressClassName, a rule whose http lists no paths, and a path without its type, not absolute,
 * or without a backend.
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { asArray, asObject, isObject, type Json, type ManifestObject } from "./objects.js";
import { isSet, refused } from "./refusals.js";

/** networking.k8s.io/v1 wants each path's type, and Exact and Prefix paths absolute. */
function pathTypeProblem(ingress: ManifestObject, entry: Json, at: KeyPath): Diagnostic | undefined {
  if (ingress.apiVersion !== "networking.k8s.io/v1") return undefined;
  const path = typeof entry.path === "string" ? entry.path : undefined;
  if (!isSet(entry.pathType))
    return refused(
      ingress,
      at,
      `a path of Ingress '${ingress.name}' has no pathType, which networking.k8s.io/v1 requires`,
      "add pathType: Prefix (or Exact)",
    );
  if (entry.pathType !== "ImplementationSpecific" && path !== undefined && !path.startsWith("/"))
    return refused(
      ingress,
      [...at, "path"],
      `the path '${path}' of Ingress '${ingress.name}' does not start with '/', which ${asText(entry.pathType)} requires`,
      `write it as /${path}`,
    );
  return undefined;
}

/**
 * A path sends its traffic to a Service or to a resource (a bucket of a custom kind), and one that
 * names neither goes nowhere; serviceName is the Service before networking.k8s.io/v1. Reported at
 * the backend where one is written, else at the path.
 */
function backendProblem(ingress: ManifestObject, entry: Json, at: KeyPath): Diagnostic | undefined {
  const backend = asObject(entry.backend);
  if (isSet(backend.service) || isSet(backend.resource) || isSet(backend.serviceName)) return undefined;
  const path = typeof entry.path === "string" ? `the path '${entry.path}'` : "a path";
  return refused(
    ingress,
    isSet(entry.backend) ? [...at, "backend"] : at,
    `${path} of Ingress '${ingress.name}' names no backend, neither a service nor a resource, which the API server refuses`,
    "add backend: { service: { name: …, port: { number: … } } }",
  );
}

/**
 * A rule's http routes by its paths and must list one at least; a rule that leaves http out sends
 * its host to the default backend. Reported at the empty list, else at the http that lacks it.
 */
function noPathsProblem(ingress: ManifestObject, rule: Json, at: KeyPath): Diagnostic | undefined {
  if (!isObject(rule.http) || asArray(rule.http.paths).length > 0) return undefined;
  const host = typeof rule.host === "string" ? ` for ${rule.host}` : "";
  return refused(
    ingress,
    isSet(rule.http.paths) ? [...at, "http", "paths"] : [...at, "http"],
    `a rule of Ingress '${ingress.name}'${host} lists no paths under http, which the API server refuses`,
    "add a path (path: /, pathType: Prefix, backend: …), or leave http out to send the host to the default backend",
  );
}

const CLASS_ANNOTATION = "kubernetes.io/ingress.class";

/** The class annotation from before ingressClassName, where both are written and name different classes. */
function classProblem(ingress: ManifestObject): Diagnostic | undefined {
  const annotation = asObject(asObject(ingress.value.metadata).annotations)[CLASS_ANNOTATION];
  const className = asObject(ingress.value.spec).ingressClassName;
  if (typeof annotation !== "string" || typeof className !== "string" || annotation === className)
    return undefined;
  return refused(
    ingress,
    [...ingress.base, "metadata", "annotations", CLASS_ANNOTATION],
    `the annotation ${CLASS_ANNOTATION} of Ingress '${ingress.name}' names '${annotation}', and its ingressClassName '${className}': the API server refuses an Ingress whose two differ`,
    "leave the annotation out: ingressClassName replaces it",
  );
}

export function ingressProblems(ingress: ManifestObject): Diagnostic[] {
  const found: Diagnostic[] = [];
  const mismatch = classProblem(ingress);
  if (mismatch) found.push(mismatch);
  asArray(asObject(ingress.value.spec).rules).forEach((rule, ruleIndex) => {
    const empty = noPathsProblem(ingress, asObject(rule), [...ingress.base, "spec", "rules", ruleIndex]);
    if (empty) found.push(empty);
    asArray(asObject(asObject(rule).http).paths).forEach((entry, pathIndex) => {
      if (!isObject(entry)) return;
      const at = [...ingress.base, "spec", "rules", ruleIndex, "http", "paths", pathIndex];
      for (const problem of [pathTypeProblem(ingress, entry, at), backendProblem(ingress, entry, at)])
        if (problem) found.push(problem);
    });
  });
  return found;
}
