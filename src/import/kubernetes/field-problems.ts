/**
 * What kubectl and the API server refuse in an object's fields, at any depth: fields its kind does
 * not have, often a misspelling (imagePullPolcy, paht), which the OpenAPI schema lets through and
 * `kubectl apply`, whose field validation is strict, refuses; values of the wrong type
 * (`replicas: "2"`, an environment variable's `value: 8080`, or text that kubectl, which reads
 * YAML 1.1, takes for true or false: an unquoted `yes`, `on`, `n`); and values a field does not
 * take (`type: Loadbalancer`, `protocol: HTTP`). The fields of each kind, their types and values
 * are the pinned API version's, in fields.generated.json (written by scripts/kubernetes-fields.ts
 * from kubernetes-models' declarations).
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { asText, describeType, typeNames } from "../../load/json-types.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { secretLike } from "../../model/secret-like.js";
import { suggestion } from "../../model/suggest.js";
import { INT64_MAX_TEXT, isInt64, isObject } from "../json.js";
import fields from "./fields.generated.json" with { type: "json" };
import type { ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";

/**
 * A field's type: "s" text, "e:A|B" one of these texts, "n" a number, "b" true or false, "x"
 * anything, "{}" and a type for a mapping of keys of any name, else the name of the shape it holds;
 * "[]" before any for a list.
 */
type Field = string;

const { kinds, shapes } = fields as {
  kinds: Record<string, string>;
  shapes: Record<string, Record<string, Field>>;
};

const SCALARS: Record<string, string> = { s: "string", n: "number", b: "boolean" };

export type FieldProblem =
  | { kind: "unknown"; path: KeyPath; field: string; known: string[] }
  | { kind: "type"; path: KeyPath; value: unknown; expected: string }
  | { kind: "value"; path: KeyPath; value: string; allowed: string[] }
  /** A number no integer field takes: a fraction, or beyond the widest integer (int64). */
  | { kind: "whole"; path: KeyPath; value: number }
  /** Text YAML 1.2 reads as text and kubectl's YAML 1.1 as true or false, where left unquoted. */
  | { kind: "boolean-word"; path: KeyPath; value: string }
  /** An entry of a list written as null (often what a template left of one): read as an empty one. */
  | { kind: "null-item"; path: KeyPath };

/** YAML 1.1's words for true and false beyond YAML 1.2's own (true, false), as kubectl reads them. */
const YAML11_BOOLEANS = new Map(
  (
    [
      ["y", true],
      ["yes", true],
      ["on", true],
      ["n", false],
      ["no", false],
      ["off", false],
    ] as const
  ).flatMap(([word, meaning]) =>
    [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()].map(
      (spelling) => [spelling, meaning] as const,
    ),
  ),
);

/** Whether the fields of objects of `apiVersion` and `kind` are known here, and so checked. */
export const checksFields = (apiVersion: string, kind: string): boolean =>
  Object.hasOwn(kinds, `${apiVersion} ${kind}`);

/** What is wrong in the fields of an object of `apiVersion` and `kind`; nothing for a kind not read here. */
export function fieldProblems(apiVersion: string, kind: string, value: unknown): FieldProblem[] {
  const shape = kinds[`${apiVersion} ${kind}`];
  const found: FieldProblem[] = [];
  // What the cluster writes (status) is not applied, and may name values of a later version.
  if (shape && isObject(value))
    check(
      Object.fromEntries(Object.entries(value).filter(([field]) => field !== "status")),
      shape,
      [],
      found,
    );
  return found;
}

