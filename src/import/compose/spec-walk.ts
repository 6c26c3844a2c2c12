/**
 * What is inside a compose service, network, volume, secret or config, held against the Compose
 * Specification's schema (vendored): keys it does not know, values of the wrong type and values
 * outside its enumerations, each where it is written. Compose validates a file against that schema
 * before it reads it, and stops at the first of these. The schema is read, not compiled: its few
 * constructs (type, properties, patternProperties, additionalProperties, items, enum, pattern,
 * oneOf, $ref) are walked along the value.
 */
import spec from "../../../vendor/compose-spec/compose-spec.json" with { type: "json" };
import type { KeyPath } from "../../load/yaml-file.js";
import { isInt64, isObject } from "../json.js";

export type JsonType = "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";

interface Schema {
  $ref?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  uniqueItems?: boolean;
  enum?: unknown[];
  /** Searched for, not matched whole, as JSON Schema has it. */
  pattern?: string;
  oneOf?: Schema[];
}

/** Something the schema refuses, at `path` in the file. */
export type SpecProblem =
  | { kind: "unknown-key"; path: KeyPath; key: string; known: string[] }
  | { kind: "wrong-type"; path: KeyPath; value: unknown; allowed: JsonType[] }
  | { kind: "not-allowed"; path: KeyPath; value: unknown; allowed: unknown[] }
  | { kind: "not-matching"; path: KeyPath; value: string; pattern: string }
  | { kind: "not-parsing"; path: KeyPath; value: string; as: ParsedType }
  /**
   * A number YAML reads as infinite: written too large for any (1e400, which Compose reads as
   * text and cannot parse), or as infinity itself (.inf).
   */
  | { kind: "out-of-range"; path: KeyPath; value: number; allowed: JsonType[] }
  /** An item the list has already, where the schema wants each once (ports, environment, dns). */
  | { kind: "repeated-item"; path: KeyPath; value: unknown; first: number };

/**
 * The fields whose schema takes text only so that a variable can fill them in (privileged:
 * "${PRIVILEGED}"): Compose reads the text as the type, and refuses the file when it does not parse.
 */
export type ParsedType = "boolean" | "integer" | "number";
const PARSED: Record<string, ParsedType> = Object.assign(
  Object.create(null),
  Object.fromEntries([
    ...[
      "attach",
      "no_cache",
      "pull",
      "privileged",
      "init",
      "oom_kill_disable",
      "read_only",
      "stdin_open",
      "tty",
      "restart",
      "create_host_path",
      "nocopy",
      "disable",
      "internal",
      "enable_ipv4",
      "enable_ipv6",
      "attachable",
      "required",
    ].map((key) => [key, "boolean"]),
    ...[
      "scale",
      "replicas",
      "parallelism",
      "max_attempts",
      "max_replicas_per_node",
      "pids",
      "weight",
      "mem_swappiness",
      "soft",
      "hard",
    ].map((key) => [key, "integer"]),
    ...["cpu_shares", "cpu_quota", "cpu_period", "cpus", "pids_limit", "retries", "max_failure_ratio"].map(
      (key) => [key, "number"],
    ),
  ]),
);

/** The text each type is read from: Go's strconv, and YAML 1.1's words for booleans, as compose-go takes them. */
const PARSES: Record<ParsedType, RegExp> = {
  boolean: /^(?:true|false|yes|no|y|n|on|off|1|0|t|f)$/i,
  integer: /^[-+]?\d+$/,
  number: /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i,
};

/** Whether text reads as the type, as compose-go parses it. */
export function readsAs(type: ParsedType, text: string): boolean {
  return PARSES[type].test(text.trim());
}

/**
 * A boolean field's value as Compose reads it: true or false, or text it reads as one
 * (privileged: "${PRIVILEGED:-true}", required: "false"); none where it reads as neither.
 */
function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string" || !readsAs("boolean", value)) return undefined;
  return /^(?:true|yes|y|on|1|t)$/i.test(value.trim());
}

/**
 * An integer field's value as Compose reads it: a whole number, or text it reads as one
 * (replicas: "${REPLICAS:-2}"); none where it reads as neither.
 */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  return typeof value === "string" && readsAs("integer", value) ? Number(value.trim()) : undefined;
}

/** Whether a boolean field is on: true, or text Compose reads as true (privileged: "${PRIVILEGED:-true}"). */
export const readsTrue = (value: unknown): boolean => booleanOf(value) === true;

