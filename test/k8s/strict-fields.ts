/**
 * Unknown fields, which kubernetes-models' validators let through (the Kubernetes OpenAPI schema
 * does not forbid them, while `kubectl apply --validate=strict` does): the importer's own check,
 * whose fields per kind are read from the package's type declarations at build time.
 */
import { unknownFields as fieldsNotOf } from "../../src/import/kubernetes/unknown-fields.js";

/** Fields of a Kubernetes object that its kind does not have, by path. */
export function unknownFields(object: { apiVersion: string; kind: string }): string[] {
  return fieldsNotOf(object.apiVersion, object.kind, object).map(
    ({ path }) =>
      `${object.kind}${path.map((step) => (typeof step === "number" ? `[${step}]` : `.${step}`)).join("")} is not a field there`,
  );
}