function check(value: unknown, type: Field, path: KeyPath, found: FieldProblem[]): void {
  // Null leaves a field unset, as `creationTimestamp: null` in what kubectl writes.
  if (value === null || value === undefined || type === "x") return;
  if (type.startsWith("[]")) {
    if (!Array.isArray(value)) found.push({ kind: "type", path, value, expected: "array" });
    else
      value.forEach((item, index) => {
        if (item === null) found.push({ kind: "null-item", path: [...path, index] });
        else check(item, type.slice(2), [...path, index], found);
      });
    return;
  }
  if (type.startsWith("e:")) {
    const allowed = type.slice(2).split("|");
    if (typeof value !== "string") found.push({ kind: "type", path, value, expected: "string" });
    else if (!allowed.includes(value)) found.push({ kind: "value", path, value, allowed });
    return;
  }
  const scalar = SCALARS[type];
  if (scalar) {
    if (typeof value !== scalar) found.push({ kind: "type", path, value, expected: scalar });
    // Kubernetes' API has no fractional fields (its conventions rule them out): every number is an integer.
    else if (scalar === "number" && !isInt64(value as number))
      found.push({ kind: "whole", path, value: value as number });
    else if (scalar === "string" && YAML11_BOOLEANS.has(value as string))
      found.push({ kind: "boolean-word", path, value: value as string });
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
  const shape = shapes[type];
  if (!shape) return;
  for (const [field, entry] of Object.entries(value)) {
    const inner = Object.hasOwn(shape, field) ? shape[field] : undefined;
    if (inner === undefined)
      found.push({ kind: "unknown", path: [...path, field], field, known: Object.keys(shape) });
    else check(entry, inner, [...path, field], found);
  }
}

export function fieldDiagnostics(object: ManifestObject): Diagnostic[] {
  return problemDiagnostics(object, fieldProblems(object.apiVersion, object.kind, object.value));
}

/** What the API server refuses of these problems of an object's fields, where each is written. */
export function problemDiagnostics(object: ManifestObject, problems: FieldProblem[]): Diagnostic[] {
  const named = `${object.kind} '${object.name}'`;
  return problems.flatMap((problem) => {
    const at = [...object.base, ...problem.path];
    if (problem.kind === "boolean-word") {
      const range = locateIn(object, at, "value");
      // Quoted, it is text to kubectl too.
      if (/['"]/.test(object.yaml.text[range.start] ?? "")) return [];
      const hidden = mayBeSecret(object, problem.path, problem.value);
      return [
        diagnostic(
          "schema-wrong-type",
          "error",
          `${problem.path.join(".")} of ${named} is ${hidden ? "a word" : problem.value}, which kubectl reads as ${YAML11_BOOLEANS.get(problem.value)} (YAML 1.1), where it must be text, so kubectl apply refuses it`,
          range,
          { hint: hidden ? "quote it" : `quote it: "${problem.value}"` },
        ),
      ];
    }
    if (problem.kind === "null-item")
      return diagnostic(
        "schema-wrong-type",
        "warning",
        `${problem.path.join(".")} of ${named} is null, which the API server reads as an entry with nothing set`,
        locateIn(object, at, "value"),
        { hint: "remove the entry, or write out what it holds" },
      );
    if (problem.kind === "whole") {
      const range = locateIn(object, at, "value");
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.join(".")} of ${named} is ${object.yaml.text.slice(range.start, range.end) || problem.value}, where the API server takes a whole number${Number.isInteger(problem.value) ? ` of at most ${INT64_MAX_TEXT}` : ""}, so kubectl apply refuses it`,
        range,
      );
    }
    if (problem.kind === "unknown")
      return diagnostic(
        "manifest-unknown-field",
        "error",
        `'${problem.field}' is not a field of ${problem.path.length > 1 ? problem.path.slice(0, -1).join(".") : object.kind} in ${named}, so kubectl apply refuses it`,
        locateIn(object, at, "key"),
        { hint: suggestion(problem.field, problem.known, "field") },
      );
    if (problem.kind === "value")
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.join(".")} of ${named} is '${problem.value}', which the API server does not take (${problem.allowed.map((v) => (v === "" ? '""' : v)).join(", ")})`,
        locateIn(object, at, "value"),
        {
          hint:
            problem.path.at(-1) === "protocol" && /^(?:https?|grpc|h2c?|tls)$/i.test(problem.value)
              ? `leave it out for TCP: what is spoken over the port (${problem.value}) is no protocol here; name the port ${problem.value.toLowerCase()} instead`
              : suggestion(problem.value, problem.allowed, "value"),
        },
      );
    return diagnostic(
      "schema-wrong-type",
      "error",
      `${problem.path.join(".")} of ${named} must be ${typeNames[problem.expected]}, not ${mayBeSecret(object, problem.path, problem.value) ? `a ${typeof problem.value}` : describeType(problem.value)}, so kubectl apply refuses it`,
      locateIn(object, at, "value"),
      problem.expected === "string" && typeof problem.value !== "object"
        ? { hint: "quote it, so that YAML reads it as text" }
        : {},
    );
  });
}

/**
 * Whether a scalar is a value a secret may be: a Secret's, or a variable's or a ConfigMap key's
 * that looks secret. A message names its type alone, as a log that shows it may be public.
 */
function mayBeSecret(object: ManifestObject, path: KeyPath, value: unknown): boolean {
  if (value === null || typeof value === "object") return false;
  const [field, key] = path;
  if (object.kind === "Secret") return field === "data" || field === "stringData";
  if (object.kind === "ConfigMap" && (field === "data" || field === "binaryData") && path.length === 2)
    return secretLike(String(key), asText(value)) !== undefined;
  if (path.at(-1) !== "value" || path.at(-3) !== "env") return false;
  const entry = path
    .slice(0, -1)
    .reduce<unknown>(
      (at, step) => (Array.isArray(at) ? at[Number(step)] : isObject(at) ? at[step] : undefined),
      object.value,
    );
  const name = isObject(entry) ? entry.name : undefined;
  return typeof name === "string" && secretLike(name, asText(value)) !== undefined;
}