/** Whether a boolean field is off: false, or text Compose reads as false (required: "false"). */
export const readsFalse = (value: unknown): boolean => booleanOf(value) === false;

/** The type Compose reads a field's text as, if it is one of those it parses. */
function parsedAs(path: KeyPath): ParsedType | undefined {
  const key = path.at(-1);
  // A ulimit written as one number is named for the limit (nofile: 65535).
  return path.at(-2) === "ulimits" ? "integer" : typeof key === "string" ? PARSED[key] : undefined;
}

/**
 * Whether text Compose turns into the one type the field takes before it holds the file to the
 * schema (depends_on's required: "false"), so that the schema never sees it as text.
 */
function castToFit(node: Node, value: unknown, path: KeyPath): boolean {
  if (typeof value !== "string" || node.types.length !== 1) return false;
  const as = parsedAs(path);
  return as !== undefined && node.types[0] === as && (value.includes("$") || readsAs(as, value));
}

/** What a text value of a field Compose parses should read as, where it does not. */
function unparsed(node: Node, value: string, path: KeyPath): ParsedType | undefined {
  // Empty is a variable not set, and a variable is filled in later: both are reported with variables.
  if (node.types.length !== 2 || value === "") return undefined;
  const as = parsedAs(path);
  if (as === undefined || value.includes("$")) return undefined;
  const type = as === "number" && node.types.includes("integer") ? "integer" : as;
  return node.types.includes(type) && !readsAs(as, value) ? as : undefined;
}

const definitions = (spec as { definitions: Record<string, Schema> }).definitions;

/** A schema node made ready to walk with: what is looked up for every value, found once. */
interface Node {
  types: JsonType[];
  properties: Record<string, Schema>;
  patterns: [RegExp, Schema][];
  additional: Schema | false | undefined;
  items: Schema | undefined;
  unique: boolean;
  enum: unknown[] | undefined;
  pattern: RegExp | undefined;
  oneOf: Schema[] | undefined;
}

// The schema is read once per process, and its nodes are few: each is made ready the first time
// a value meets it. Walking a file of a thousand values must cost little more than reading it.
const ready = new Map<Schema, Node>();

function resolve(schema: Schema): Schema {
  let found = schema;
  // The schema's references all name a definition: #/definitions/<name>.
  while (found.$ref) found = definitions[found.$ref.slice("#/definitions/".length)] ?? {};
  return found;
}

function nodeOf(schema: Schema): Node {
  let node = ready.get(schema);
  if (node) return node;
  const resolved = resolve(schema);
  const oneOf = resolved.oneOf;
  const own =
    resolved.type === undefined ? [] : Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  node = {
    types: oneOf ? [...new Set(oneOf.flatMap((branch) => nodeOf(branch).types))] : own,
    properties: resolved.properties ?? {},
    patterns: Object.entries(resolved.patternProperties ?? {}).map(([source, inner]) => [
      new RegExp(source, "u"),
      inner,
    ]),
    additional:
      resolved.additionalProperties === false
        ? false
        : typeof resolved.additionalProperties === "object"
          ? resolved.additionalProperties
          : undefined,
    items: resolved.items,
    unique: resolved.uniqueItems === true,
    enum: resolved.enum,
    pattern: resolved.pattern === undefined ? undefined : new RegExp(resolved.pattern, "u"),
    oneOf,
  };
  ready.set(schema, node);
  return node;
}

function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
}

/**
 * Whether the node takes text, numbers and booleans alike (a variable's or a label's value): Compose
 * makes text of each, and of 1e400, which it reads as the text written, not as a number too large.
 */
const takesAnyScalar = (node: Node): boolean =>
  node.types.includes("string") && node.types.includes("number") && node.types.includes("boolean");

/** Whether the value is of a type the node takes (any, where it names none). */
function fits(node: Node, value: unknown): boolean {
  if (node.types.length === 0) return true;
  const type = jsonType(value);
  return (
    node.types.includes(type) ||
    (type === "number" && node.types.includes("integer") && isInt64(value as number))
  );
}

/** A value as text that two equal values share, whatever the order of their keys. */
function sameness(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sameness).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${sameness(value[key])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}

/**
 * Walks `value` along `schema`, adding what the schema refuses to `found`. It meets every value of
 * a file: it only finds the node and dispatches, and each step is a function of its own, so that
 * what V8 compiles for the many calls stays small.
 */
