/**
 * Compose variable interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
 * ${VAR?error}, ${VAR:+alternative}, ${VAR+alternative}, $VAR and $$ for a literal dollar; a
 * default or an alternative may hold variables of its own.
 */
import {
  parseTemplate,
  type TemplatePart,
  type TemplateVariable,
  variablesOf,
} from "../../model/template.js";

export interface Interpolation {
  value: string;
  /** Variables left as written, because `keep` said so. */
  kept: string[];
  /** Variables that were used but unset with no default. */
  unset: string[];
  /** Variables that were required (:? or ?) and unset, with the messages written (empty where none is). */
  missing: { name: string; message: string }[];
  /** A `${` never closed, as written from there on: Compose refuses the file. */
  unclosed?: string;
  /** Defaults written in the text that the environment's value made unused: in the file all the same. */
  unusedDefaults: { name: string; fallback: string }[];
}

/**
 * `text` with its variables replaced by their values. A variable whose value would come from the
 * environment (not from a default written in the text) stays as written when `keep` says so: how
 * secrets stay out of what is read. A default is read, and its own variables filled in, only when
 * it is used.
 */
export function interpolate(
  text: string,
  env: Readonly<Record<string, string>>,
  keep?: (name: string, value: string) => boolean,
): Interpolation {
  const result: Interpolation = { value: "", kept: [], unset: [], missing: [], unusedDefaults: [] };
  const template = parseTemplate(text);
  // Never closed: no variable, which Compose refuses ("invalid interpolation format").
  if (template.unclosed !== undefined) result.unclosed = text.slice(template.unclosed);
  result.value = fill(template.parts, text, env, result, keep);
  return result;
}

function fill(
  parts: TemplatePart[],
  text: string,
  env: Readonly<Record<string, string>>,
  result: Interpolation,
  keep?: (name: string, value: string) => boolean,
): string {
  let filled = "";
  for (const part of parts) filled += typeof part === "string" ? part : filledIn(part);
  return filled;

  function filledIn({ name, operator, argument = [], argumentText, start, end }: TemplateVariable): string {
    // Own entries only: `${constructor}` names a variable, not a property every object inherits.
    const value = Object.hasOwn(env, name) ? env[name] : undefined;
    const empty = value === undefined || value === "";
    const required = operator === ":?" ? empty : operator === "?" && value === undefined;
    if (required) result.missing.push({ name, message: argumentText ?? "" });
    else if (operator === undefined && value === undefined) result.unset.push(name);
    // A default written in the file is as public as the file; a value from the environment may not be.
    const fromDefault = operator === ":-" ? empty : operator === "-" && value === undefined;
    if (fromDefault) return fill(argument, text, env, result, keep);
    // The alternative is written in the file, and the variable's own value never shows.
    if (operator === ":+" || operator === "+") {
      const set = operator === ":+" ? !empty : value !== undefined;
      return set ? fill(argument, text, env, result, keep) : "";
    }
    if ((operator === ":-" || operator === "-") && argumentText)
      result.unusedDefaults.push({ name, fallback: argumentText });
    if (keep?.(name, value ?? "")) {
      result.kept.push(name);
      return text.slice(start, end);
    }
    return required ? "" : (value ?? "");
  }
}

/** The variables `text` names, in order, each once, with the default written for it if any. */
export function variablesIn(text: string): { name: string; fallback?: string }[] {
  const found = new Map<string, { name: string; fallback?: string }>();
  for (const { name, operator, argumentText } of variablesOf(parseTemplate(text).parts)) {
    const fallback = operator === ":-" || operator === "-" ? argumentText : undefined;
    if (!found.has(name)) found.set(name, fallback === undefined ? { name } : { name, fallback });
  }
  return [...found.values()];
}

/** A line of a .env file that sets a variable: its name, and what it is set to. */
const dotEnvLine = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/** Reads a .env file: KEY=value lines, # comments, optional quotes. */
export function parseDotEnv(text: string): Record<string, string> {
  const env: Record<string, string> = Object.create(null);
  for (const line of text.split(/\r?\n/)) {
    const match = dotEnvLine.exec(line);
    if (!match) continue;
    let value = match[2]!.trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))
      value = value.slice(1, -1);
    else {
      // A comment starts at a # after a space; searched for so, not with a pattern that backtracks
      // over every run of spaces.
      const comment = value.search(/\s#/);
      if (comment >= 0) value = value.slice(0, comment).trimEnd();
    }
    env[match[1]!] = value;
  }
  return env;
}

/**
 * Where a .env file sets `name`, from its name to the end of the line: the last line that sets it,
 * whose value parseDotEnv keeps. Found only for a finding to point at, so not as the file is read.
 */
export function dotEnvLineOf(text: string, name: string): { start: number; end: number } | undefined {
  const withIndices = new RegExp(dotEnvLine.source, "d");
  let found: { start: number; end: number } | undefined;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const written = line.endsWith("\r") ? line.slice(0, -1) : line;
    const nameAt = withIndices.exec(written)?.indices?.[1];
    if (nameAt && written.slice(nameAt[0], nameAt[1]) === name)
      found = { start: lineStart + nameAt[0], end: lineStart + written.length };
    lineStart += line.length + 1;
  }
  return found;
}
