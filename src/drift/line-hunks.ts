/**
 * Where two texts differ, line by line: the hunks of a longest-common-subsequence diff. Generated
 * configuration is small, so the quadratic table is cheap; past a size budget the differing middle
 * is one hunk, which still points at the right first line.
 */

/** Half-open 0-based line ranges: `before[beforeStart, beforeEnd)` became `after[afterStart, afterEnd)`. */
export interface Hunk {
  beforeStart: number;
  beforeEnd: number;
  afterStart: number;
  afterEnd: number;
}

const TABLE_BUDGET = 4_000_000;

export function lineHunks(before: readonly string[], after: readonly string[]): Hunk[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const n = before.length - head - tail;
  const m = after.length - head - tail;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > TABLE_BUDGET)
    return [{ beforeStart: head, beforeEnd: head + n, afterStart: head, afterEnd: head + m }];

  // common[i * (m + 1) + j]: length of the longest common subsequence of the suffixes from i and j.
  const width = m + 1;
  const common = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      common[i * width + j] =
        before[head + i] === after[head + j]
          ? common[(i + 1) * width + j + 1]! + 1
          : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);

  const hunks: Hunk[] = [];
  let open: Hunk | undefined;
  const close = () => {
    if (open) hunks.push(open);
    open = undefined;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[head + i] === after[head + j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { beforeStart: head + i, beforeEnd: head + i, afterStart: head + j, afterEnd: head + j };
    if (j < m && (i === n || common[i * width + j + 1]! >= common[(i + 1) * width + j]!)) {
      j++;
      open.afterEnd = head + j;
    } else {
      i++;
      open.beforeEnd = head + i;
    }
  }
  close();
  return hunks;
}
