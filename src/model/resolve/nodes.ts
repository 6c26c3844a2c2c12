import { append } from "../../collections.js";
import type { NodeInputType } from "../schema.js";
import { lazily } from "../suggest.js";
import { namesTls } from "../tls.js";
import {
  type DeploymentNode,
  type Instance,
  infrastructureNodeKinds,
  type Resources,
  type Route,
} from "../types.js";
import { entriesOf, type KeyPath, notesOf, report, resolveAmount, textEntriesOf } from "./context.js";
import type { EnvironmentScope } from "./environment-scope.js";
import { resolveInstances } from "./instances.js";
import { checkRoutePath, routePortAt } from "./route-path.js";
import { findPort } from "./services.js";

function resolveResources(
  scope: EnvironmentScope,
  input: NodeInputType["capacity"],
  path: KeyPath,
): Resources {
  const resources: Resources = {};
  if (!input) return resources;
  const memory = resolveAmount(scope.context, input.memory, "memory", [...path, "memory"]);
  if (memory) resources.memory = memory;
  const cpu = resolveAmount(scope.context, input.cpu, "cpu", [...path, "cpu"]);
  if (cpu) resources.cpu = cpu;
  const disk = resolveAmount(scope.context, input.disk, "memory", [...path, "disk"], "disk");
  if (disk) resources.disk = disk;
  return resources;
}

export function resolveNode(
  scope: EnvironmentScope,
  id: string,
  input: NodeInputType,
  path: KeyPath,
  parent: DeploymentNode | undefined,
  ancestors: string[],
): DeploymentNode | undefined {
  const { context } = scope;
  if (ancestors.includes(id)) {
    report(context, "node-cycle", `node '${id}' is nested inside itself`, path, { prefer: "key" });
    return undefined;
  }
  if (scope.nodeInputs.has(id)) {
    report(context, "duplicate-node", `a node named '${id}' already exists in this environment`, path, {
      prefer: "key",
    });
    return undefined;
  }
  scope.nodeInputs.set(id, { input, path });
  const node: DeploymentNode = {
    id,
    name: input.name ?? id,
    kind: input.kind,
    infrastructure: infrastructureNodeKinds.has(input.kind),
    at: context.locate(path),
    capacity: resolveResources(scope, input.capacity, [...path, "capacity"]),
    budget: resolveResources(scope, input.budget, [...path, "budget"]),
    properties: textEntriesOf(input.properties).map(([key, value]) => ({ key, value })),
    routes: [],
    instances: [],
    nodes: [],
    depth: ancestors.length,
    notes: notesOf(input.notes),
  };
  if (parent) node.parent = parent.id;
  if (input.name !== undefined) node.nameAt = context.locate([...path, "name"], "value");
  const tls = node.properties.find((p) => namesTls(p.key));
  if (tls) node.tlsAt = context.locate([...path, "properties", tls.key], "value");
  if (input.technology) node.technology = input.technology;
  if (input.description) node.description = input.description;
  if (input.count !== undefined) node.count = input.count;
  scope.environment.allNodes.push(node);
  node.instances = resolveInstances(scope, node, input.run, [...path, "run"]);
  append(scope.environment.instances, node.instances);
  for (const [childId, child] of entriesOf(input.nodes)) {
    const resolved = resolveNode(scope, childId, child, [...path, "nodes", childId], node, [
      ...ancestors,
      id,
    ]);
    if (resolved) node.nodes.push(resolved);
  }
  return node;
}

/** Routes of infrastructure nodes point at instances of the same environment (or at services placed there). */
export function resolveNodeRoutes(scope: EnvironmentScope): void {
  const { environment, context } = scope;
  // By id, else the first placed of a service: looked up once per route, not searched for.
  const byId = new Map<string, Instance>();
  const byService = new Map<string, Instance>();
  for (const instance of environment.instances) {
    if (!byId.has(instance.id)) byId.set(instance.id, instance);
    if (!byService.has(instance.service.id)) byService.set(instance.service.id, instance);
  }
  for (const node of environment.allNodes) {
    const { input, path } = scope.nodeInputs.get(node.id)!;
    for (const [routePath, route] of entriesOf(input.routes)) {
      const routeKey = [...path, "routes", routePath];
      checkRoutePath(context, routePath, routeKey);
      const [targetId, portRef] = (typeof route === "string" ? route : route.to).split(":") as [
        string,
        string | undefined,
      ];
      const instance = byId.get(targetId) ?? byService.get(targetId);
      if (!instance) {
        report(
          context,
          "unknown-instance",
          `no instance or service '${targetId}' is placed in environment '${environment.id}'`,
          routeKey,
          {
            hint: context.suggest(
              targetId,
              lazily(environment.instances, (i) => i.id),
              "instance",
            ),
          },
        );
        continue;
      }
      const reference = (typeof route === "object" ? route.port : undefined) ?? portRef;
      const ports = instance.service.ports;
      const port =
        reference !== undefined
          ? findPort(context, ports, reference, routeKey, `service '${instance.service.id}'`)
          : ports[0];
      const resolved: Route = { path: routePath, target: instance.id, at: context.locate(routeKey, "key") };
      if (port) resolved.port = port;
      if (reference !== undefined) resolved.portAt = routePortAt(context, route, routeKey);
      if (typeof route === "object" && route.description) resolved.description = route.description;
      node.routes.push(resolved);
    }
  }
}
