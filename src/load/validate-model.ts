/**
 * Checks raw model input against the schema with the precompiled validator and turns Ajv's errors
 * into few, located diagnostics: the deepest error of a branch wins over its ancestors, and the
 * alternatives of a union are merged into one message.
 */

import type { ErrorObject } from "ajv";
import { valueAt } from "../collections.js";
import { type Diagnostic, diagnostic, type SourceRange } from "../diagnostics.js";
import { CONTAINER_NAME_HINT } from "../model/container-name.js";
import type { ModelInputType } from "../model/schema.js";
import { isSeverityList, meantSeverity } from "../model/severity-settings.js";
import { suggestion } from "../model/suggest.js";
import validate from "../model/validate-model.generated.js";
import { asText, describeType, typeNames } from "./json-types.js";
import { knownKeys } from "./schema-keys.js";
import type { KeyPath } from "./yaml-file.js";

export type Locate = (path: KeyPath, prefer?: "key" | "value") => SourceRange;

function pathOf(instancePath: string): KeyPath {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function dotted(path: KeyPath): string {
  return path.length === 0 ? "the model" : path.join(".");
}

/** Which member of a union an error is about, from the end of its schema path (`…/anyOf/2/additionalProperties`). */
function unionMember(error: ErrorObject): number | undefined {
  const match = /\/anyOf\/(\d+)\/[^/]+$/.exec(error.schemaPath);
  return match ? Number(match[1]) : undefined;
}

/** One diagnostic for all errors at one path. */
function diagnoseAt(path: KeyPath, errors: ErrorObject[], locate: Locate, data: unknown): Diagnostic[] {
  const structural = errors.filter(
    (e) => e.keyword !== "type" && e.keyword !== "anyOf" && e.keyword !== "oneOf",
  );
  const found: Diagnostic[] = [];
  // A choice of fixed values (false, node or zone) fails once per value: one message names them all.
  const constants = structural.filter((e) => e.keyword === "const");
  if (constants.length > 0 && constants.length === structural.length) {
    const allowed = constants.map((e) => asText(e.params.allowedValue));
    const value = asText(valueAt(data, path));
    return [
      diagnostic(
        "schema-invalid-value",
        "error",
        `${dotted(path)} must be one of ${allowed.join(", ")}, not '${value}'`,
        locate(path, "value"),
        { hint: `use one of ${allowed.join(", ")}`, path },
      ),
    ];
  }
  if (structural.length > 0) {
    const seen = new Set<string>();
    for (const error of structural) {
      const key = `${error.keyword}:${JSON.stringify(error.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(diagnoseOne(path, error, locate, data));
    }
    return found;
  }
  const types = [
    ...new Set(errors.filter((e) => e.keyword === "type").flatMap((e) => String(e.params.type).split(","))),
  ];
  const value = valueAt(data, path);
  return [
    diagnostic(
      "schema-wrong-type",
      "error",
      `${dotted(path)} must be ${types.map((t) => typeNames[t] ?? t).join(" or ") || "of another shape"}, not ${describeType(value)}`,
      locate(path, "value"),
      { path },
    ),
  ];
}

function diagnoseOne(path: KeyPath, error: ErrorObject, locate: Locate, data: unknown): Diagnostic {
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const known = knownKeys(path, unionMember(error));
      return diagnostic(
        "schema-unknown-key",
        "error",
        `unknown key '${key}' in ${dotted(path)}`,
        locate([...path, key], "key"),
        {
          hint: suggestion(key, known, "key"),
          path: [...path, key],
        },
      );
    }
    case "required": {
      const key = String(error.params.missingProperty);
      return diagnostic(
        "schema-missing-key",
        "error",
        `${dotted(path)} needs the key '${key}'`,
        locate(path, "key"),
        {
          path,
        },
      );
    }
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const value = asText(valueAt(data, path));
      const meant = isSeverityList(allowed) ? meantSeverity(value) : undefined;
      const near = meant ? `did you mean '${meant}'?` : suggestion(value, allowed, "value");
      const message =
        allowed.length <= 6
          ? `${dotted(path)} must be one of ${allowed.join(", ")}, not '${value}'`
          : `${dotted(path)} cannot be '${value}'`;
      const hint = near.startsWith("did you mean") ? near : `use one of ${allowed.join(", ")}`;
      return diagnostic("schema-invalid-value", "error", message, locate(path, "value"), { hint, path });
    }
    case "pattern": {
      // The schema's patterns: a container name, a duration, an address to bind to.
      const field = String(path.at(-1));
      const what =
        field === "bind"
          ? {
              text: "an IP address to bind to",
              hint: "write an address, 127.0.0.1 or ::1: Compose binds to no host name",
            }
          : ["interval", "timeout", "start-period"].includes(field)
            ? { text: "a duration", hint: "write a number and a unit: 10s, 1m30s, 500ms" }
            : { text: "a name Docker accepts for a container", hint: CONTAINER_NAME_HINT };
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${dotted(path)} '${asText(valueAt(data, path))}' is not ${what.text}`,
        locate(path, "value"),
        { hint: what.hint, path },
      );
    }
    case "propertyNames":
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${dotted(path)} has a key that is not allowed`,
        locate(path, "key"),
        {
          path,
        },
      );
    default:
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${dotted(path)} ${error.message ?? "is not valid"}`,
        locate(path, "value"),
        { path },
      );
  }
}

