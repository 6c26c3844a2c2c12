/** A Mermaid flowchart of one environment: nodes as nested subgraphs, instances inside, relations as edges. */
import type { DeploymentNode, Environment, Instance, Model } from "../../../model/types.js";
import { environmentRelations, instanceRef, nodeRef } from "../layout/relations.js";
import { IdAllocator, label } from "./label.js";

function instanceLabel(instance: Instance): string {
  const parts = [
    instance.name +
      (instance.replicas.max > 1
        ? ` ×${instance.replicas.autoscale ? `${instance.replicas.min}–${instance.replicas.max}` : instance.replicas.max}`
        : ""),
  ];
  if (instance.service.technology && instance.service.technology !== instance.name)
    parts.push(instance.service.technology);
  const ports = instance.service.ports.map((p) => `:${p.port}`).join(" ");
  if (ports) parts.push(ports);
  return label(parts);
}

function shape(instance: Instance, id: string): string {
  const text = instanceLabel(instance);
  switch (instance.service.kind) {
    case "database":
    case "storage":
      return `${id}[(${text})]`;
    case "queue":
    case "broker":
    case "cache":
      return `${id}[/${text}/]`;
    default:
      return `${id}[${text}]`;
  }
}

export function mermaidFlowchart(model: Model, environmentId: string): string {
  const environment = model.environments.find((e) => e.id === environmentId);
  if (!environment) return "";
  const ids = new IdAllocator();
  const groupNames = new Map(model.groups.map((g) => [g.id, g.name]));
  const lines = ["flowchart TB"];
  const instanceId = (instance: Instance) => ids.id("i", instance.id);
  const nodeId = (node: DeploymentNode) => ids.id("n", node.id);

  const isLeaf = (node: DeploymentNode) => node.instances.length === 0 && node.nodes.length === 0;
  const emitNode = (node: DeploymentNode, indent: string) => {
    const parts = [node.kind === "namespace" ? `namespace: ${node.name}` : node.name];
    if (node.technology) parts.push(node.technology);
    if (node.count !== undefined) parts.push(`× ${node.count}`);
    // A node that holds nothing (a VPN, an ingress) is drawn as a node of its own, not an empty box.
    if (isLeaf(node)) {
      lines.push(`${indent}${nodeId(node)}{{${label(parts)}}}`);
      return;
    }
    lines.push(`${indent}subgraph ${nodeId(node)}[${label(parts)}]`);
    for (const child of node.nodes) emitNode(child, `${indent}  `);
    const grouped = new Map<string, Instance[]>();
    for (const instance of node.instances) {
      const key = instance.service.group ?? "";
      grouped.set(key, [...(grouped.get(key) ?? []), instance]);
    }
    for (const [group, members] of grouped) {
      const inner = group ? `${indent}    ` : `${indent}  `;
      if (group)
        lines.push(
          `${indent}  subgraph ${ids.id("g", `${node.id}_${group}`)}[${label([groupNames.get(group) ?? group])}]`,
        );
      for (const instance of members) lines.push(`${inner}${shape(instance, instanceId(instance))}`);
      if (group) lines.push(`${indent}  end`);
    }
    lines.push(`${indent}end`);
  };
  for (const node of environment.nodes) emitNode(node, "  ");

  const byService = new Map<string, Instance[]>();
  for (const instance of environment.instances) {
    byService.set(instance.service.id, [...(byService.get(instance.service.id) ?? []), instance]);
  }
  for (const instance of environment.instances) {
    for (const use of instance.service.uses) {
      for (const target of byService.get(use.target) ?? []) {
        const text = [use.description, use.protocol].filter(Boolean).join(" / ");
        const arrow = use.optional ? "-.->" : "-->";
        lines.push(
          `  ${instanceId(instance)} ${arrow}${text ? `|${label([text])}|` : ""} ${instanceId(target)}`,
        );
      }
    }
  }
  // Routes as every other diagram reads them: from ingresses and from proxy services, to the
  // instances of the service they name.
  const shapes = new Map([
    ...environment.instances.map((i) => [instanceRef(i.id), instanceId(i)] as const),
    ...environment.allNodes.map((n) => [nodeRef(n.id), nodeId(n)] as const),
  ]);
  for (const route of environmentRelations(environment).relations.filter((r) => r.kind === "route"))
    lines.push(
      `  ${shapes.get(route.from)} -->|${label([route.labels.join(", ")])}| ${shapes.get(route.to)}`,
    );
  for (const link of environmentLinks(environment)) lines.push(link(ids));
  return `${lines.join("\n")}\n`;
}

/** Replication and sync links, dashed; a link to another environment points at a node standing for it. */
function environmentLinks(environment: Environment): ((ids: IdAllocator) => string)[] {
  return environment.links.map((link) => (ids: IdAllocator) => {
    const resolve = (element: string) =>
      environment.instances.some((i) => i.id === element) ? ids.id("i", element) : ids.id("n", element);
    const from = resolve(link.from);
    const text = [link.kind, link.via].filter(Boolean).join(" via ");
    if (link.toEnvironment) {
      const external = ids.id("x", `${link.toEnvironment}_${link.to}`);
      return `  ${external}>${label([`${link.toEnvironment}: ${link.to}`])}]\n  ${from} -.->|${label([text])}| ${external}`;
    }
    return `  ${from} -.->|${label([text])}| ${resolve(link.to)}`;
  });
}
