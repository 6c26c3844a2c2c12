/**
 * Findings about one thing at one place that many services share (a YAML anchor or `extends`
 * gives them one definition): one finding there that names them, not one each at the same line.
 */
import type { SourceRange } from "../diagnostics.js";

export interface Place<T> {
  at: SourceRange;
  subject: T;
  /** Services the place belongs to, in the order met. */
  services: string[];
}

export function byPlace<T>(
  found: Iterable<{ at: SourceRange; subject: T; service: string }>,
  /** What makes two subjects the same one; a string subject is itself. */
  keyOf: (subject: T) => string = String,
): Place<T>[] {
  const places = new Map<string, Place<T>>();
  for (const { at, subject, service } of found) {
    const key = `${at.file}:${at.start}:${keyOf(subject)}`;
    const place = places.get(key);
    if (place) place.services.push(service);
    else places.set(key, { at, subject, services: [service] });
  }
  return [...places.values()];
}

export { named } from "../collections.js";
