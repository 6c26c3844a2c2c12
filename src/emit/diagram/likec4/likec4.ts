/**
 * A LikeC4 source file for one environment: a specification (element and deployment node kinds),
 * the logical model (the system and its services with their `uses`), the deployment model (nodes
 * nested as written, `instanceOf` each placed service, routes and links as deployment relations)
 * and a deployment view.
 */
import type { DeploymentNode, Model, NodeKind } from "../../../model/types.js";
import { IdentifierSet, plainText } from "../c4/identifiers.js";
import { environmentOf } from "../c4/mermaid-c4.js";
import { environmentRelations } from "../layout/relations.js";

function q(value: string | undefined): string {
  return `"${plainText(value).replace(/\\/g, "/")}"`;
}

/** Node kinds become deployment node kinds; a prefix keeps them clear of the language's keywords. */
function nodeKind(kind: NodeKind): string {
  return `node_${kind.replace(/-/g, "_")}`;
}

export function likeC4(model: Model, environmentId: string): string {
  const environment = environmentOf(model, environmentId);
  const ids = new IdentifierSet("word");
  const out: string[] = [];
  const line = (depth: number, text: string) => out.push(`${"  ".repeat(depth)}${text}`);

  const kinds = [...new Set(environment.allNodes.map((n) => n.kind))].sort();
  line(0, "specification {");
  line(1, "element system");
  line(1, "element service");
  line(1, "deploymentNode environment");
  for (const kind of kinds) line(1, `deploymentNode ${nodeKind(kind)}`);
  line(0, "}");
  line(0, "");

  const system = ids.id("system", "system");
  const services = new Map<string, string>();
  line(0, "model {");
  line(1, `${system} = system ${q(model.system.name)} {`);
  if (model.system.description) line(2, `description ${q(model.system.description)}`);
  for (const service of model.services) {
    const id = ids.id("s", service.id);
    services.set(service.id, id);
    line(2, `${id} = service ${q(service.name)} {`);
    if (service.technology) line(3, `technology ${q(service.technology)}`);
    if (service.description) line(3, `description ${q(service.description)}`);
    line(2, "}");
  }
  line(1, "}");
  for (const service of model.services) {
    for (const use of service.uses) {
      const target = services.get(use.target);
      if (!target) continue;
      const relation = `${system}.${services.get(service.id)} -> ${system}.${target} ${q(use.description ?? use.protocol ?? "uses")}`;
      if (!use.protocol) {
        line(1, relation);
        continue;
      }
      line(1, `${relation} {`);
      line(2, `technology ${q(use.protocol)}`);
      line(1, "}");
    }
  }
  line(0, "}");
  line(0, "");

  const env = ids.id("env", environment.id);
  const paths = new Map<string, string>();
  line(0, "deployment {");
  line(1, `environment ${env} ${q(environment.name)} {`);
  // Names are unique within their parent in LikeC4; ours are unique in the whole environment.
  const names = new IdentifierSet("word");
  const emit = (node: DeploymentNode, depth: number, prefix: string) => {
    const id = names.id("n", node.id);
    const path = prefix ? `${prefix}.${id}` : id;
    paths.set(`node:${node.id}`, path);
    line(depth, `${id} = ${nodeKind(node.kind)} ${q(node.name)} {`);
    if (node.technology) line(depth + 1, `technology ${q(node.technology)}`);
    if (node.description) line(depth + 1, `description ${q(node.description)}`);
    for (const child of node.nodes) emit(child, depth + 1, path);
    for (const instance of node.instances) {
      const instanceId = names.id("i", instance.id);
      paths.set(`instance:${instance.id}`, `${path}.${instanceId}`);
      const count = instance.replicas.max > 1 ? ` ×${instance.replicas.max}` : "";
      line(depth + 1, `${instanceId} = instanceOf ${system}.${services.get(instance.service.id)} {`);
      line(depth + 2, `title ${q(instance.name + count)}`);
      if (instance.replicas.max > 1) {
        line(depth + 2, "style {");
        line(depth + 3, "multiple true");
        line(depth + 2, "}");
      }
      line(depth + 1, "}");
    }
    line(depth, "}");
  };
  for (const node of environment.nodes) emit(node, 2, "");
  // `uses` are inherited from the logical model; routes and links are deployment relations.
  for (const relation of environmentRelations(environment).relations) {
    if (relation.kind === "uses") continue;
    const from = paths.get(relation.from);
    const to = paths.get(relation.to);
    if (!from || !to) continue;
    const label =
      relation.kind === "route" ? `routes ${relation.labels.join(", ")}` : relation.labels.join(", ");
    line(2, `${from} -> ${to} ${q(label || relation.kind)}`);
  }
  line(1, "}");
  line(0, "}");
  line(0, "");
  line(0, "views {");
  line(1, `deployment view ${ids.id("view", environment.id)} {`);
  line(2, `title ${q(`${model.system.name}: ${environment.name}`)}`);
  line(2, `include ${env}.**`);
  line(1, "}");
  line(0, "}");
  return `${out.join("\n")}\n`;
}
