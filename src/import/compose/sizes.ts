/** Compose's sizes (mem_limit, deploy.resources memory): b, k, m and g are binary units there. */
import { parseQuantity } from "../../model/quantity.js";

/** A Compose size as the model writes quantities: "512m" → "512Mi". */
export function sizeQuantity(size: string): string {
  return size.replace(
    /^(\d+(?:\.\d+)?)\s*([kmg])b?$/i,
    (_, n: string, u: string) => `${n}${u.toUpperCase()}i`,
  );
}

/** A Compose size in bytes, or undefined when it cannot be read. */
export function sizeBytes(size: unknown): number | undefined {
  if (typeof size === "number") return size;
  return typeof size === "string" ? parseQuantity(sizeQuantity(size), "memory")?.request : undefined;
}
