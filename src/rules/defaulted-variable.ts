/**
 * What a compose file writes where a finding is, read back for a variable with a default beside it
 * (`${NAME:-default}`, `${NAME-default}`): the file already reads the value from where Compose runs,
 * and what the finding is about is the default, which a hint should say how to change.
 */
import type { SourceRange } from "../diagnostics.js";
import { parseTemplate, type TemplateVariable, variablesOf } from "../model/template.js";

/** The text a finding's range covers, where the file is at hand. */
function writtenAt(at: SourceRange, sources: ReadonlyMap<string, string> | undefined): string | undefined {
  return sources?.get(at.file)?.slice(at.start, at.end);
}

const hasDefault = (variable: TemplateVariable): boolean =>
  (variable.operator === ":-" || variable.operator === "-") && Boolean(variable.argumentText);

/** The first variable the written value is read from that has a default written beside it. */
export function defaultedVariable(
  at: SourceRange,
  sources: ReadonlyMap<string, string> | undefined,
): string | undefined {
  const written = writtenAt(at, sources);
  if (!written?.includes("${")) return undefined;
  for (const variable of variablesOf(parseTemplate(written).parts))
    if (hasDefault(variable)) return variable.name;
  return undefined;
}

/**
 * The variable whose default ends the written value: an image's tag taken from the default
 * (`ghcr.io/acme/server:${VERSION:-release}`), or the whole image (`whole`, `${IMAGE:-nginx}`).
 */
export function trailingDefaultedVariable(
  at: SourceRange,
  sources: ReadonlyMap<string, string> | undefined,
): { name: string; whole: boolean } | undefined {
  const written = writtenAt(at, sources)?.replace(/^["']|["']$/g, "");
  if (written === undefined || !written.endsWith("}")) return undefined;
  const last = parseTemplate(written).parts.at(-1);
  if (typeof last !== "object" || last.end !== written.length || !hasDefault(last)) return undefined;
  return { name: last.name, whole: last.start === 0 };
}
