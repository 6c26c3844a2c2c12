/** Environments side by side: derived rows first, then the characteristics the model states. */
import type { Environment, Model } from "../../model/types.js";
import { table } from "../markdown/blocks.js";
import { bold, cell, text } from "../markdown/escape.js";
import { section } from "./section.js";

function infrastructure(environment: Environment, pattern: RegExp): string | undefined {
  return environment.infrastructure.find((i) => pattern.test(i.aspect))?.value;
}

function scaling(environment: Environment): string {
  const scaled = environment.instances.filter((i) => i.replicas.max > 1);
  if (scaled.length === 0) return "single instances";
  return scaled
    .map((i) => `${i.name} ×${i.replicas.autoscale ? `${i.replicas.min}–${i.replicas.max}` : i.replicas.max}`)
    .join(", ");
}

export function comparison(model: Model, number: string): string | undefined {
  const environments = model.environments;
  if (environments.length < 2) return undefined;
  const derived: [string, (e: Environment) => string | undefined][] = [
    ["Platform", (e) => e.technology],
    ["Access", (e) => e.access.description],
    ["Status", (e) => e.status],
    ["Instances", (e) => String(e.instances.length)],
    ["Replicas", scaling],
    ["TLS", (e) => infrastructure(e, /^tls$/i)],
    ["Backups", (e) => infrastructure(e, /backup/i)],
    ["Monitoring", (e) => infrastructure(e, /monitor/i)],
  ];
  const aspects = [...new Set(environments.flatMap((e) => e.characteristics.map((c) => c.aspect)))];
  const stated: [string, (e: Environment) => string | undefined][] = aspects.map((aspect) => [
    aspect,
    (e) => e.characteristics.find((c) => c.aspect === aspect)?.value,
  ]);
  const rows = [...derived, ...stated]
    .filter(([, value]) => environments.some((e) => value(e) !== undefined))
    .map(([aspect, value]) => [bold(aspect), ...environments.map((e) => cell(value(e)))]);
  return section(
    `## ${number} Environments Compared`,
    table(["Aspect", ...environments.map((e) => text(e.name))], rows),
  );
}
