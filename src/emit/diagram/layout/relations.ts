/**
 * The relations drawn in an environment: `uses` between placed instances, routes from nodes and
 * proxies to what they route to, and links (replication, sync, …), one edge per pair and kind.
 */
import type { Environment, Instance, Route } from "../../../model/types.js";
import { oneLine } from "./text-width.js";
import type { EdgeKind } from "./types.js";

export interface Relation {
  id: string;
  kind: EdgeKind;
  optional: boolean;
  /** `instance:<id>`, `node:<id>` or `external:<environment>:<id>`. */
  from: string;
  to: string;
  labels: string[];
}

export interface External {
  id: string;
  environment: string;
  element: string;
}

export const instanceRef = (id: string) => `instance:${id}`;
export const nodeRef = (id: string) => `node:${id}`;

/** Whether a route leads to something that runs in the environment: an instance, or a service placed here. */
export function routeDeployedHere(environment: Environment, route: Route): boolean {
  return environment.instances.some((i) => i.id === route.target || i.service.id === route.target);
}

function routeTargets(environment: Environment, route: Route, byService: Map<string, Instance[]>): string[] {
  const direct = environment.instances.find((i) => i.id === route.target);
  if (direct) return [instanceRef(direct.id)];
  return (byService.get(route.target) ?? []).map((i) => instanceRef(i.id));
}

export function environmentRelations(environment: Environment): {
  relations: Relation[];
  externals: External[];
} {
  const byService = new Map<string, Instance[]>();
  for (const instance of environment.instances) {
    byService.set(instance.service.id, [...(byService.get(instance.service.id) ?? []), instance]);
  }
  const relations = new Map<string, Relation>();
  const add = (kind: EdgeKind, from: string, to: string, label: string | undefined, optional: boolean) => {
    if (from === to) return;
    const key = `${kind}|${from}|${to}`;
    let relation = relations.get(key);
    if (!relation) {
      relation = { id: `e${relations.size}`, kind, optional, from, to, labels: [] };
      relations.set(key, relation);
    }
    // A pair that is required once is required.
    relation.optional &&= optional;
    const text = label ? oneLine(label) : "";
    if (text && !relation.labels.includes(text)) relation.labels.push(text);
  };

  for (const instance of environment.instances) {
    for (const use of instance.service.uses) {
      for (const target of byService.get(use.target) ?? []) {
        add(
          "uses",
          instanceRef(instance.id),
          instanceRef(target.id),
          use.protocol ?? use.description,
          use.optional,
        );
      }
    }
    for (const route of instance.service.routes) {
      for (const target of routeTargets(environment, route, byService)) {
        add("route", instanceRef(instance.id), target, route.path, false);
      }
    }
  }
  for (const node of environment.allNodes) {
    for (const route of node.routes) {
      for (const target of routeTargets(environment, route, byService)) {
        add("route", nodeRef(node.id), target, route.path, false);
      }
    }
  }

  const externals = new Map<string, External>();
  const local = (id: string) =>
    environment.instances.some((i) => i.id === id)
      ? instanceRef(id)
      : environment.allNodes.some((n) => n.id === id)
        ? nodeRef(id)
        : undefined;
  for (const link of environment.links) {
    const from = local(link.from);
    if (!from) continue;
    let to: string | undefined;
    if (link.toEnvironment && link.toEnvironment !== environment.id) {
      const id = `${link.toEnvironment}:${link.to}`;
      if (!externals.has(id)) externals.set(id, { id, environment: link.toEnvironment, element: link.to });
      to = `external:${id}`;
    } else {
      to = local(link.to);
    }
    if (!to) continue;
    add(link.kind, from, to, link.protocol ?? link.description ?? link.kind, false);
  }
  return { relations: [...relations.values()], externals: [...externals.values()] };
}
