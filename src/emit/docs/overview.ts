/** 7.1: every environment in one table, and the gates between them. */
import type { Model } from "../../model/types.js";
import { bullets, table } from "../markdown/blocks.js";
import { bold, cell, text } from "../markdown/escape.js";
import { section } from "./section.js";

export function overview(model: Model, number: string): string | undefined {
  const environments = model.environments;
  if (environments.length === 0) return undefined;
  const names = new Map(environments.map((e) => [e.id, e.name]));
  const rows = environments.map((e) => [
    bold(e.name) + (e.status === "planned" ? " (planned)" : ""),
    cell(e.purpose),
    cell(e.technology),
    cell(e.access.description),
  ]);
  const gates = environments.flatMap((e) =>
    e.promotesTo.map(
      (p) => `${bold(`${e.name} → ${names.get(p.environment) ?? p.environment}`)}: ${text(p.gate)}`,
    ),
  );
  return section(
    `## ${number} Deployment Environments`,
    table(["Environment", "Purpose", "Technology", "Access"], rows),
    gates.length > 0 &&
      `**Promotion gates** (an environment is deployed only when the gate before it passes):\n\n${bullets(gates)}`,
  );
}
