/** The system-wide sections of the deployment template: pattern, NFRs, observability, recovery, cost, decisions. */
import type { Model } from "../../model/types.js";
import { bullets, table } from "../markdown/blocks.js";
import { bold, cell, text } from "../markdown/escape.js";
import { section } from "./section.js";

export function pattern(model: Model, number: string): string | undefined {
  const p = model.system.pattern;
  if (!p) return undefined;
  return section(
    `## ${number} Architecture Pattern`,
    bullets(
      [
        `${bold("Pattern")}: ${text(p.type)}`,
        p.description && `${bold("Description")}: ${text(p.description)}`,
        p.rationale && `${bold("Rationale")}: ${text(p.rationale)}`,
        p.reference && `${bold("Reference")}: ${text(p.reference)}`,
      ].filter((line): line is string => Boolean(line)),
    ),
  );
}

export function nfrs(model: Model, number: string): string | undefined {
  const categories = model.system.nfrs.filter((c) => c.items.length > 0);
  if (categories.length === 0) return undefined;
  return section(
    `## ${number} Non-Functional Requirements`,
    ...categories.map((c) =>
      section(
        `### ${text(c.category[0]!.toUpperCase() + c.category.slice(1))}`,
        table(
          ["Requirement", "Target"],
          c.items.map((i) => [cell(i.requirement), cell(i.target)]),
        ),
      ),
    ),
  );
}

export function observability(model: Model, number: string): string | undefined {
  const o = model.system.observability;
  if (!o) return undefined;
  return section(
    `## ${number} Monitoring and Observability`,
    o.tools.length > 0 &&
      table(
        ["Tool", "Purpose"],
        o.tools.map((t) => [cell(t.tool), cell(t.purpose)]),
      ),
    section("### Key Metrics", o.metrics.length > 0 && bullets(o.metrics.map(text))),
    section(
      "### Logging",
      o.logging.length > 0 &&
        table(
          ["Aspect", "Value"],
          o.logging.map((l) => [cell(l.aspect), cell(l.value)]),
        ),
    ),
    section("### Alerts", o.alerts.length > 0 && bullets(o.alerts.map(text))),
  );
}

export function backup(model: Model, number: string): string | undefined {
  const b = model.system.backup;
  if (!b) return undefined;
  const strategy: [string, string | undefined][] = [
    ["Frequency", b.frequency],
    ["Retention", b.retention],
    ["Method", b.method],
    ["Location", b.location],
    ["Recovery Time Objective (RTO)", b.rto],
    ["Recovery Point Objective (RPO)", b.rpo],
  ];
  const rows = strategy.filter(([, v]) => v).map(([k, v]) => [bold(k), cell(v)]);
  return section(
    `## ${number} Backup and Recovery`,
    rows.length > 0 && table(["Aspect", "Value"], rows),
    section(
      "### Disaster Recovery",
      b.disasterRecovery.length > 0 &&
        table(
          ["Scenario", "Response"],
          b.disasterRecovery.map((d) => [cell(d.scenario), cell(d.response)]),
        ),
    ),
  );
}

export function cost(model: Model, number: string): string | undefined {
  const c = model.system.cost;
  if (!c) return undefined;
  const names = new Map(model.environments.map((e) => [e.id, e.name]));
  return section(
    `## ${number} Cost Estimation`,
    ...c.items.map((group) =>
      section(
        `### ${text(names.get(group.environment) ?? group.environment)}`,
        table(
          ["Item", `Cost${c.currency ? ` (${text(c.currency)})` : ""}`],
          group.entries.map((e) => [cell(e.item), cell(e.cost)]),
        ),
      ),
    ),
    c.total && `${bold("Total estimated")}: ${text(c.total)}`,
    c.notes.length > 0 && bullets(c.notes.map(text)),
  );
}

export function decisions(model: Model, number: string): string | undefined {
  if (model.system.decisions.length === 0) return undefined;
  return section(
    `## ${number} Architecture Decisions`,
    ...model.system.decisions.map((d) =>
      section(
        `### ${d.id ? `${text(d.id)}: ` : ""}${text(d.title)}`,
        bullets([
          `${bold("Status")}: ${text(d.status ?? "Accepted")}`,
          ...(d.date ? [`${bold("Date")}: ${text(d.date)}`] : []),
        ]),
        d.context.length > 0 && `${bold("Context")}:\n\n${bullets(d.context.map(text))}`,
        `${bold("Decision")}: ${text(d.decision)}`,
        d.positive.length > 0 && `${bold("Positive consequences")}:\n\n${bullets(d.positive.map(text))}`,
        d.negative.length > 0 && `${bold("Negative consequences")}:\n\n${bullets(d.negative.map(text))}`,
        d.alternatives.length > 0 &&
          `${bold("Alternatives considered")}:\n\n${bullets(d.alternatives.map((a) => `${text(a.option)}: ${text(a.reason)}`))}`,
      ),
    ),
  );
}

export function future(model: Model, number: string): string | undefined {
  if (model.system.future.length === 0 && model.system.notes.length === 0) return undefined;
  return section(
    `## ${number} Future Considerations and Notes`,
    ...model.system.future.map((f) =>
      section(`### ${text(f.heading)}`, bullets(f.items.map((i) => `[ ] ${text(i)}`))),
    ),
    model.system.notes.length > 0 && bullets(model.system.notes.map(text)),
  );
}
