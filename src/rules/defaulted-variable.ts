/**
 * What a compose file writes where a finding is, read back for a variable with a default beside it
 * (`${NAME:-default}`, `${NAME-default}`): the file already reads the value from where Compose runs,
 * and what the finding is about is the default, which a hint should say how to change.
 */
import type { SourceRange } from "../diagnostics.js";

const DEFAULTED_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*):?-[^}]/;

/** The text a finding's range covers, where the file is at hand. */
function writtenAt(at: SourceRange, sources: ReadonlyMap<string, string> | undefined): string | undefined {
  return sources?.get(at.file)?.slice(at.start, at.end);
}

/** The first variable the written value is read from that has a default written beside it. */
export function defaultedVariable(
  at: SourceRange,
  sources: ReadonlyMap<string, string> | undefined,
): string | undefined {
  const written = writtenAt(at, sources);
  return written?.includes("${") ? DEFAULTED_REFERENCE.exec(written)?.[1] : undefined;
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
  const from = written.lastIndexOf("${");
  const last = written.slice(from);
  const name = last.indexOf("}") === last.length - 1 ? DEFAULTED_REFERENCE.exec(last)?.[1] : undefined;
  return name === undefined ? undefined : { name, whole: from === 0 };
}
