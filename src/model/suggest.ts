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

/** The closest candidate within a distance proportional to the word, if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** A hint naming the closest candidate, or listing a few when none is close. */
export function suggestion(word: string, candidates: readonly string[], noun: string): string {
  const near = closest(word, candidates);
  if (near) return `did you mean '${near}'?`;
  if (candidates.length === 0) return `no ${noun} is defined`;
  const shown = candidates.slice(0, 8).join(", ");
  return `known ${noun}s: ${shown}${candidates.length > 8 ? ", …" : ""}`;
}
