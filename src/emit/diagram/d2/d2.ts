/**
 * A D2 diagram of one environment: nodes as nested containers, instances as shapes by kind
 * (cylinders for databases, queues for brokers, stacks for replicas), relations as labelled edges.
 */
import type { DeploymentNode, Instance, Model } from "../../../model/types.js";
import { environmentOf } from "../c4/mermaid-c4.js";
import { environmentRelations } from "../layout/relations.js";

/** A D2 double-quoted string: backslash and quote escaped, line breaks as \n. */
function q(value: string): string {
  return `"${value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\r?\n/g, "\\n")
    .replace(/[\t\r]/g, " ")}"`;
}

function shape(instance: Instance): string | undefined {
  switch (instance.service.kind) {
    case "database":
      return "cylinder";
    case "storage":
      return "stored_data";
    case "queue":
    case "broker":
      return "queue";
    default:
      return undefined;
  }
}

export function d2Diagram(model: Model, environmentId: string): string {
  const environment = environmentOf(model, environmentId);
  const out = [
    `# ${model.system.name.replace(/[\r\n]+/g, " ")}: ${environment.name.replace(/[\r\n]+/g, " ")}`,
    "direction: down",
    "",
  ];
  const line = (depth: number, text: string) => out.push(`${"  ".repeat(depth)}${text}`);
  const paths = new Map<string, string>();
  const emit = (node: DeploymentNode, depth: number, prefix: string) => {
    const key = q(node.id);
    const path = prefix ? `${prefix}.${key}` : key;
    paths.set(`node:${node.id}`, path);
    const label = [node.name, [node.kind, node.technology].filter(Boolean).join(" · ")].join("\n");
    line(depth, `${key}: ${q(label)} {`);
    if (node.infrastructure) {
      if (node.instances.length === 0 && node.nodes.length === 0) line(depth + 1, "shape: hexagon");
      line(depth + 1, 'style.fill: "#fde8f1"');
      line(depth + 1, 'style.stroke: "#b02a63"');
    }
    if (node.kind === "namespace" || node.kind === "network") line(depth + 1, "style.stroke-dash: 4");
    for (const child of node.nodes) emit(child, depth + 1, path);
    for (const instance of node.instances) {
      const instanceKey = q(instance.id);
      paths.set(`instance:${instance.id}`, `${path}.${instanceKey}`);
      const count = instance.replicas.max > 1 ? ` ×${instance.replicas.max}` : "";
      const ports = instance.service.ports.map((p) => `:${p.port}`).join(" ");
      const label = [instance.name + count, instance.service.technology, ports].filter(Boolean).join("\n");
      line(depth + 1, `${instanceKey}: ${q(label)} {`);
      const form = shape(instance);
      if (form) line(depth + 2, `shape: ${form}`);
      if (instance.replicas.max > 1) line(depth + 2, "style.multiple: true");
      line(depth + 1, "}");
    }
    line(depth, "}");
  };
  for (const node of environment.nodes) emit(node, 0, "");
  const { relations, externals } = environmentRelations(environment);
  for (const external of externals) {
    const key = q(`external:${external.id}`);
    paths.set(`external:${external.id}`, key);
    line(0, `${key}: ${q(`${external.element}\nin ${external.environment}`)} {`);
    line(1, "style.stroke-dash: 3");
    line(0, "}");
  }
  out.push("");
  for (const relation of relations) {
    const from = paths.get(relation.from);
    const to = paths.get(relation.to);
    if (!from || !to) continue;
    const label = relation.labels.join(", ");
    const styled = relation.kind !== "uses" && relation.kind !== "route";
    const dashed = styled || relation.optional;
    line(0, `${from} -> ${to}${label ? `: ${q(label)}` : ""}${dashed ? " {style.stroke-dash: 4}" : ""}`);
  }
  return `${out.join("\n")}\n`;
}
