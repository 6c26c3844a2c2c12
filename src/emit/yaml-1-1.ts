/**
 * YAML that tools other than deployview read. Docker Compose's and kustomize's Go readers follow
 * YAML 1.1, where `no`, `on`, `y`, `0755`, `1:20` or `1_000` are not strings; written plain,
 * `restart: no` reaches the compose-spec schema as false, which it refuses. The `yaml` library
 * quotes what its own 1.2 schema reads as no string; this quotes what only 1.1 does, found by one
 * test of each string (the library's yaml-1.1 mode costs a large file a third of its writing).
 */
import { type Document, Scalar, visit } from "yaml";

export const DOCUMENT_OPTIONS = { aliasDuplicateObjects: false } as const;

/**
 * Strings YAML 1.1 resolves to something else: booleans, null, integers in base 2, 8, 16 or 60 or
 * with underscores, floats (`.5`, `1.`, `.`, base 60), the merge and value keys, and timestamps.
 */
const NOT_A_STRING_IN_YAML_1_1 =
  /^(?:[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|<<|=|[-+]?(?:0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?|(?:[0-9][0-9_]*)?\.[0-9_]*|(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9].*)?)$/;

/** Quotes a string that a YAML 1.1 reader would take for another type. */
export function quoteForYaml11(node: Scalar): void {
  if (typeof node.value === "string" && NOT_A_STRING_IN_YAML_1_1.test(node.value))
    node.type = Scalar.QUOTE_DOUBLE;
}

/** Quotes every string of `document`, keys too, that a YAML 1.1 reader would take for another type. */
export function quoteAllForYaml11(document: Document): void {
  visit(document, { Scalar: (_, node) => quoteForYaml11(node) });
}
