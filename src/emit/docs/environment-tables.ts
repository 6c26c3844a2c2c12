/** The tables of one environment's section. Each returns undefined when the model has nothing for it. */

import { nodeBudgets } from "../../analyze/budgets.js";
import { commandText } from "../../model/container-risks.js";
import { hostPortText } from "../../model/published.js";
import { formatAmount } from "../../model/quantity.js";
import type { Environment, Instance, Route } from "../../model/types.js";
import { routeDeployedHere } from "../diagram/layout/relations.js";
import { table } from "../markdown/blocks.js";
import { bold, cell, code, text } from "../markdown/escape.js";
import { envValueText, memoryText, portsText, replicasText } from "./format.js";

function nodeName(environment: Environment, id: string): string {
  return environment.allNodes.find((n) => n.id === id)?.name ?? id;
}

function containerName(instance: Instance): string {
  switch (instance.workload) {
    case "File":
      return "file on host";
    case "Process":
      return `process ${code(instance.id)}`;
    case "Container":
      return `container ${code(instance.id)}`;
    default:
      return `${instance.workload} ${code(instance.id)}`;
  }
}

export function mappingTable(environment: Environment): string | undefined {
  if (environment.instances.length === 0) return undefined;
  return table(
    ["Service", "Node", "Container/Process", "Ports"],
    environment.instances.map((i) => [
      cell(i.service.name + (i.variant ? ` (${i.variant})` : "")),
      cell(nodeName(environment, i.node)),
      containerName(i),
      cell(portsText(i.service.ports)),
    ]),
  );
}

export function budgetTables(environment: Environment): string[] {
  return nodeBudgets(environment).map((budget) => {
    const rows = budget.entries.map((entry) => {
      const per = memoryText(entry.memory);
      const times =
        entry.replicas.max > 1
          ? ` × ${entry.replicas.min === entry.replicas.max ? entry.replicas.max : `${entry.replicas.min}–${entry.replicas.max}`}`
          : "";
      return [cell(entry.instance.name), cell(per ? `${per}${times}` : undefined)];
    });
    const total = formatAmount(budget.memory, "memory", budget.binary);
    const verdicts: string[] = [];
    const mark = (v: string | undefined) => (v === "over" ? "❌" : v === "may-exceed" ? "⚠️" : "✅");
    if (budget.budget.memory)
      verdicts.push(
        `${mark(budget.verdict.memoryBudget)} against a budget of ${text(budget.budget.memory.text)}`,
      );
    if (budget.capacity.memory)
      verdicts.push(
        `${mark(budget.verdict.memoryCapacity)} against a capacity of ${text(budget.capacity.memory.text)}`,
      );
    const unknown =
      budget.memory.unknown.length > 0 ? ` (${budget.memory.unknown.length} without a figure)` : "";
    rows.push([
      bold("Total"),
      `${bold(total)}${unknown}${verdicts.length > 0 ? ` ${verdicts.join("; ")}` : ""}`,
    ]);
    return `Node ${bold(budget.node.name)}:\n\n${table(["Service", "Memory"], rows)}`;
  });
}

export function kubernetesResources(environment: Environment): string | undefined {
  if (environment.platform !== "kubernetes") return undefined;
  const rows = [
    ...environment.allNodes
      .filter((n) => n.kind === "ingress" || n.kind === "load-balancer" || n.kind === "gateway")
      .map((n) => [
        cell(n.name),
        cell(n.kind === "ingress" ? "Ingress" : (n.technology ?? n.kind)),
        "—",
        cell([...n.routes.map((r) => `${r.path} → ${r.target}`), ...n.notes].join("; ")),
      ]),
    ...environment.instances.map((i) => {
      const kinds: string[] = [i.workload];
      if (i.replicas.autoscale) kinds.push("HorizontalPodAutoscaler");
      const notes = [
        ...(i.service.stateful ? ["persistent volume"] : ["stateless"]),
        ...(i.service.health ? ["liveness + readiness probes"] : []),
        ...(i.role ? [i.role] : []),
        ...i.notes,
      ];
      return [cell(i.name), cell(kinds.join(" + ")), cell(replicasText(i)), cell(notes.join("; "))];
    }),
  ];
  return rows.length > 0 ? table(["Resource", "Kind", "Replicas", "Notes"], rows) : undefined;
}

export function infrastructureTable(environment: Environment): string | undefined {
  if (environment.infrastructure.length === 0) return undefined;
  return table(
    ["Aspect", "Configuration"],
    environment.infrastructure.map((i) => [cell(i.aspect), cell(i.value)]),
  );
}