/** Validates model input; the input is typed only when there are no diagnostics. */
export function validateModelInput(
  value: unknown,
  locate: Locate,
): { input: ModelInputType | undefined; diagnostics: Diagnostic[] } {
  if (validate(value)) return { input: value as ModelInputType, diagnostics: [] };
  const errors = validate.errors ?? [];
  const paths = new Map<string, { path: KeyPath; errors: ErrorObject[] }>();
  for (const error of errors) {
    const entry = paths.get(error.instancePath) ?? { path: pathOf(error.instancePath), errors: [] };
    entry.errors.push(error);
    paths.set(error.instancePath, entry);
  }
  // A failed union reports every branch; the branch that got deepest is the one the user meant. A
  // path with errors deeper in it is left out: each path's ancestors ("/services/a" of
  // "/services/a/kind", and the root "") are collected once, where testing every pair of paths took
  // time growing with the square of the errors (20,000 services without a kind: seconds).
  const extended = new Set<string>();
  for (const instancePath of paths.keys())
    for (let slash = instancePath.indexOf("/"); slash !== -1; slash = instancePath.indexOf("/", slash + 1))
      extended.add(instancePath.slice(0, slash));
  const kept = [...paths].flatMap(([instancePath, entry]) => {
    if (!extended.has(instancePath)) return [entry];
    // Outside every union, an unknown or missing key is wrong whatever is wrong deeper in: a
    // service with a misspelt kind and a misspelt key has both said at once.
    const plain = entry.errors.filter(
      (e) =>
        (e.keyword === "additionalProperties" || e.keyword === "required") &&
        !/\/(?:anyOf|oneOf)\//.test(e.schemaPath),
    );
    return plain.length > 0 ? [{ path: entry.path, errors: plain }] : [];
  });
  const diagnostics = kept.flatMap((entry) => diagnoseAt(entry.path, entry.errors, locate, value));
  // "servcies" is unknown and "services" missing: the misspelling is the one thing to say.
  const misspelt = new Set(diagnostics.filter((d) => d.code === "schema-unknown-key").map((d) => d.hint));
  return {
    input: undefined,
    diagnostics: diagnostics.filter(
      (d) =>
        !(
          d.code === "schema-missing-key" &&
          misspelt.has(`did you mean '${String(d.path && d.message.match(/'([^']+)'$/)?.[1])}'?`)
        ),
    ),
  };
}
