/**
 * Fields an object's kind does not have, at any depth, often a misspelling (imagePullPolcy, paht):
 * the OpenAPI schema lets them through, and `kubectl apply`, whose field validation is strict,
 * refuses them. The fields of each kind are the pinned API version's, in fields.generated.json
 * (written by scripts/kubernetes-fields.ts from kubernetes-models' declarations).
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import { suggestion } from "../../model/suggest.js";
import { isObject } from "../json.js";
import fields from "./fields.generated.json" with { type: "json" };
import type { ManifestObject } from "./objects.js";

/** A field: 0 a scalar (or a list of them), 1 a mapping of any keys, else the shape it holds. */
type Field = 0 | 1 | string;

const { kinds, shapes } = fields as {
  kinds: Record<string, string>;
  shapes: Record<string, Record<string, Field>>;
};

export interface UnknownField {
  /** From the object's root. */
  path: KeyPath;
  field: string;
  known: string[];
}

/** The unknown fields of an object of `apiVersion` and `kind`; none for a kind not read here. */
export function unknownFields(apiVersion: string, kind: string, value: unknown): UnknownField[] {
  const shape = kinds[`${apiVersion} ${kind}`];
  const found: UnknownField[] = [];
  if (shape) walk(value, shape, [], found);
  return found;
}

function walk(value: unknown, shapeName: string, path: KeyPath, found: UnknownField[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walk(item, shapeName, [...path, index], found);
    });
    return;
  }
  const shape = shapes[shapeName];
  if (!isObject(value) || !shape) return;
  for (const [field, entry] of Object.entries(value)) {
    const type = Object.hasOwn(shape, field) ? shape[field] : undefined;
    if (type === undefined) found.push({ path: [...path, field], field, known: Object.keys(shape) });
    else if (typeof type === "string") walk(entry, type, [...path, field], found);
  }
}

export function unknownFieldProblems(object: ManifestObject): Diagnostic[] {
  return unknownFields(object.apiVersion, object.kind, object.value).map(({ path, field, known }) =>
    diagnostic(
      "manifest-unknown-field",
      "error",
      `'${field}' is not a field of ${path.length > 1 ? path.slice(0, -1).join(".") : object.kind} in ${object.kind} '${object.name}', so kubectl apply refuses it`,
      locate(object.yaml, [...object.base, ...path], "key"),
      { hint: suggestion(field, known, "field") },
    ),
  );
}
