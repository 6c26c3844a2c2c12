/**
 * Kubernetes quantities as the API server reads them (resource.Quantity): a number with a binary
 * suffix (Ki, Mi, Gi…), a decimal one (m, k, M, G…) or an exponent. Docker's units (512MB, 1gb)
 * are not among them, and the API server refuses the object.
 */
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

/** Whether a value is a quantity Kubernetes reads, and not below zero, as resources must be. */
export function isResourceQuantity(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0;
  return typeof value === "string" && QUANTITY.test(value) && !value.startsWith("-");
}

/** How a quantity written in Docker's units (512MB, 1gb) is written for Kubernetes. */
export function quantityHint(value: string, resource: string): string {
  const docker = /^(\d+(?:\.\d+)?)\s*([kmgt])i?b?$/i.exec(value);
  if (docker && resource !== "cpu")
    return `write ${docker[1]}${docker[2]!.toUpperCase()}i (or ${docker[1]}${docker[2]!.toUpperCase() === "K" ? "k" : docker[2]!.toUpperCase()}, in powers of ten)`;
  return resource === "cpu"
    ? "write cores (0.5, 2) or millicores (250m)"
    : "write a number with a suffix Kubernetes reads: 512Mi, 1Gi, 500M";
}
