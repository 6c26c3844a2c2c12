import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { describeType, typeNames } from "../../load/json-types.js";
import { locate } from "../../load/yaml-file.js";
import { COMPOSE_NAME as NAME } from "../../model/container-name.js";
import { suggestion } from "../../model/suggest.js";
import { asText, asWritten, INT64_MAX_TEXT, isObject, type Json } from "../json.js";
import {
  composeServiceKeys,
  composeTopKeys,
  type SpecProblem,
  sectionEntrySchema,
  serviceKeySchema,
  topKeySchema,
  walkSpec,
} from "./spec-walk.js";
import type { ComposeSource } from "./to-model.js";

/** The sections whose entries Compose names, and the names it takes (the specification's pattern). */
const NAMED_SECTIONS = ["services", "networks", "volumes", "secrets", "configs"] as const;

const PARSED_NAMES = { boolean: "true or false", integer: "a whole number", number: "a number" } as const;
const PARSED_HINTS = {
  boolean: "write true or false",
  integer: "write a whole number, such as 3",
  number: "write a number, such as 0.5",
} as const;

/** What the Compose Specification refuses in one file's value: names it does not take, and the rest by path. */
export interface FileProblems {
  /** Entries of a section with a name Compose does not take, as [section, name]. */
  names: [string, string][];
  problems: SpecProblem[];
}

/**
 * What the Compose Specification refuses in a file, each where it is written: keys it does not know
 * (x- extensions aside), with a suggestion; values of the wrong type or outside what it takes, at
 * any depth; and names it does not take. Compose refuses each.
 */
export function keyProblems(source: ComposeSource, found = specProblems(source.value)): Diagnostic[] {
  const names = found.names.map(([key, name]) =>
    diagnostic(
      "schema-invalid-value",
      "error",
      `'${name}' is not a name Compose takes for one of its ${key}`,
      locate(source.yaml, [key, name], "key"),
      { hint: "use letters, digits, '.', '_' and '-' only" },
    ),
  );
  return [...names, ...found.problems.map((problem) => specDiagnostic(source, problem))];
}

/** The schema walked along a file's value (or the merged files'), with no positions: those are found when reported. */
export function specProblems(value: Json): FileProblems {
  const problems: SpecProblem[] = [];
  const unknownKey = (path: (string | number)[], key: string, known: readonly string[]) =>
    problems.push({ kind: "unknown-key", path, key, known: [...known] });
  // A section's entries are walked one by one, so that a name it does not take is said as such.
  const isSection = (key: string): key is (typeof NAMED_SECTIONS)[number] =>
    (NAMED_SECTIONS as readonly string[]).includes(key);
  const names: [string, string][] = [];
  for (const [key, section] of Object.entries(value)) {
    const schema = topKeySchema(key);
    if (!schema) {
      if (!key.startsWith("x-")) unknownKey([key], key, composeTopKeys);
      continue;
    }
    if (!isSection(key)) {
      walkSpec(section, schema, [key], problems);
      continue;
    }
    if (section === null || section === undefined) continue;
    if (!isObject(section)) {
      problems.push({ kind: "wrong-type", path: [key], value: section, allowed: ["object"] });
      continue;
    }
    for (const [name, entry] of Object.entries(section)) {
      if (!NAME.test(name)) {
        names.push([key, name]);
        continue;
      }
      if (key !== "services") {
        walkSpec(entry, sectionEntrySchema(key), [key, name], problems);
        continue;
      }
      if (entry === null || entry === undefined) continue;
      if (!isObject(entry)) {
        problems.push({ kind: "wrong-type", path: ["services", name], value: entry, allowed: ["object"] });
        continue;
      }
      const fields = Object.keys(entry);
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i]!;
        const setting = entry[field];
        const inner = serviceKeySchema(field);
        if (!inner) {
          if (!field.startsWith("x-")) unknownKey(["services", name, field], field, composeServiceKeys);
        }
        // A container name is held to Docker's own rule, stricter than the schema's, where it is read (service.ts).
        else if (!(field === "container_name" && typeof setting === "string"))
          walkSpec(setting, inner, ["services", name, field], problems);
      }
    }
  }
  return { names, problems };
}

