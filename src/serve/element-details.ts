/** The side panel's content for each instance and node: what it runs, how, and against what budget. */

import type { NodeBudget } from "../analyze/budgets.js";
import { commandText } from "../model/container-risks.js";
import { hostPortText } from "../model/published.js";
import { formatAmount } from "../model/quantity.js";
import type { Amount, DeploymentNode, Environment, EnvValue, Instance } from "../model/types.js";
import type { DetailRow, DetailSection, ElementDetails } from "./view-types.js";

function amount(value: Amount | undefined, kind: "memory" | "cpu"): string | undefined {
  return value ? formatAmount(value, kind) : undefined;
}

/** Names under which a plain value is most likely a credential written where it should not be. */
const SECRET_NAME = /pass(word)?|secret|token|api[_-]?key|private[_-]?key|credential/i;

/**
 * Secrets are never shown, only that they are secrets and where they come from; a plain value
 * whose name says it is a credential is masked too, since screenshots of the page get shared.
 */
function envValue(name: string, value: EnvValue): string {
  switch (value.kind) {
    case "plain":
      return SECRET_NAME.test(name) && value.value !== ""
        ? "•••• (plain text in the model: make it a secret)"
        : value.value;
    case "host":
      return "(taken from where the container is started)";
    case "secret":
      return `•••• (secret ${value.secret}${value.key ? `/${value.key}` : ""})`;
    case "endpoint":
      return `${value.scheme ? `${value.scheme}://` : ""}${value.host}${value.port ? `:${value.port.port}` : ""}${value.path ?? ""}`;
    default: {
      const unreachable: never = value;
      throw new Error(`unknown value ${JSON.stringify(unreachable)}`);
    }
  }
}

function rows(entries: [string, string | undefined][]): DetailRow[] {
  return entries.filter((e): e is [string, string] => !!e[1]).map(([label, value]) => ({ label, value }));
}

function section(title: string, content: DetailRow[]): DetailSection[] {
  return content.length > 0 ? [{ title, rows: content }] : [];
}

function health(instance: Instance): string | undefined {
  const check = instance.service.health;
  if (!check) return undefined;
  switch (check.type) {
    case "http":
      return `HTTP GET ${check.path ?? "/"}${check.port ? ` on :${check.port.port}` : ""}, expects ${check.expect}`;
    case "tcp":
      return `TCP${check.port ? ` :${check.port.port}` : ""}`;
    case "command":
      return `command: ${commandText(check.command)}`;
    default: {
      const unreachable: never = check.type;
      throw new Error(`unknown health check ${String(unreachable)}`);
    }
  }
}

export function instanceDetails(instance: Instance, environment: Environment): ElementDetails {
  const service = instance.service;
  const { min, max, autoscale } = instance.replicas;
  const placedBy = new Map(environment.instances.map((i) => [i.service.id, i.name]));
  const usedBy = environment.instances.filter((i) => i.service.uses.some((u) => u.target === service.id));
  const published = new Map(instance.publish.map((p) => [p.port.name, p]));
  return {
    ref: `instance:${instance.id}`,
    title: instance.name,
    subtitle: `${service.kind}${service.technology ? ` · ${service.technology}` : ""}`,
    sections: [
      ...section(
        "Service",
        rows([
          ["service", service.id === instance.id ? service.name : `${service.name} (${service.id})`],
          ["description", instance.description ?? service.description],
          ["technology", service.technology],
          [
            "image",
            instance.image ??
              service.image ??
              (service.build ? `built from ${service.build.context}` : undefined),
          ],
          ["node", environment.allNodes.find((n) => n.id === instance.node)?.name],
          ["workload", instance.workload],
          ["replicas", max > 1 ? (autoscale ? `${min}–${max} (autoscaled)` : String(max)) : undefined],
          ["memory", amount(instance.memory, "memory")],
          ["cpu", amount(instance.cpu, "cpu")],
          ["health", health(instance)],
        ]),
      ),
      ...section(
        "Ports",
        service.ports.map((p) => {
          const host = published.get(p.name);
          return {
            label: p.name,
            value: `${p.port}/${p.protocol}${host ? ` published on ${host.bind ? `${host.bind}:` : ""}${hostPortText(host)}` : ""}`,
          };
        }),
      ),
      ...section(
        "Variables",
        instance.env.map((v) => ({ label: v.name, value: envValue(v.name, v.value) })),
      ),
      ...section(
        "Volumes",
        service.volumes.map((v) => {
          const size = instance.storage.find((s) => s.volume === v.name)?.size;
          const parts = [
            `${v.path} (${v.type}${v.readOnly ? ", read-only" : ""})`,
            v.data,
            v.backup && `backup: ${v.backup}`,
            size && formatAmount(size, "memory"),
          ];
          return { label: v.name, value: parts.filter(Boolean).join(" · ") };
        }),
      ),
      ...section("Relations", [
        ...service.uses.map((u) => ({
          label: `uses ${placedBy.get(u.target) ?? `${u.target} (not placed here)`}`,
          value:
            [u.protocol, u.description, u.optional ? "optional" : undefined].filter(Boolean).join(" · ") ||
            "—",
        })),
        ...usedBy.map((i) => ({
          label: `used by ${i.name}`,
          value: i.service.uses.find((u) => u.target === service.id)?.description ?? "—",
        })),
      ]),
    ],
  };
}

export function nodeDetails(node: DeploymentNode, budget: NodeBudget | undefined): ElementDetails {
  const budgetRows: DetailRow[] = budget
    ? rows([
        [
          "memory in use",
          formatAmount(budget.memory, "memory", budget.binary) +
            (budget.memory.unknown.length ? ` + ${budget.memory.unknown.length} without a figure` : ""),
        ],
        ["memory budget", amount(budget.budget.memory, "memory")],
        ["memory capacity", amount(budget.capacity.memory, "memory")],
        ["verdict (budget)", budget.verdict.memoryBudget],
        ["verdict (capacity)", budget.verdict.memoryCapacity],
        ["cpu requested", formatAmount(budget.cpu, "cpu")],
        ["cpu capacity", amount(budget.capacity.cpu, "cpu")],
      ])
    : rows([
        ["memory budget", amount(node.budget.memory, "memory")],
        ["memory capacity", amount(node.capacity.memory, "memory")],
        ["cpu capacity", amount(node.capacity.cpu, "cpu")],
      ]);
  return {
    ref: `node:${node.id}`,
    title: node.name,
    subtitle: `${node.infrastructure ? "infrastructure · " : ""}${node.kind}${node.technology ? ` · ${node.technology}` : ""}`,
    sections: [
      ...section(
        "Node",
        rows([
          ["description", node.description],
          ["technology", node.technology],
          ["count", node.count === undefined ? undefined : String(node.count)],
          ["runs", [...node.instances.map((i) => i.name)].join(", ") || undefined],
          ["contains", node.nodes.map((n) => n.name).join(", ") || undefined],
        ]),
      ),
      ...section("Budget", budgetRows),
      ...section(
        "Routes",
        node.routes.map((r) => ({ label: r.path, value: `→ ${r.target}${r.port ? `:${r.port.port}` : ""}` })),
      ),
      ...section(
        "Properties",
        node.properties.map((p) => ({ label: p.key, value: p.value })),
      ),
    ],
  };
}
