/**
 * Compose's interpolation syntax, read once into parts: text, and variables whose default, error
 * message or alternative value may hold variables of its own (`${DB_HOST:-${HOST:-localhost}}`),
 * as Compose reads them. Models write references to their configuration the same way.
 */

/** Default (`-`), required (`?`) and alternative value (`+`); with a colon, an empty value counts as unset. */
export type Operator = ":-" | "-" | ":?" | "?" | ":+" | "+";

/** A variable as written: `$NAME`, `${NAME}` or `${NAME<operator><argument>}`. */
export interface TemplateVariable {
  name: string;
  operator?: Operator;
  /** What follows the operator, a default, an error message or an alternative value: a template itself. */
  argument?: TemplatePart[];
  /** The argument as written. */
  argumentText?: string;
  /** Offsets of the variable in the text read, from its `$` to past its end. */
  start: number;
  end: number;
}

export type TemplatePart = string | TemplateVariable;

export interface Template {
  parts: TemplatePart[];
  /** The offset of a `${` never closed: Compose refuses the text, and from there on it is kept as written. */
  unclosed?: number;
}

/**
 * Deeper than this, a `${` is read as text: Compose has no limit, but no one nests defaults this
 * deep, and a hostile text must not take the reader's stack.
 */
const MAX_NESTING = 16;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** The parts of `text`, read left to right once, whatever its nesting: time in proportion to its length. */
export function parseTemplate(text: string): Template {
  const template: Template = { parts: [] };
  template.parts = readParts(text, 0, 0, template).parts;
  return template;
}

function nameAt(text: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(text)?.[0];
}

const OPERATOR_CHARS = "-?+";

function operatorAt(text: string, at: number): Operator | undefined {
  const char = text[at];
  if (char === undefined) return undefined;
  if (OPERATOR_CHARS.includes(char)) return char as Operator;
  const next = text[at + 1];
  if (char === ":" && next !== undefined && OPERATOR_CHARS.includes(next)) return `:${next}` as Operator;
  return undefined;
}

/**
 * Where the next `$` from `from` is, or in an argument (`depth` > 0) the next `}` if it comes
 * first; else the text's end. The text between is read as it is, without a look at each character.
 */
function nextSpecial(text: string, from: number, depth: number): number {
  const dollar = text.indexOf("$", from);
  const end = dollar === -1 ? text.length : dollar;
  if (depth === 0) return end;
  const brace = text.indexOf("}", from);
  return brace === -1 || brace > end ? end : brace;
}

/**
 * The parts from `from` on; in an argument (`depth` > 0), up to the `}` that closes it, whose
 * offset is `end`. An argument never closed ends at the text's end.
 */
function readParts(
  text: string,
  from: number,
  depth: number,
  template: Template,
): { parts: TemplatePart[]; end: number } {
  const parts: TemplatePart[] = [];
  let literal = "";
  let chunk = from;
  let i = from;
  const flush = (upTo: number, add = "") => {
    literal += text.slice(chunk, upTo) + add;
    if (literal !== "") parts.push(literal);
    literal = "";
  };
  while (i < text.length) {
    const char = text[i];
    if (char === "}" && depth > 0) break;
    if (char !== "$") {
      i = nextSpecial(text, i + 1, depth);
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      literal += `${text.slice(chunk, i)}$`;
      i += 2;
      chunk = i;
      continue;
    }
    const braced = next === "{";
    const name = depth < MAX_NESTING || !braced ? nameAt(text, braced ? i + 2 : i + 1) : undefined;
    if (name === undefined) {
      i++;
      continue;
    }
    if (!braced) {
      flush(i);
      parts.push({ name, start: i, end: i + 1 + name.length });
      i += 1 + name.length;
      chunk = i;
      continue;
    }
    const after = i + 2 + name.length;
    const operator = operatorAt(text, after);
    if (text[after] === "}") {
      flush(i);
      parts.push({ name, start: i, end: after + 1 });
      i = after + 1;
      chunk = i;
      continue;
    }
    if (after < text.length && operator === undefined) {
      // `${NAME` followed by anything else is no variable: left as written, as Compose refuses it.
      i++;
      continue;
    }
    const argumentStart = after + (operator?.length ?? 0);
    const argument =
      operator === undefined
        ? { parts: [], end: text.length }
        : readParts(text, argumentStart, depth + 1, template);
    if (argument.end >= text.length) {
      // Never closed: the rest of the text is no variable, and stays as written.
      template.unclosed = i;
      flush(text.length);
      return { parts, end: text.length };
    }
    flush(i);
    parts.push({
      name,
      operator,
      argument: argument.parts,
      argumentText: text.slice(argumentStart, argument.end),
      start: i,
      end: argument.end + 1,
    });
    i = argument.end + 1;
    chunk = i;
  }
  flush(i);
  return { parts, end: i };
}

/** Every variable of the parts, those in arguments too, in the order they are written. */
export function* variablesOf(parts: TemplatePart[]): Generator<TemplateVariable> {
  for (const part of parts) {
    if (typeof part === "string") continue;
    yield part;
    if (part.argument) yield* variablesOf(part.argument);
  }
}
