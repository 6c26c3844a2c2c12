/** "Did you mean …?" for misspelt keys and references. */

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * Past this many candidates no "did you mean" is sought: each is compared with the word, and a
 * hostile file of tens of thousands of names, each referred to misspelt, would take hours.
 */
const MOST_COMPARED = 1_000;

/** The closest candidate within a distance proportional to the word, if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    // Closer than the best so far needs a length within its distance.
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A hint naming the closest candidate, or listing a few when none is close. `candidates` may be
 * lazy (a map's keys, `lazily` over a list): a caller told of one misspelling among tens of
 * thousands of names reads no more than MOST_COMPARED of them, and copies none.
 */
export function suggestion(word: string, candidates: Iterable<string>, noun: string): string {
  return budgeted(Number.POSITIVE_INFINITY)(word, candidates, noun);
}

export type Suggest = typeof suggestion;

/**
 * `suggestion`, comparing at most `comparisons` candidates over all its calls; past that it only
 * lists. A file of thousands of misspelt references among a thousand names would otherwise take
 * minutes: one reading of a model gets one budget (a real model's misspellings use a tiny part).
 */
export function budgeted(comparisons: number): Suggest {
  let left = comparisons;
  return (word, candidates, noun) => {
    const read: string[] = [];
    for (const candidate of candidates) {
      read.push(candidate);
      if (read.length > MOST_COMPARED) break;
    }
    const compared = read.length <= MOST_COMPARED && read.length <= left;
    if (compared) left -= read.length;
    return hint(compared ? closest(word, read) : undefined, read, noun);
  };
}

function hint(near: string | undefined, read: readonly string[], noun: string): string {
  if (near) return `did you mean '${near}'?`;
  if (read.length === 0) return `no ${noun} is defined`;
  const shown = read.slice(0, 8).join(", ");
  return `known ${noun}s: ${shown}${read.length > 8 ? ", …" : ""}`;
}

/** `items` mapped one at a time, as they are read: a list of candidates that is never made. */
export function* lazily<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
