/**
 * Compose variable interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
 * ${VAR?error}, $VAR and $$ for a literal dollar.
 */
export interface Interpolation {
  value: string;
  /** Variables left as written, because `keep` said so. */
  kept: string[];
  /** Variables that were used but unset with no default. */
  unset: string[];
  /** Variables that were required (:? or ?) and unset, with their messages. */
  missing: { name: string; message: string }[];
  /** A `${` never closed, as written from there on: Compose refuses the file. */
  unclosed?: string;
}

/**
 * The closing brace may be the text's end: a `${NAME:-…` never closed then takes the rest of the
 * text, and stays as written. Were the brace required, the engine would try again at each later `$`,
 * reading on to the end each time: a text of many such took time growing with its square.
 */
const PATTERN = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?(\}|$)|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * `text` with its variables replaced by their values. A variable whose value would come from the
 * environment (not from a default written in the text) stays as written when `keep` says so: how
 * secrets stay out of what is read.
 */
export function interpolate(
  text: string,
  env: Readonly<Record<string, string>>,
  keep?: (name: string, value: string) => boolean,
): Interpolation {
  const result: Interpolation = { value: "", kept: [], unset: [], missing: [] };
  result.value = text.replace(
    PATTERN,
    (
      match,
      body: string,
      braced?: string,
      operator?: string,
      argument?: string,
      close?: string,
      bare?: string,
    ) => {
      if (body === "$") return "$";
      // Never closed: no variable, which Compose refuses ("invalid interpolation format").
      if (close === "") {
        result.unclosed = match;
        return match;
      }
      const name = (braced ?? bare)!;
      // Own entries only: `${constructor}` names a variable, not a property every object inherits.
      const value = Object.hasOwn(env, name) ? env[name] : undefined;
      const empty = value === undefined || value === "";
      const required = operator === ":?" ? empty : operator === "?" && value === undefined;
      if (required) result.missing.push({ name, message: argument || `${name} is required` });
      else if (operator === undefined && value === undefined) result.unset.push(name);
      // A default written in the file is as public as the file; a value from the environment may not be.
      const fromDefault = operator === ":-" ? empty : operator === "-" && value === undefined;
      if (!fromDefault && keep?.(name, value ?? "")) {
        result.kept.push(name);
        return match;
      }
      switch (operator) {
        case ":-":
          return empty ? (argument ?? "") : value!;
        case "-":
          return value === undefined ? (argument ?? "") : value;
        case ":?":
        case "?":
          return required ? "" : value!;
        default:
          return value ?? "";
      }
    },
  );
  return result;
}

/** The variables `text` names, in order, each once, with the default written for it if any. */
export function variablesIn(text: string): { name: string; fallback?: string }[] {
  const found = new Map<string, { name: string; fallback?: string }>();
  for (const [, body, braced, operator, argument, close, bare] of text.matchAll(PATTERN)) {
    if (body === "$" || close === "") continue;
    const name = (braced ?? bare)!;
    const fallback = operator === ":-" || operator === "-" ? argument : undefined;
    if (!found.has(name)) found.set(name, fallback === undefined ? { name } : { name, fallback });
  }
  return [...found.values()];
}

/** Reads a .env file: KEY=value lines, # comments, optional quotes. */
export function parseDotEnv(text: string): Record<string, string> {
  const env: Record<string, string> = Object.create(null);
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
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
