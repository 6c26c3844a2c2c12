import type { ModelInputType } from "../schema.js";
import type { DocumentMeta, Group, Secret, System } from "../types.js";
import { entriesOf, notesOf, type ResolveContext, textEntriesOf } from "./context.js";

export function resolveSystem(context: ResolveContext, model: ModelInputType): System {
  const input = model.system;
  const system: System = {
    name: input.name,
    at: context.locate(["system"]),
    nfrs: entriesOf(input.nfrs).map(([category, items]) => ({
      category,
      items: textEntriesOf(items).map(([requirement, target]) => ({ requirement, target })),
    })),
    decisions: (input.decisions ?? []).map((decision, index) => ({
      title: decision.title,
      decision: decision.decision,
      context: notesOf(decision.context),
      positive: decision.consequences?.positive ?? [],
      negative: decision.consequences?.negative ?? [],
      alternatives: textEntriesOf(decision.alternatives).map(([option, reason]) => ({ option, reason })),
      at: context.locate(["system", "decisions", index]),
      ...(decision.id ? { id: decision.id } : {}),
      ...(decision.status ? { status: decision.status } : {}),
      ...(decision.date ? { date: decision.date } : {}),
    })),
    future: entriesOf(input.future).map(([heading, items]) => ({ heading, items })),
    notes: notesOf(input.notes),
  };
  if (input.description) system.description = input.description;
  if (input.pattern) system.pattern = { ...input.pattern };
  if (input.backup) {
    const { "disaster-recovery": recovery, ...rest } = input.backup;
    system.backup = {
      ...rest,
      disasterRecovery: textEntriesOf(recovery).map(([scenario, response]) => ({ scenario, response })),
    };
  }
  if (input.observability) {
    const o = input.observability;
    system.observability = {
      tools: textEntriesOf(o.tools).map(([tool, purpose]) => ({ tool, purpose })),
      metrics: o.metrics ?? [],
      logging: textEntriesOf(o.logging).map(([aspect, value]) => ({ aspect, value })),
      alerts: o.alerts ?? [],
    };
  }
  if (input.cost) {
    const c = input.cost;
    system.cost = {
      items: entriesOf(c.items).map(([environment, entries]) => ({
        environment,
        entries: textEntriesOf(entries).map(([item, cost]) => ({ item, cost })),
      })),
      notes: notesOf(c.notes),
      ...(c.currency ? { currency: c.currency } : {}),
      ...(c.total ? { total: c.total } : {}),
    };
  }
  return system;
}

export function resolveDocumentMeta(model: ModelInputType): DocumentMeta {
  const input = model.document ?? {};
  const meta: DocumentMeta = {
    related: entriesOf(input.related).map(([label, link]) => ({ label, link })),
    changelog: (input.changelog ?? []).map((entry) => ({ ...entry })),
  };
  for (const key of ["title", "version", "status", "date"] as const) {
    if (input[key]) meta[key] = input[key];
  }
  return meta;
}

export function resolveGroups(context: ResolveContext, model: ModelInputType): Group[] {
  return entriesOf(model.groups).map(([id, group]) => ({
    id,
    at: context.locate(["groups", id]),
    ...(typeof group === "string"
      ? { name: group }
      : { name: group.name, ...(group.description ? { description: group.description } : {}) }),
  }));
}

export function resolveSecrets(context: ResolveContext, model: ModelInputType): Secret[] {
  return entriesOf(model.secrets).map(([id, secret]) => ({
    id,
    at: context.locate(["secrets", id]),
    env: secret?.env ?? id.toUpperCase().replace(/[^A-Z0-9]+/g, "_"),
    ...(secret?.description ? { description: secret.description } : {}),
    ...(secret?.source ? { source: secret.source } : {}),
    ...(secret?.file ? { file: secret.file } : {}),
  }));
}
