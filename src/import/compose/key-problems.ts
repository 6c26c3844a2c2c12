import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { describeType, typeNames } from "../../load/json-types.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import { suggestion } from "../../model/suggest.js";
import { asText, isObject } from "../json.js";
import {
  composeServiceKeys,
  composeServiceTypes,
  composeTopKeys,
  composeTopTypes,
  type JsonType,
} from "./spec-keys.js";
import { type SpecProblem, sectionEntrySchema, serviceKeySchema, walkSpec } from "./spec-walk.js";
import type { ComposeSource } from "./to-model.js";

/** The sections whose entries Compose names, and the names it takes (the specification's pattern). */
const NAMED_SECTIONS = ["services", "networks", "volumes", "secrets", "configs"] as const;
const NAME = /^[a-zA-Z0-9._-]+$/;

/**
 * Keys the Compose Specification does not know (x- extensions aside), with a suggestion, and
 * values of the wrong JSON type for their key, and names it does not take: Compose refuses each.
 */
export function keyProblems(source: ComposeSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Null is how a file leaves a key unset (`command:`), and what `!reset` leaves: no wrong type.
  const wrongType = (path: KeyPath, value: unknown, allowed: readonly JsonType[] | undefined) => {
    if (!allowed || value === null || value === undefined) return;
    const type = Array.isArray(value) ? "array" : typeof value;
    if (allowed.includes(type as JsonType)) return;
    if (
      type === "number" &&
      (allowed.includes("number") || (allowed.includes("integer") && Number.isInteger(value)))
    )
      return;
    const names = [...new Set(allowed.filter((t) => t !== "null").map((t) => typeNames[t] ?? t))];
    found.push(
      diagnostic(
        "schema-wrong-type",
        "error",
        `${path.join(".")} must be ${names.join(" or ")}, not ${describeType(value)}`,
        locate(source.yaml, path, "value"),
      ),
    );
  };
  const report = (path: KeyPath, key: string, known: ReadonlySet<string>) =>
    found.push(
      diagnostic(
        "compose-unknown-key",
        "error",
        `'${key}' is not a Compose key, so Compose refuses the file`,
        locate(source.yaml, path, "key"),
        {
          hint: suggestion(key, [...known], "key"),
        },
      ),
    );
  for (const [key, value] of Object.entries(source.value)) {
    if (!composeTopKeys.has(key) && !key.startsWith("x-")) report([key], key, composeTopKeys);
    else wrongType([key], value, composeTopTypes.get(key));
  }
  for (const section of NAMED_SECTIONS) {
    const entries = source.value[section];
    if (!isObject(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      if (!NAME.test(name)) {
        found.push(
          diagnostic(
            "schema-invalid-value",
            "error",
            `'${name}' is not a name Compose takes for one of its ${section}`,
            locate(source.yaml, [section, name], "key"),
            { hint: "use letters, digits, '.', '_' and '-' only" },
          ),
        );
        continue;
      }
      // Services are walked key by key below.
      if (section === "services") continue;
      const problems: SpecProblem[] = [];
      walkSpec(entry, sectionEntrySchema(section), [section, name], problems);
      for (const problem of problems) found.push(specDiagnostic(source, problem));
    }
  }
  const services = isObject(source.value.services) ? source.value.services : {};
  for (const [id, service] of Object.entries(services)) {
    if (!isObject(service)) {
      wrongType(["services", id], service, ["object"]);
      continue;
    }
    for (const [key, value] of Object.entries(service)) {
      if (!composeServiceKeys.has(key) && !key.startsWith("x-")) {
        report(["services", id, key], key, composeServiceKeys);
        continue;
      }
      const before = found.length;
      wrongType(["services", id, key], value, composeServiceTypes.get(key));
      // A container name is held to Docker's own rule where it is read (to-model.ts).
      const schema = key === "container_name" ? undefined : serviceKeySchema(key);
      // What is inside, once the key's own type is right.
      if (found.length === before && schema) {
        const problems: SpecProblem[] = [];
        walkSpec(value, schema, ["services", id, key], problems);
        for (const problem of problems) found.push(specDiagnostic(source, problem));
      }
    }
  }
  return found;
}

function specDiagnostic(source: ComposeSource, problem: SpecProblem): Diagnostic {
  const where = problem.path.slice(0, -1).join(".");
  switch (problem.kind) {
    case "unknown-key":
      return diagnostic(
        "compose-unknown-key",
        "error",
        `'${problem.key}' is not a key Compose knows in ${where}, so Compose refuses the file`,
        locate(source.yaml, problem.path, "key"),
        {
          hint:
            problem.path[0] === "secrets" && problem.key === "content"
              ? "Compose takes inline content for configs only: put it in a file (file: ./path) or a variable (environment: VARIABLE)"
              : suggestion(problem.key, problem.known, "key"),
        },
      );
    case "wrong-type": {
      const names = [...new Set(problem.allowed.filter((t) => t !== "null").map((t) => typeNames[t] ?? t))];
      return diagnostic(
        "schema-wrong-type",
        "error",
        `${problem.path.join(".")} must be ${names.join(" or ")}, not ${describeType(problem.value)}`,
        locate(source.yaml, problem.path, "value"),
      );
    }
    case "not-allowed": {
      const allowed = problem.allowed.map(asText);
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.join(".")} is '${asText(problem.value)}', which Compose does not take (${allowed.join(", ")})`,
        locate(source.yaml, problem.path, "value"),
        { hint: suggestion(asText(problem.value), allowed, "value") },
      );
    }
    case "not-matching":
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.join(".")} is '${problem.value}', which is not of the form Compose takes (${problem.pattern})`,
        locate(source.yaml, problem.path, "value"),
      );
  }
}
