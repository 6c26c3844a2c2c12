/**
 * How much slower this machine runs than the one the time budgets were set on. A budget guards
 * against a slip of an order (work that grows with the square of the input, a cache lost), not a
 * few per cent, and a shared two-core machine runs at a different pace from one day to the next:
 * measured in the same run, the pace is the peer each budget is held against. The yardstick is a
 * bare Node process starting, which took about 85 ms where the budgets were set.
 */
import { spawnSync } from "node:child_process";

const REFERENCE_START_MS = 85;

let pace: number | undefined;

/** The median of five starts: the machine as the timed work meets it, other tests running beside it. */
function bareStartMs(): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    spawnSync(process.execPath, ["-e", ""], { stdio: "ignore" });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** `ms` as this machine's pace makes it: never less than it is, and at most three times it. */
export function budget(ms: number): number {
  if (pace === undefined) {
    const start = bareStartMs();
    pace = Math.min(3, Math.max(1, start / REFERENCE_START_MS));
    // Printed so a CI log shows what each budget was held to.
    console.info(`time budgets ×${pace.toFixed(2)}: a bare Node process started in ${start.toFixed(0)} ms`);
  }
  return ms * pace;
}
