/** Median wall time of a function over a few runs, and the process's peak memory so far. */
export async function median(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Median wall times of several functions, run in turn (a, b, c, a, b, c, …) so that a change in the
 * machine's load falls on all of them alike rather than on whichever ran during it.
 */
export async function interleavedMedians(fns: (() => unknown)[], runs = 5): Promise<number[]> {
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [index, fn] of fns.entries()) {
      const started = performance.now();
      await fn();
      times[index]!.push(performance.now() - started);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
}

export function peakMemoryMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function row(label: string, ms: number, reference?: { label: string; ms: number }): void {
  const ratio = reference ? `  (${(ms / reference.ms).toFixed(1)}× ${reference.label})` : "";
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms${ratio}`);
}
