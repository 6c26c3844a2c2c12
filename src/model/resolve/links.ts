import type { EnvironmentInputType } from "../schema.js";
import type { Environment, Link } from "../types.js";
import { type ResolveContext, report } from "./context.js";
import type { EnvironmentScope } from "./environment-scope.js";

export function resolveLinks(scope: EnvironmentScope, input: EnvironmentInputType): Link[] {
  return (input.links ?? []).map((link, index) => {
    const path = [...scope.path, "links", index];
    const resolved: Link = {
      from: link.from,
      to: link.to,
      kind: link.kind ?? "other",
      at: scope.context.locate(path),
    };
    const [toEnvironment, toElement] = link.to.includes(":")
      ? (link.to.split(":", 2) as [string, string])
      : [undefined, link.to];
    if (toEnvironment) {
      resolved.toEnvironment = toEnvironment;
      resolved.to = toElement;
    }
    if (link.description) resolved.description = link.description;
    if (link.protocol) resolved.protocol = link.protocol;
    if (link.via) resolved.via = link.via;
    return resolved;
  });
}

function elementIds(environment: Environment): string[] {
  return [...environment.instances.map((i) => i.id), ...environment.allNodes.map((n) => n.id)];
}

/** Links may cross environments, so they are checked once every environment exists. */
export function checkLinks(context: ResolveContext, environments: Environment[]): void {
  const byId = new Map(environments.map((e) => [e.id, e]));
  // Each environment's elements once, not once per link.
  const elements = new Map(environments.map((e) => [e, new Set(elementIds(e))]));
  for (const environment of environments) {
    environment.links.forEach((link, index) => {
      const path = ["environments", environment.id, "links", index];
      const local = elements.get(environment)!;
      if (!local.has(link.from)) {
        report(
          context,
          "unknown-instance",
          `no instance or node '${link.from}' in environment '${environment.id}'`,
          [...path, "from"],
          {
            hint: context.suggest(link.from, local, "instance"),
          },
        );
      }
      const other = link.toEnvironment ? byId.get(link.toEnvironment) : environment;
      if (!other) {
        report(
          context,
          "unknown-environment",
          `no environment named '${link.toEnvironment}'`,
          [...path, "to"],
          {
            hint: context.suggest(link.toEnvironment ?? "", byId.keys(), "environment"),
          },
        );
        return;
      }
      const targets = elements.get(other)!;
      if (!targets.has(link.to)) {
        report(
          context,
          "unknown-instance",
          `no instance or node '${link.to}' in environment '${other.id}'`,
          [...path, "to"],
          {
            hint: context.suggest(link.to, targets, "instance"),
          },
        );
      }
    });
    for (const promotion of environment.promotesTo) {
      if (!byId.has(promotion.environment)) {
        report(
          context,
          "unknown-environment",
          `no environment named '${promotion.environment}'`,
          ["environments", environment.id, "promotes-to", promotion.environment],
          {
            prefer: "key",
            hint: context.suggest(promotion.environment, byId.keys(), "environment"),
          },
        );
      }
    }
  }
}
