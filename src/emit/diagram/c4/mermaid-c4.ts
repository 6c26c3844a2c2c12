/**
 * Mermaid's C4Deployment diagram of one environment: deployment nodes nested as written,
 * instances as containers, `uses`, routes and links as relations.
 */
import type { DeploymentNode, Environment, Instance, Model } from "../../../model/types.js";
import { environmentRelations } from "../layout/relations.js";
import { IdentifierSet, plainText } from "./identifiers.js";

/** Mermaid's C4 parser takes no escapes; `<` and `>` also become harmless look-alikes for its HTML labels. */
function text(value: string | undefined): string {
  return plainText(value).replace(/</g, "‹").replace(/>/g, "›").replace(/[{}]/g, "");
}

function replicas(instance: Instance): string {
  const { min, max, autoscale } = instance.replicas;
  if (max <= 1) return "";
  return autoscale && min !== max ? ` (×${min}–${max})` : ` (×${max})`;
}

function instanceDescription(instance: Instance): string {
  return [
    instance.description ?? instance.service.description,
    instance.service.ports.map((p) => `:${p.port}`).join(" "),
  ]
    .filter(Boolean)
    .join(" · ");
}

export function environmentOf(model: Model, environmentId: string): Environment {
  const environment = model.environments.find((e) => e.id === environmentId);
  if (!environment) throw new Error(`no environment '${environmentId}'`);
  return environment;
}

export function mermaidC4Deployment(model: Model, environmentId: string): string {
  const environment = environmentOf(model, environmentId);
  const ids = new IdentifierSet();
  const lines = ["C4Deployment", `  title ${text(`${model.system.name}: ${environment.name}`)}`, ""];
  const refs = new Map<string, string>();

  const emit = (node: DeploymentNode, indent: string) => {
    const id = ids.id("n", node.id);
    refs.set(`node:${node.id}`, id);
    const type = [node.kind, node.technology].filter(Boolean).join(", ");
    // Mermaid's deployment nodes must hold something; one that holds nothing (a VPN, an ingress)
    // is drawn as an element of its own, in the colour C4 gives to what is not ours.
    if (node.instances.length === 0 && node.nodes.length === 0) {
      lines.push(
        `${indent}Container_Ext(${id}, "${text(node.name)}", "${text(type)}", "${text(node.description)}")`,
      );
      return;
    }
    const call = `Deployment_Node(${id}, "${text(node.name)}", "${text(type)}", "${text(node.description)}")`;
    lines.push(`${indent}${call} {`);
    for (const child of node.nodes) emit(child, `${indent}  `);
    for (const instance of node.instances) {
      const instanceId = ids.id("i", instance.id);
      refs.set(`instance:${instance.id}`, instanceId);
      const element =
        instance.service.kind === "database" || instance.service.kind === "storage"
          ? "ContainerDb"
          : instance.service.kind === "queue" || instance.service.kind === "broker"
            ? "ContainerQueue"
            : "Container";
      lines.push(
        `${indent}  ${element}(${instanceId}, "${text(instance.name + replicas(instance))}", "${text(instance.service.technology)}", "${text(instanceDescription(instance))}")`,
      );
    }
    lines.push(`${indent}}`);
  };
  for (const node of environment.nodes) emit(node, "  ");

  const { relations, externals } = environmentRelations(environment);
  for (const external of externals) {
    const id = ids.id("x", external.id);
    refs.set(`external:${external.id}`, id);
    lines.push(
      `  Container_Ext(${id}, "${text(external.element)}", "${text(`in ${external.environment}`)}", "")`,
    );
  }
  lines.push("");
  for (const relation of relations) {
    const from = refs.get(relation.from);
    const to = refs.get(relation.to);
    if (!from || !to) continue;
    const label = text(relation.labels.join(", ") || relation.kind);
    lines.push(`  Rel(${from}, ${to}, "${label}", "${text(relation.kind === "uses" ? "" : relation.kind)}")`);
  }
  return `${lines.join("\n")}\n`;
}
