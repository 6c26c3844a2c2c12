/**
 * A wrong value several services take from one place (a YAML anchor they alias) is found again for
 * each service, at the same range: one finding there names them all, as the rules' findings about
 * a shared place do (see rules/by-place.ts).
 */
import { named } from "../../collections.js";
import type { Diagnostic } from "../../diagnostics.js";

/** The service a message is about, as resolving writes it: "… of 'api'". */
const OF_SERVICE = / of '([^']+)'/;

export function mergedByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const groups = new Map<string, { first: Diagnostic; services: string[] }>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const service = OF_SERVICE.exec(d.message)?.[1];
    if (service === undefined || d.start === undefined) {
      kept.push(d);
      continue;
    }
    const unnamed = d.message.replace(OF_SERVICE, " of ''");
    const key = JSON.stringify([d.code, d.severity, d.file, d.start, d.end, unnamed, d.hint]);
    const group = groups.get(key);
    if (group) group.services.push(service);
    else {
      groups.set(key, { first: d, services: [service] });
      kept.push(d);
    }
  }
  for (const { first, services } of groups.values())
    if (services.length > 1)
      first.message = first.message.replace(OF_SERVICE, () => ` of ${named(services)}`);
  return kept;
}
