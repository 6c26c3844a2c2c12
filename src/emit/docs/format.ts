/** Small phrases the document's sections share. */

import { formatAmount } from "../../model/quantity.js";
import { scalingText } from "../../model/scaling.js";
import { secretLike } from "../../model/secret-like.js";
import type { Amount, EnvVar, Instance, Port } from "../../model/types.js";
import { code } from "../markdown/escape.js";

export function memoryText(amount: Amount | undefined): string {
  if (!amount) return "";
  return amount.text.startsWith("~") || !amount.approximate ? amount.text : `~${amount.text}`;
}

export function replicasText(instance: Instance): string {
  const { min, max, autoscale, cpuTarget, memoryTarget, customMetrics } = instance.replicas;
  if (!autoscale) return String(max);
  // As written before targets other than CPU: "(autoscaled)" or "(autoscaled at 70% CPU)".
  if (!memoryTarget && !customMetrics)
    return `${min}–${max} (autoscaled${cpuTarget ? ` at ${cpuTarget}% CPU` : ""})`;
  return `${min}–${max} (autoscaled on ${scalingText(instance.replicas)})`;
}

export function portsText(ports: readonly Port[]): string {
  return ports.map((p) => `${p.port}${p.protocol !== "tcp" ? `/${p.protocol}` : ""}`).join(", ");
}

/** A variable's value as the document may show it: secrets only as references, never values. */
export function envValueText(variable: EnvVar): string {
  const value = variable.value;
  switch (value.kind) {
    case "plain":
      if (value.value === "") return "(empty)";
      // A password typed as a plain value stays out of the document all the same.
      return secretLike(variable.name, value.value)
        ? "•••• (plain text in the model; declare it as a secret)"
        : code(value.value);
    case "host":
      return "taken from where the container is started";
    case "secret":
      return `secret ${code(value.secret)}${value.key ? ` (key ${code(value.key)})` : ""}`;
    case "endpoint": {
      const port = value.port ? `:${value.port.port}` : "";
      return `address of ${code(value.service)}: ${code(`${value.scheme}://${value.host}${port}${value.path ?? ""}`)}`;
    }
    default: {
      const unreachable: never = value;
      throw new Error(`unknown variable kind ${JSON.stringify(unreachable)}`);
    }
  }
}

export function amountText(amount: Amount | undefined, kind: "memory" | "cpu"): string {
  return amount ? formatAmount(amount, kind) : "";
}
