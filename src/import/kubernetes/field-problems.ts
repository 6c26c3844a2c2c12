/**
 * Fields an object's kind does not have, at any depth, often a misspelling (imagePullPolcy, paht),
 * and values of the wrong type (`replicas: "2"`, an environment variable's `value: 8080`): the
 * OpenAPI schema lets unknown fields through, and `kubectl apply`, whose field validation is strict,
 * refuses both. The fields of each kind and their types are the pinned API version's, in
 * fields.generated.json (written by scripts/kubernetes-fields.ts from kubernetes-models' declarations).
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { describeType, typeNames } from "../../load/json-types.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import { suggestion } from "../../model/suggest.js";
import { isObject } from "../json.js";
import fields from "./fields.generated.json" with { type: "json" };
import type { ManifestObject } from "./objects.js";

/**
 * A field's type: "s" text, "n" a number, "b" true or false, "x" anything, "{}" and a type for a
 * mapping of keys of any name, else the name of the shape it holds; "[]" before any for a list.
 */
type Field = string;

const { kinds, shapes } = fields as {
  kinds: Record<string, string>;
  shapes: Record<string, Record<string, Field>>;
};

const SCALARS: Record<string, string> = { s: "string", n: "number", b: "boolean" };

export type FieldProblem =
  | { kind: "unknown"; path: KeyPath; field: string; known: string[] }
  | { kind: "type"; path: KeyPath; value: unknown; expected: string };

/** What is wrong in the fields of an object of `apiVersion` and `kind`; nothing for a kind not read here. */
export function fieldProblems(apiVersion: string, kind: string, value: unknown): FieldProblem[] {
  const shape = kinds[`${apiVersion} ${kind}`];
  const found: FieldProblem[] = [];
  if (shape) check(value, shape, [], found);
  return found;
}

function check(value: unknown, type: Field, path: KeyPath, found: FieldProblem[]): void {
  // Null leaves a field unset, as `creationTimestamp: null` in what kubectl writes.
  if (value === null || value === undefined || type === "x") return;
  if (type.startsWith("[]")) {
    if (!Array.isArray(value)) found.push({ kind: "type", path, value, expected: "array" });
    else
      value.forEach((item, index) => {
        check(item, type.slice(2), [...path, index], found);
      });
    return;
  }
  const scalar = SCALARS[type];
  if (scalar) {
    if (typeof value !== scalar) found.push({ kind: "type", path, value, expected: scalar });
    return;
  }
  if (!isObject(value)) {
    found.push({ kind: "type", path, value, expected: "object" });
    return;
  }
  if (type.startsWith("{}")) {
    for (const [key, entry] of Object.entries(value)) check(entry, type.slice(2), [...path, key], found);
    return;
  }
  const shape = shapes[type] ?? {};
  for (const [field, entry] of Object.entries(value)) {
    const inner = Object.hasOwn(shape, field) ? shape[field] : undefined;
    if (inner === undefined)
      found.push({ kind: "unknown", path: [...path, field], field, known: Object.keys(shape) });
    else check(entry, inner, [...path, field], found);
  }
}

export function fieldDiagnostics(object: ManifestObject): Diagnostic[] {
  const named = `${object.kind} '${object.name}'`;
  return fieldProblems(object.apiVersion, object.kind, object.value).map((problem) => {
    const at = [...object.base, ...problem.path];
    if (problem.kind === "unknown")
      return diagnostic(
        "manifest-unknown-field",
        "error",
        `'${problem.field}' is not a field of ${problem.path.length > 1 ? problem.path.slice(0, -1).join(".") : object.kind} in ${named}, so kubectl apply refuses it`,
        locate(object.yaml, at, "key"),
        { hint: suggestion(problem.field, problem.known, "field") },
      );
    return diagnostic(
      "schema-wrong-type",
      "error",
      `${problem.path.join(".")} of ${named} must be ${typeNames[problem.expected]}, not ${describeType(problem.value)}, so kubectl apply refuses it`,
      locate(object.yaml, at, "value"),
      problem.expected === "string" && typeof problem.value !== "object"
        ? { hint: "quote it, so that YAML reads it as text" }
        : {},
    );
  });
}
