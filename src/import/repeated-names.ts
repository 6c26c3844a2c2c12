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