export function publishedPorts(environment: Environment): string | undefined {
  const rows = environment.instances.flatMap((i) =>
    i.publish.map((p) => [
      cell(i.name),
      cell(hostPortText(p)),
      cell(`${p.port.port} (${p.port.name})`),
      cell(p.bind ?? (environment.access.scope === "local" ? "127.0.0.1" : "all interfaces")),
    ]),
  );
  return rows.length > 0 ? table(["Service", "Host port", "Container port", "Bound to"], rows) : undefined;
}

export function persistence(environment: Environment): string | undefined {
  const rows = environment.instances.flatMap((i) =>
    i.service.volumes.map((v) => {
      const size = i.storage.find((s) => s.volume === v.name)?.size;
      const volume =
        v.type === "bind"
          ? `${code(v.source)} → ${code(v.path)} (bind mount)`
          : `${code(v.source)} → ${code(v.path)}`;
      return [
        cell(i.name),
        cell(v.data),
        `${volume}${size ? ` (${text(size.text)})` : ""}${v.readOnly ? " read-only" : ""}`,
        cell(v.backup),
      ];
    }),
  );
  return rows.length > 0 ? table(["Service", "Data", "Volume", "Backup"], rows) : undefined;
}

export function healthChecks(environment: Environment): string | undefined {
  const rows = environment.instances.flatMap((i) => {
    const h = i.service.health;
    if (!h)
      return i.service.healthDisabled ? [[cell(i.name), "turned off, the image's own check too", ""]] : [];
    const check =
      h.type === "http"
        ? `HTTP GET ${code(h.path ?? "/")}${h.port ? ` on ${h.port.port}` : ""} → ${h.expect}`
        : h.type === "tcp"
          ? `TCP ${h.port?.port ?? ""}`
          : `command ${code(commandText(h.command))}`;
    const timing = [
      h.interval && `every ${h.interval}`,
      h.timeout && `timeout ${h.timeout}`,
      h.retries !== undefined && `${h.retries} retries`,
    ]
      .filter(Boolean)
      .join(", ");
    return [[cell(i.name), check, cell(timing)]];
  });
  return rows.length > 0 ? table(["Service", "Check", "Timing"], rows) : undefined;
}

export function environmentVariables(environment: Environment): string[] {
  return environment.instances
    .filter((i) => i.env.length > 0)
    .map((i) => {
      const rows = i.env.map((v) => [code(v.name), envValueText(v), cell(v.description)]);
      return `${bold(i.name)}:\n\n${table(["Variable", "Value", "Description"], rows)}`;
    });
}

export function linksTable(environment: Environment): string | undefined {
  if (environment.links.length === 0) return undefined;
  return table(
    ["From", "To", "Kind", "Via", "Description"],
    environment.links.map((l) => [
      cell(l.from),
      cell(l.toEnvironment ? `${l.to} (${l.toEnvironment})` : l.to),
      cell(l.kind),
      cell(l.via ?? l.protocol),
      cell(l.description),
    ]),
  );
}

export function nodeProperties(environment: Environment): string[] {
  return environment.allNodes
    .filter((n) => n.properties.length > 0 || n.count !== undefined)
    .map((n) => {
      const rows = n.properties.map((p) => [cell(p.key), cell(p.value)]);
      if (n.count !== undefined) rows.unshift([cell("Count"), cell(String(n.count))]);
      return `${bold(n.name)}:\n\n${table(["Property", "Value"], rows)}`;
    });
}

/** A mark for a route whose target runs nowhere in the environment (the diagrams leave such a route out). */
function notDeployedMark(environment: Environment, route: Route): string {
  return routeDeployedHere(environment, route) ? "" : " (not deployed here)";
}

export function routesTable(environment: Environment): string | undefined {
  const rows = [
    ...environment.allNodes.flatMap((n) => n.routes.map((r) => ({ via: n.name, route: r }))),
    ...environment.instances.flatMap((i) => i.service.routes.map((r) => ({ via: i.name, route: r }))),
  ].map(({ via, route }) => [
    cell(via),
    code(route.path),
    cell(`${route.target}${route.port ? `:${route.port.port}` : ""}${notDeployedMark(environment, route)}`),
    cell(route.description),
  ]);
  return rows.length > 0 ? table(["Proxy / ingress", "Path", "Target", "Description"], rows) : undefined;
}
