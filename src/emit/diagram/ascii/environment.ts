/** An environment as nested ASCII boxes: nodes contain nodes and instances, to any depth. */

import { hostPortText } from "../../../model/published.js";
import type { DeploymentNode, Environment, Instance, Route } from "../../../model/types.js";
import { routeDeployedHere } from "../layout/relations.js";
import { type AsciiBox, renderBox } from "./box.js";

export interface AsciiOptions {
  /** Widest line, in columns. Default 100. */
  width?: number;
  /** Display names of service groups, by id. */
  groups?: ReadonlyMap<string, string>;
}

/** Instance boxes wrap at this width, so a row holds two or three of them. */
const INSTANCE_WIDTH = 44;

function replicas(instance: Instance): string {
  const { min, max, autoscale } = instance.replicas;
  if (autoscale) return ` ×${min}–${max}`;
  return max === 1 ? "" : ` ×${max}`;
}

/**
 * Routes to what runs here, as the Mermaid diagram draws them: one to a target placed on no node of
 * the environment leads to nothing in it (the document's routes table says so).
 */
function routeLines(routes: readonly Route[], environment: Environment): string[] {
  return routes
    .filter((route) => routeDeployedHere(environment, route))
    .map((route) => `${route.path} → ${route.target}${route.port ? `:${route.port.port}` : ""}`);
}

function instanceBox(instance: Instance, environment: Environment): AsciiBox {
  const service = instance.service;
  const lines = [`${instance.name}${replicas(instance)}`];
  if (instance.variant) lines.push(`[${instance.variant}]`);
  if (service.technology)
    lines.push(service.technology.includes("(") ? service.technology : `(${service.technology})`);
  if (environment.platform === "kubernetes") lines.push(instance.workload);
  const ports = service.ports.map((p) => `:${p.port}`);
  if (ports.length > 0) lines.push(ports.join(" "));
  const published = instance.publish.map(
    (p) => `${p.bind ? `${p.bind}:` : ""}${hostPortText(p)}→${p.port.port}`,
  );
  if (published.length > 0) lines.push(`published ${published.join(" ")}`);
  for (const volume of service.volumes) {
    const size = instance.storage.find((s) => s.volume === volume.name)?.size;
    const label = volume.type === "bind" ? `${volume.source} (bind)` : volume.source;
    lines.push(`vol ${label}${size ? ` ${size.text}` : ""}`);
  }
  lines.push(...routeLines(service.routes, environment));
  // Only what runs here, as the other diagrams draw it: an optional use left out of this
  // environment is no dependency of it.
  const uses = service.uses.filter((u) => environment.instances.some((i) => i.service.id === u.target));
  const needed = uses.filter((u) => !u.optional).map((u) => u.target);
  if (needed.length > 0) lines.push(`→ ${needed.join(", ")}`);
  // Those not needed to start, as the other diagrams draw them dashed.
  const optional = uses.filter((u) => u.optional).map((u) => u.target);
  if (optional.length > 0) lines.push(`optional → ${optional.join(", ")}`);
  return { lines, children: [], footer: [], maxWidth: INSTANCE_WIDTH };
}

function nodeTitle(node: DeploymentNode): string {
  const parts = [node.kind === "namespace" ? `namespace: ${node.name}` : node.name];
  if (node.technology) parts.push(node.technology);
  if (node.capacity.memory) parts.push(`${node.capacity.memory.text} RAM`);
  return parts.join(" · ");
}

/** Instances of services in groups are boxed by group, in the order the groups first appear. */
function groupedInstances(
  instances: Instance[],
  environment: Environment,
  groupName: (id: string) => string,
): AsciiBox[] {
  if (!instances.some((i) => i.service.group)) return instances.map((i) => instanceBox(i, environment));
  const groups = new Map<string, Instance[]>();
  for (const instance of instances) {
    const key = instance.service.group ?? "";
    groups.set(key, [...(groups.get(key) ?? []), instance]);
  }
  return [...groups].map(([group, members]) =>
    group === ""
      ? { lines: [], children: members.map((i) => instanceBox(i, environment)), footer: [] }
      : {
          title: groupName(group),
          lines: [],
          children: members.map((i) => instanceBox(i, environment)),
          footer: [],
        },
  );
}

function nodeBox(
  node: DeploymentNode,
  environment: Environment,
  groupName: (id: string) => string,
): AsciiBox {
  const lines: string[] = [];
  if (node.count !== undefined) lines.push(`× ${node.count}`);
  if (node.description) lines.push(node.description);
  lines.push(...routeLines(node.routes, environment));
  const footer = node.properties.map((p) => `${p.key}: ${p.value}`);
  return {
    title: nodeTitle(node),
    lines,
    children: [
      ...node.nodes.map((child) => nodeBox(child, environment, groupName)),
      ...groupedInstances(node.instances, environment, groupName),
    ],
    footer,
  };
}

/** The environment's infrastructure as text: one box per top-level node, stacked. */
export function asciiDiagram(environment: Environment, options: AsciiOptions = {}): string {
  const width = options.width ?? 100;
  const groupName = (id: string) => options.groups?.get(id) ?? id;
  const boxes = environment.nodes.map((node) =>
    renderBox(nodeBox(node, environment, groupName), width).join("\n"),
  );
  return boxes.length > 0 ? `${boxes.join("\n\n")}\n` : "";
}