/** YAML's infinity, as it is written: .inf, .Inf or .INF, with a sign or not. */
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;

/** What the file writes at a place, as it is written. */
const writtenText = (source: ComposeSource, { start, end }: SourceRange): string =>
  source.yaml.text.slice(start, end);

/** A value as the file writes it where it is a number (1.50, 99999999999999999999), not as it is read (1.5, 1e20). */
function describeWritten(source: ComposeSource, value: unknown, at: SourceRange): string {
  if (typeof value !== "number") return describeType(value);
  return `number ${asWritten(value, writtenText(source, at))}`;
}

function wrongType(source: ComposeSource, problem: SpecProblem & { kind: "wrong-type" }): Diagnostic {
  const names = [...new Set(problem.allowed.filter((t) => t !== "null").map((t) => typeNames[t] ?? t))];
  const at = locate(source.yaml, problem.path, "value");
  return diagnostic(
    "schema-wrong-type",
    "error",
    `${problem.path.join(".")} must be ${names.join(" or ")}, not ${describeWritten(source, problem.value, at)}${
      Number.isInteger(problem.value) && problem.allowed.includes("integer")
        ? `, beyond the largest Compose reads (${INT64_MAX_TEXT})`
        : ""
    }`,
    at,
  );
}

function specDiagnostic(source: ComposeSource, problem: SpecProblem): Diagnostic {
  const where = problem.path.slice(0, -1).join(".");
  switch (problem.kind) {
    case "unknown-key":
      return diagnostic(
        "compose-unknown-key",
        "error",
        where === ""
          ? `'${problem.key}' is not a Compose key, so Compose refuses the file`
          : `'${problem.key}' is not a key Compose knows in ${where}, so Compose refuses the file`,
        locate(source.yaml, problem.path, "key"),
        {
          hint:
            problem.path[0] === "secrets" && problem.key === "content"
              ? "Compose takes inline content for configs only: put it in a file (file: ./path) or a variable (environment: VARIABLE)"
              : suggestion(problem.key, problem.known, "key"),
        },
      );
    case "wrong-type":
      return wrongType(source, problem);
    case "out-of-range": {
      const at = locate(source.yaml, problem.path, "value");
      const written = writtenText(source, at);
      const numeric = problem.allowed.some((type) => type === "number" || type === "integer");
      // Infinity written as such (.inf) where no number goes, or any where no text goes either (a
      // mapping), is of the wrong type first; Compose reads 1e400 as text, which a text field takes.
      const text = problem.allowed.length === 0 || problem.allowed.includes("string");
      if (!numeric && (INFINITY.test(written) || !text))
        return wrongType(source, { ...problem, kind: "wrong-type" });
      const whole = problem.allowed.includes("integer") && !problem.allowed.includes("number");
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.join(".")} is ${written}, out of the range of ${whole ? "whole numbers" : "numbers"} Compose reads`,
        at,
        { hint: "write the number meant: none this far from zero fits in the number Compose reads it into" },
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
    case "not-parsing":
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.join(".")} is '${problem.value}', which Compose does not read as ${PARSED_NAMES[problem.as]}`,
        locate(source.yaml, problem.path, "value"),
        { hint: PARSED_HINTS[problem.as] },
      );
    case "repeated-item":
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.slice(0, -1).join(".")} has ${typeof problem.value === "string" ? `'${problem.value}'` : "this entry"} twice (entries ${problem.first + 1} and ${Number(problem.path.at(-1)) + 1}), which Compose refuses: each must be unique`,
        locate(source.yaml, problem.path, "value"),
        { hint: "remove the second" },
      );
    case "not-matching":
      return diagnostic(
        "schema-invalid-value",
        "error",
        `${problem.path.join(".")} is '${problem.value}', which is not of the form Compose takes (${problem.pattern})`,
        locate(source.yaml, problem.path, "value"),
      );
  }
}
