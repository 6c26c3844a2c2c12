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

export function peakMemoryMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function row(label: string, ms: number, reference?: { label: string; ms: number }): void {
  const ratio = reference ? `  (${(ms / reference.ms).toFixed(1)}× ${reference.label})` : "";
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms${ratio}`);
}
