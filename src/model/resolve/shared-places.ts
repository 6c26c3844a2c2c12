/**
 * A wrong value several services take from one place (a YAML anchor they alias) is found again for
 * each service, at the same range: one finding there names them all, as the rules' findings about
 * a shared place do (see rules/by-place.ts).
 */
import { named } from "../../collections.js";
import type { Diagnostic } from "../../diagnostics.js";

export function mergedByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const groups = new Map<string, { first: Diagnostic; about: string; services: string[] }>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const { about } = d;
    if (about === undefined || d.start === undefined) {
      kept.push(d);
      continue;
    }
    const unnamed = naming(d.message, about, "''");
    const key = JSON.stringify([d.code, d.severity, d.file, d.start, d.end, unnamed, d.hint]);
    const group = groups.get(key);
    if (group) group.services.push(about);
    else {
      groups.set(key, { first: d, about, services: [about] });
      kept.push(d);
    }
  }
  for (const { first, about, services } of groups.values())
    if (services.length > 1) {
      first.message = naming(first.message, about, named(services));
      // It is about them all now, which one id would belie to a reader of --format json.
      delete first.about;
    }
  return kept;
}

/** The message with where it names its service ('api') written as `names` instead. */
function naming(message: string, service: string, names: string): string {
  const quoted = `'${service}'`;
  const at = message.indexOf(quoted);
  return at < 0 ? message : `${message.slice(0, at)}${names}${message.slice(at + quoted.length)}`;
}