export function walkSpec(value: unknown, schema: Schema, path: KeyPath, found: SpecProblem[]): void {
  // Null leaves a key unset (`command:`), as `!reset` does.
  if (value === null || value === undefined) return;
  const node = nodeOf(schema);
  const refused = typeProblem(node, value, path);
  if (refused) found.push(refused);
  else if (node.oneOf) walkBranches(node.oneOf, value, path, found);
  else {
    const problem = valueProblem(node, value, path);
    if (problem) found.push(problem);
    else if (Array.isArray(value)) walkItems(node, value, path, found);
    else if (isObject(value)) walkEntries(node, value, path, found);
  }
}

/** A value of a type the node does not take, or a number too large for any. */
function typeProblem(node: Node, value: unknown, path: KeyPath): SpecProblem | undefined {
  if ((value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) && !takesAnyScalar(node))
    return { kind: "out-of-range", path, value, allowed: node.types };
  if (!fits(node, value) && !castToFit(node, value, path))
    return { kind: "wrong-type", path, value, allowed: node.types };
  return undefined;
}

/** A value the node's enumeration, parsed type or pattern refuses. */
function valueProblem(node: Node, value: unknown, path: KeyPath): SpecProblem | undefined {
  if (node.enum && !node.enum.includes(value))
    return { kind: "not-allowed", path, value, allowed: node.enum };
  if (typeof value !== "string") return undefined;
  const as = unparsed(node, value, path);
  if (as) return { kind: "not-parsing", path, value, as };
  if (node.pattern && !node.pattern.test(value))
    return { kind: "not-matching", path, value, pattern: node.pattern.source };
  return undefined;
}

/** A value along the branches of a oneOf that take its type. */
function walkBranches(oneOf: Schema[], value: unknown, path: KeyPath, found: SpecProblem[]): void {
  const branches = oneOf.filter((branch) => fits(nodeOf(branch), value));
  // Most often one branch per type (a string, or an object): walked as it is.
  if (branches.length === 1) {
    walkSpec(value, branches[0]!, path, found);
    return;
  }
  // Else the first that takes the value whole, or what the first refuses.
  let first: SpecProblem[] | undefined;
  for (const branch of branches) {
    const problems: SpecProblem[] = [];
    walkSpec(value, branch, path, problems);
    if (problems.length === 0) return;
    first ??= problems;
  }
  for (const problem of first ?? []) found.push(problem);
}

function walkItems(node: Node, value: unknown[], path: KeyPath, found: SpecProblem[]): void {
  const items = node.items;
  if (items)
    for (let index = 0; index < value.length; index++) walkSpec(value[index], items, [...path, index], found);
  if (node.unique) {
    const seen = new Map<string, number>();
    for (let index = 0; index < value.length; index++) {
      const key = sameness(value[index]);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else found.push({ kind: "repeated-item", path: [...path, index], value: value[index], first });
    }
  }
}

function walkEntries(node: Node, value: Record<string, unknown>, path: KeyPath, found: SpecProblem[]): void {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const inner = Object.hasOwn(node.properties, key)
      ? node.properties[key]
      : (node.patterns.find((entry) => entry[0].test(key))?.[1] ?? (node.additional || undefined));
    if (inner) walkSpec(value[key], inner, [...path, key], found);
    else if (node.additional === false)
      found.push({ kind: "unknown-key", path: [...path, key], key, known: Object.keys(node.properties) });
  }
}

const topProperties = (spec as { properties: Record<string, Schema> }).properties;
const serviceProperties = definitions.service?.properties ?? {};

/** The keys the specification takes at the top of a file, and in a service (x- extensions aside). */
export const composeTopKeys: readonly string[] = Object.keys(topProperties);
export const composeServiceKeys: readonly string[] = Object.keys(serviceProperties);

/** The schema of a key at the top of a file, if the specification has one. */
export const topKeySchema = (key: string): Schema | undefined =>
  Object.hasOwn(topProperties, key) ? topProperties[key] : undefined;

/** The schema of a service's key, if the specification has one. */
export const serviceKeySchema = (key: string): Schema | undefined =>
  Object.hasOwn(serviceProperties, key) ? serviceProperties[key] : undefined;

/**
 * The schema of an entry of a top-level section (a network, a volume, a secret, a config): the
 * definition itself, since what is made ready is kept by the schema object.
 */
export function sectionEntrySchema(section: "networks" | "volumes" | "secrets" | "configs"): Schema {
  return definitions[section.slice(0, -1)] ?? {};
}
