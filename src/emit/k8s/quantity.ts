/** Model amounts and durations in the forms Kubernetes objects take. */

const binary: [string, number][] = [
  ["Ti", 2 ** 40],
  ["Gi", 2 ** 30],
  ["Mi", 2 ** 20],
  ["Ki", 2 ** 10],
];
const decimal: [string, number][] = [
  ["T", 1e12],
  ["G", 1e9],
  ["M", 1e6],
  ["k", 1e3],
];

/**
 * Bytes as an exact quantity in its shortest form: 10GB stays 10G, 512Mi stays 512Mi, 400MB is
 * 400M rather than 390625Ki; anything else whole bytes.
 */
export function byteQuantity(bytes: number): string {
  const whole = Math.ceil(bytes);
  let best = String(whole);
  let smallest = whole;
  for (const [suffix, size] of [...binary, ...decimal]) {
    if (whole >= size && whole % size === 0 && whole / size < smallest) {
      smallest = whole / size;
      best = `${smallest}${suffix}`;
    }
  }
  return best;
}

/** Millicores as a quantity: 1000 → "1", 250 → "250m". */
export function cpuQuantity(millicores: number): string {
  const whole = Math.ceil(millicores);
  return whole % 1000 === 0 ? String(whole / 1000) : `${whole}m`;
}

const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * Whole seconds from a Compose-style duration ("10s", "1m30s", "500ms"); probes count in
 * seconds, so anything below one second becomes one. Undefined when the text is not a duration.
 */
export function durationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text.trim()) return undefined;
  const seconds = parts.reduce((sum, [, value, unit]) => sum + Number(value) * (units[unit ?? "s"] ?? 1), 0);
  return Math.max(1, Math.ceil(seconds));
}
