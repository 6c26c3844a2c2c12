/**
 * Where the secret is within what a secret finding flags: a finding may flag the whole command or
 * entry that holds one, and a frame that masks only the secret still shows the reader the rest.
 */
import { literalSecrets } from "../model/container-risks.js";

export interface Span {
  start: number;
  end: number;
}

/**
 * `NAME=value`, an entry of a list-form environment: the name is no secret. Not base64's padding
 * (`dXNlcg==`), which would leave all but the last `=` of a Secret's value shown.
 */
const LISTED = /^[A-Za-z_][A-Za-z0-9_]*=(?=\S)(?!=*$)/;

/** `${NAME:-default}`, a variable with a default: the default is what is written in plain text. */
const DEFAULTED = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-(?=[^}])/;

/**
 * The spans of the flagged text that hold its secrets, offsets within it; the whole text where the
 * secret cannot be told apart from the rest, as what cannot be told apart must not be shown. Only
 * in a command are the secrets found by the options that pass them: a variable's value is secret
 * whole, whatever options it may hold besides.
 */
export function secretSpans(written: string, command: boolean): Span[] {
  const whole = [{ start: 0, end: written.length }];
  if (written.includes("\n")) return whole;
  const inQuotes = unquoted(written);
  if (inQuotes !== undefined && (LISTED.test(inQuotes) || DEFAULTED.test(inQuotes)))
    return secretSpans(inQuotes, command).map(({ start, end }) => ({ start: start + 1, end: end + 1 }));
  const listed = LISTED.exec(written);
  if (listed) return [{ start: listed[0].length, end: written.length }];
  const defaulted = DEFAULTED.exec(written);
  if (defaulted && written.endsWith("}")) return [{ start: defaulted[0].length, end: written.length - 1 }];
  if (!command) return whole;
  const quoted = quotedScalars(written);
  if (quoted === undefined) return whole;
  const found = literalSecrets(wordsOf(written, quoted));
  if (found.length === 0) return whole;
  // A value runs to the end of the scalar that holds it: the patterns end it at a space, which a
  // quoted word of a list may hold.
  return found.map(({ start, value }) => {
    const within = quoted.find((scalar) => scalar.start <= start && start < scalar.end);
    return { start, end: within ? within.end : start + value.length };
  });
}

/** What a scalar quoted whole holds, its quotes left out; undefined for one not quoted whole. */
function unquoted(written: string): string | undefined {
  const quote = written[0];
  if ((quote !== '"' && quote !== "'") || written.length < 2 || !written.endsWith(quote)) return undefined;
  return written.slice(1, -1);
}

/**
 * The quoted scalars of a flow list or a scalar as YAML writes them, their quotes left out; undefined
 * where a quote is left open, as then what it holds cannot be told.
 */
function quotedScalars(written: string): Span[] | undefined {
  const scalars: Span[] = [];
  for (let at = 0; at < written.length; at++) {
    const quote = written[at];
    if (quote !== '"' && quote !== "'") continue;
    let end = at + 1;
    for (; end < written.length; end++) {
      if (quote === '"' && written[end] === "\\") end++;
      else if (written[end] === quote) {
        // '' is a quote within a single-quoted scalar.
        if (quote === "'" && written[end + 1] === "'") end++;
        else break;
      }
    }
    if (end >= written.length) return undefined;
    scalars.push({ start: at + 1, end });
    at = end;
  }
  return scalars;
}

/**
 * The flagged text as a command line of words, offset for offset: the quotes around scalars and
 * the brackets and commas of a flow list outside them become spaces.
 */
function wordsOf(written: string, quoted: readonly Span[]): string {
  let words = "";
  let scalar = 0;
  for (let at = 0; at < written.length; at++) {
    while (scalar < quoted.length && quoted[scalar]!.end < at) scalar++;
    const inside = scalar < quoted.length && quoted[scalar]!.start <= at && at < quoted[scalar]!.end;
    words += !inside && /["'[\],]/.test(written[at]!) ? " " : written[at];
  }
  return words;
}
