/**
 * C4-PlantUML's deployment diagram of one environment, using the standard library's
 * C4_Deployment (shipped with PlantUML, so nothing is fetched when it renders).
 */
import type { DeploymentNode, Instance, Model } from "../../../model/types.js";
import { IdentifierSet, plainText } from "../c4/identifiers.js";
import { environmentOf } from "../c4/mermaid-c4.js";
import { environmentRelations } from "../layout/relations.js";

/** PlantUML strings cannot hold a double quote; `$` would start a variable in the preprocessor. */
function text(value: string | undefined): string {
  return plainText(value).replace(/\$/g, "＄").replace(/\\/g, "/");
}

function element(instance: Instance): string {
  switch (instance.service.kind) {
    case "database":
    case "storage":
      return "ContainerDb";
    case "queue":
    case "broker":
      return "ContainerQueue";
    default:
      return "Container";
  }
}

export function c4PlantUml(model: Model, environmentId: string): string {
  const environment = environmentOf(model, environmentId);
  const ids = new IdentifierSet();
  const refs = new Map<string, string>();
  const lines = [
    "@startuml",
    "!include <C4/C4_Deployment>",
    "",
    `title ${text(`${model.system.name}: ${environment.name}`)}`,
    "",
  ];
  const emit = (node: DeploymentNode, indent: string) => {
    const id = ids.id("n", node.id);
    refs.set(`node:${node.id}`, id);
    const type = [node.kind, node.technology].filter(Boolean).join(", ");
    const tags = node.infrastructure ? `, $tags="infrastructure"` : "";
    const call = `${indent}Deployment_Node(${id}, "${text(node.name)}", "${text(type)}", "${text(node.description)}"${tags})`;
    if (node.instances.length === 0 && node.nodes.length === 0) {
      lines.push(call);
      return;
    }
    lines.push(`${call} {`);
    for (const child of node.nodes) emit(child, `${indent}  `);
    for (const instance of node.instances) {
      const instanceId = ids.id("i", instance.id);
      refs.set(`instance:${instance.id}`, instanceId);
      const count = instance.replicas.max > 1 ? ` ×${instance.replicas.max}` : "";
      const ports = instance.service.ports.map((p) => `:${p.port}`).join(" ");
      const description = [instance.description ?? instance.service.description, ports]
        .filter(Boolean)
        .join(" · ");
      lines.push(
        `${indent}  ${element(instance)}(${instanceId}, "${text(instance.name + count)}", "${text(instance.service.technology)}", "${text(description)}")`,
      );
    }
    lines.push(`${indent}}`);
  };
  lines.push(
    `AddElementTag("infrastructure", $bgColor="#fde8f1", $fontColor="#6b1239", $borderColor="#b02a63")`,
    "",
  );
  for (const node of environment.nodes) emit(node, "");
  const { relations, externals } = environmentRelations(environment);
  for (const external of externals) {
    const id = ids.id("x", external.id);
    refs.set(`external:${external.id}`, id);
    lines.push(
      `Deployment_Node(${id}, "${text(external.element)}", "${text(`in ${external.environment}`)}")`,
    );
  }
  lines.push("");
  for (const relation of relations) {
    const from = refs.get(relation.from);
    const to = refs.get(relation.to);
    if (!from || !to) continue;
    const label = text(relation.labels.join(", ") || relation.kind);
    lines.push(`Rel(${from}, ${to}, "${label}"${relation.kind === "uses" ? "" : `, "${relation.kind}"`})`);
  }
  lines.push("", "SHOW_LEGEND()", "@enduml");
  return `${lines.join("\n")}\n`;
}
