/**
 * What findings about a port share: where a number is written within a value the model keeps
 * whole (the port of `api:8080`, the one a health check command knocks on in
 * `curl -f http://localhost:8080/health`), and the ports a service declares, as hints list them.
 */
import type { SourceRange } from "../diagnostics.js";
import type { Port } from "../model/types.js";

/** "http: 8080, admin: 9000". */
export function declaredPorts(ports: readonly Port[]): string {
  return ports.map((p) => `${p.name}: ${p.port}`).join(", ");
}

/**
 * The first place within `at` where `value` is written as a whole number (not a part of 18080 or
 * 8080.5); `at` itself where the file's text is not at hand or the number is not in it as written.
 */
export function numberWrittenWithin(
  sources: ReadonlyMap<string, string> | undefined,
  at: SourceRange,
  value: number,
): SourceRange {
  const text = sources?.get(at.file);
  if (text === undefined) return at;
  const found = new RegExp(String.raw`(?<![\d.])${value}(?![\d.]\d|\d)`).exec(text.slice(at.start, at.end));
  if (!found) return at;
  const start = at.start + found.index;
  return { file: at.file, start, end: start + found[0].length };
}
