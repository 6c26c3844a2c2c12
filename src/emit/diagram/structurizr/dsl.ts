/**
 * A Structurizr DSL workspace for one environment: the system and its services as containers in
 * `model`, their `uses` as relationships, the environment as deploymentEnvironment with nested
 * deploymentNodes, infrastructureNodes and containerInstances, and a deployment view.
 */
import type { DeploymentNode, Instance, Model, ServiceKind } from "../../../model/types.js";
import { IdentifierSet, plainText } from "../c4/identifiers.js";
import { environmentOf } from "../c4/mermaid-c4.js";
import { environmentRelations } from "../layout/relations.js";

/** Quoted DSL text: no double quotes (the DSL has no escape for them) and no `${` substitution. */
function q(value: string | undefined): string {
  return `"${plainText(value).replace(/\$\{/g, "$ {").replace(/\\/g, "/")}"`;
}

function kindTag(kind: ServiceKind): string {
  return `kind:${kind}`;
}

export function structurizrDsl(model: Model, environmentId: string): string {
  const environment = environmentOf(model, environmentId);
  const ids = new IdentifierSet("word");
  const out: string[] = [];
  const line = (depth: number, text: string) => out.push(`${"    ".repeat(depth)}${text}`);

  line(0, `workspace ${q(model.system.name)} ${q(model.system.description)} {`);
  line(1, "model {");
  const system = ids.id("system", "system");
  line(2, `${system} = softwareSystem ${q(model.system.name)} ${q(model.system.description)} {`);
  const containers = new Map<string, string>();
  for (const service of model.services) {
    const id = ids.id("c", service.id);
    containers.set(service.id, id);
    line(3, `${id} = container ${q(service.name)} ${q(service.description)} ${q(service.technology)} {`);
    line(4, `tags ${q(kindTag(service.kind))}`);
    line(3, "}");
  }
  line(2, "}");
  for (const service of model.services) {
    for (const use of service.uses) {
      const target = containers.get(use.target);
      if (!target) continue;
      line(
        2,
        `${containers.get(service.id)} -> ${target} ${q(use.description ?? "uses")} ${q(use.protocol)}`,
      );
    }
  }

  const refs = new Map<string, string>();
  const environmentId_ = ids.id("env", environment.id);
  line(2, `${environmentId_} = deploymentEnvironment ${q(environment.name)} {`);
  const instanceLines = (instance: Instance, depth: number, seen: Set<string>) => {
    const container = containers.get(instance.service.id)!;
    const id = ids.id("ci", instance.id);
    refs.set(`instance:${instance.id}`, id);
    // A container can have one instance per deployment node, and replicas are node instances in
    // Structurizr, so a second instance or a replicated one gets a node of its own.
    const wrap = seen.has(container) || instance.replicas.max > 1;
    seen.add(container);
    if (!wrap) {
      line(depth, `${id} = containerInstance ${container}`);
      return;
    }
    const { min, max, autoscale } = instance.replicas;
    line(depth, `deploymentNode ${q(instance.name)} ${q(instance.description)} ${q(instance.workload)} {`);
    // `instances` as a statement: as an argument it would follow the optional tags.
    if (max > 1) line(depth + 1, `instances ${autoscale && min !== max ? q(`${min}..${max}`) : max}`);
    line(depth + 1, `${id} = containerInstance ${container}`);
    line(depth, "}");
  };
  const nodeLines = (node: DeploymentNode, depth: number) => {
    const id = ids.id("n", node.id);
    refs.set(`node:${node.id}`, id);
    const holds = node.instances.length > 0 || node.nodes.length > 0;
    const technology = node.technology ?? node.kind;
    if (node.infrastructure && !holds) {
      line(depth, `${id} = infrastructureNode ${q(node.name)} ${q(node.description)} ${q(technology)} {`);
      line(depth + 1, `tags ${q(`node:${node.kind}`)}`);
      line(depth, "}");
      return;
    }
    line(depth, `${id} = deploymentNode ${q(node.name)} ${q(node.description)} ${q(technology)} {`);
    line(depth + 1, `tags ${q(`node:${node.kind}`)}`);
    if (typeof node.count === "number" && node.count > 1) line(depth + 1, `instances ${node.count}`);
    for (const child of node.nodes) nodeLines(child, depth + 1);
    const seen = new Set<string>();
    for (const instance of node.instances) instanceLines(instance, depth + 1, seen);
    line(depth, "}");
  };
  for (const node of environment.nodes) nodeLines(node, 3);
  // Uses between instances are implied by the container relationships; routes and links are not.
  const { relations } = environmentRelations(environment);
  for (const relation of relations) {
    if (relation.kind === "uses") continue;
    const from = refs.get(relation.from);
    const to = refs.get(relation.to);
    if (!from || !to) continue;
    const label =
      relation.kind === "route" ? `routes ${relation.labels.join(", ")}` : relation.labels.join(", ");
    line(3, `${from} -> ${to} ${q(label || relation.kind)} ${q(relation.kind)}`);
  }
  line(2, "}");
  line(1, "}");
  line(1, "views {");
  line(2, `deployment ${system} ${q(environment.name)} ${q(ids.id("view", environment.id))} {`);
  line(3, "include *");
  line(3, "autoLayout tb");
  line(2, "}");
  line(2, "styles {");
  const shapes: [ServiceKind, string][] = [
    ["database", "Cylinder"],
    ["storage", "Folder"],
    ["queue", "Pipe"],
    ["broker", "Pipe"],
  ];
  for (const [kind, shape] of shapes) {
    line(3, `element ${q(kindTag(kind))} {`);
    line(4, `shape ${shape}`);
    line(3, "}");
  }
  line(3, `element "Infrastructure Node" {`);
  line(4, "background #fde8f1");
  line(4, "color #6b1239");
  line(3, "}");
  line(2, "}");
  line(1, "}");
  line(0, "}");
  return `${out.join("\n")}\n`;
}
