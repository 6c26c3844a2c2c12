/**
 * Memory, disk and CPU quantities as people write them: "400Mi", "~400 MB", "1.5GB-2GB",
 * "1.5–2 GB", 0.5 (cores), "500m". Units follow Kubernetes: Ki/Mi/Gi/Ti are binary,
 * K/M/G/T (and KB/MB/GB/TB) decimal. A bare number is bytes for memory and cores for CPU.
 */
import type { Amount } from "./types.js";

export type QuantityKind = "memory" | "cpu";

const byteUnits: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
};

const NUMBER_WITH_UNIT = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)$/;

function parseOne(text: string, kind: QuantityKind, defaultUnit: string): number | undefined {
  const match = NUMBER_WITH_UNIT.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] || defaultUnit).toLowerCase();
  if (kind === "cpu") {
    if (unit === "m") return Math.round(value);
    if (
      unit === "" ||
      unit === "cpu" ||
      unit === "cpus" ||
      unit === "core" ||
      unit === "cores" ||
      unit === "vcpu"
    )
      return Math.round(value * 1000);
    return undefined;
  }
  const factor = byteUnits[unit];
  return factor === undefined ? undefined : Math.round(value * factor);
}

function unitOf(text: string): string {
  return NUMBER_WITH_UNIT.exec(text.trim())?.[2] ?? "";
}

/** Parses one quantity or a range; undefined when it cannot be read. */
export function parseQuantity(input: string | number, kind: QuantityKind): Amount | undefined {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) return undefined;
    const value = kind === "cpu" ? Math.round(input * 1000) : Math.round(input);
    if (value > Number.MAX_SAFE_INTEGER) return undefined;
    return { request: value, limit: value, approximate: false, text: String(input) };
  }
  const text = input.trim();
  const approximate = text.startsWith("~");
  const body = approximate ? text.slice(1).trim() : text;
  // An en or em dash, escaped so the bundle stays ASCII.
  const parts = body.split(/\s*(?:\u2013|\u2014|-|\.\.)\s*/);
  if (parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const [low, high] = parts as [string, string | undefined];
  // "1.5–2 GB": the unit written once after the upper bound applies to both.
  const sharedUnit = high === undefined ? "" : unitOf(high);
  const request = parseOne(low, kind, unitOf(low) ? "" : sharedUnit);
  const limit = high === undefined ? request : parseOne(high, kind, "");
  // Beyond what a number holds exactly (8 PiB, nine trillion cores) no machine is: a slip, not a size.
  if (request === undefined || limit === undefined || !(limit <= Number.MAX_SAFE_INTEGER)) return undefined;
  return { request, limit, approximate, text };
}

/** Whether the user wrote binary units (Mi, Gi), so totals can be shown the same way. */
export function usesBinaryUnits(amount: Amount): boolean {
  return /[KMGT]i/.test(amount.text);
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Human form of a byte count, in binary (MiB, GiB) or decimal (MB, GB) units. */
export function formatBytes(bytes: number, binary = false): string {
  const base = binary ? 1024 : 1000;
  const units = binary ? ["B", "KiB", "MiB", "GiB", "TiB"] : ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  return `${trim(value)} ${units[unit]}`;
}

export function formatCpu(millicores: number): string {
  if (millicores < 1000) return `${millicores}m`;
  return `${Math.round(millicores / 10) / 100} CPU`;
}

/** "2.5–3.5 GB" for a range, "400 MB" for a single value, with ~ when approximate. */
export function formatAmount(
  amount: Pick<Amount, "request" | "limit" | "approximate">,
  kind: "memory" | "cpu",
  binary = false,
): string {
  const format = (n: number) => (kind === "cpu" ? formatCpu(n) : formatBytes(n, binary));
  const prefix = amount.approximate ? "~" : "";
  if (amount.request === amount.limit) return `${prefix}${format(amount.request)}`;
  // One unit said once where both ends share it: 1–3 GB, 2–8 CPU.
  const [low, high] = [format(amount.request), format(amount.limit)];
  const lowUnit = low.split(" ")[1];
  if (lowUnit !== undefined && lowUnit === high.split(" ")[1]) return `${prefix}${low.split(" ")[0]}–${high}`;
  return `${prefix}${low}–${high}`;
}
