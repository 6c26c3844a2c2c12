/**
 * Unknown fields, which kubernetes-models' validators let through (the Kubernetes OpenAPI schema
 * does not forbid them, while `kubectl apply --validate=strict` does): the importer's own check,
 * whose fields per kind are read from the package's type declarations at build time.
 */
import { checksFields, fieldProblems } from "../../src/import/kubernetes/field-problems.js";

/** Fields of a Kubernetes object that its kind does not have, by path. */
export function unknownFields(object: { apiVersion: string; kind: string }): string[] {
  // A kind written that the table does not know would pass unchecked.
  if (!checksFields(object.apiVersion, object.kind))
    return [`no fields known for ${object.apiVersion} ${object.kind}`];
  // Whether a word YAML 1.1 takes for a boolean was quoted is the text's to say, not the value's
  // (yaml-text.ts quotes every such word).
  const problems = fieldProblems(object.apiVersion, object.kind, object).filter(
    (p) => p.kind !== "boolean-word",
  );
  return problems.map(
    (problem) =>
      `${object.kind}${problem.path.map((step) => (typeof step === "number" ? `[${step}]` : `.${step}`)).join("")} ${problem.kind === "unknown" ? "is not a field there" : problem.kind === "type" ? `is not of type ${problem.expected}` : problem.kind === "whole" ? "is no whole number" : problem.kind === "null-item" ? "is null" : `is none of ${problem.allowed.join(", ")}`}`,
  );
}
