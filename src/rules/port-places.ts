/**
 * What findings about a port share: where a number is written within a value the model keeps
 * whole (the port of `api:8080`, the one a health check command knocks on in
 * `curl -f http://localhost:8080/health`), and the hint for a port a service does not declare.
 */
import type { SourceRange } from "../diagnostics.js";
import type { Port, Service } from "../model/types.js";

/** "http: 8080, admin: 9000". */
function declaredPorts(ports: readonly Port[]): string {
  return ports.map((p) => `${p.name}: ${p.port}`).join(", ");
}

/**
 * Aim at a port the service declares, listed, with `aim` ("probe", "route to"), or declare `port`;
 * `condition` is for an aim that may itself be the mistake (" if it listens there").
 */
export function undeclaredPortHint(
  service: Pick<Service, "id" | "ports">,
  port: number,
  aim: string,
  condition = "",
): string {
  const declared = declaredPorts(service.ports);
  return declared
    ? `${aim} a port '${service.id}' declares (${declared}), or add ${port} to its ports${condition}`
    : `add ${port} to the ports of '${service.id}' (ports: { http: ${port} })${condition}`;
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
