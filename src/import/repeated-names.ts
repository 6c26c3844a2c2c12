import { secretLike } from "../model/secret-like.js";

/** Where a list names something it named before: each later index with the first's, in order. */
export function repeatedNames(names: readonly (string | undefined)[]): { at: number; first: number }[] {
  const first = new Map<string, number>();
  const repeats: { at: number; first: number }[] = [];
  names.forEach((name, at) => {
    if (name === undefined) return;
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, at);
    else repeats.push({ at, first: earlier });
  });
  return repeats;
}

/**
 * The values a later entry of the same name overrides that look secret, by index: dead, but
 * written in the file for anyone to read.
 */
export function overriddenSecrets(
  names: readonly (string | undefined)[],
  values: readonly (string | undefined)[],
): { index: number; reason: string }[] {
  const last = new Map<string, number>();
  names.forEach((name, index) => {
    if (name !== undefined) last.set(name, index);
  });
  return names.flatMap((name, index) => {
    const value = values[index];
    if (name === undefined || value === undefined || value === "" || last.get(name) === index) return [];
    const reason = secretLike(name, value);
    return reason ? [{ index, reason }] : [];
  });
}
