/**
 * Whether a value a Secret holds is a secret written out, or one left to be filled in: a value
 * that is empty, a reference a template or the shell fills in at deploy time, or a marker that says
 * to replace it leaks nothing, whoever reads the repository.
 */
import { base64Text } from "../../model/base64-text.js";

/** A reference filled in before the manifest is applied: `${DB_PASSWORD}`, `$(TOKEN)`, `{{ .Values.password }}`, `<password>`. */
const REFERENCE = /^(?:\$\{[^{}]*\}|\$\([^()]*\)|\$\{\{[^{}]*\}\}|\{\{[^{}]*\}\}|<[^<>]+>)$/;

/**
 * Words that say the value is to be replaced, not used: changeme, REPLACE_ME, TODO, xxxx. "changeme"
 * works as a password where no one replaces it, but then it is a default, not a leak.
 */
const MARKER =
  /^(?:change[-_ .]?me|change[-_ .]?it|replace[-_ .]?me|replace[-_ .]?with\b.*|to[-_ ]?do|fix[-_ ]?me|tbd|placeholder|redacted|x{3,}|\*{3,}|\.{3,}|\u2026)$/i;

/**
 * A reference within a value (`postgres://shop:${DB_PASSWORD}@db/shop`): the value is made when the
 * manifest is rendered, and what is written around the reference is no secret of its own.
 */
const WITHIN = /\$\{[A-Za-z_][\w.-]*\}|\$\([A-Za-z_]\w*\)|\{\{[^{}]*\}\}/;

export function writtenOut(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== "" && !REFERENCE.test(trimmed) && !MARKER.test(trimmed) && !WITHIN.test(trimmed);
}

/**
 * The text a `data` value encodes, or the value itself where it is no base64 (which the API server
 * refuses, but which is as readable as what it would encode).
 */
export function decoded(value: string): string {
  return base64Text(value) ?? value;
}
