/**
 * What drift compares about each instance of an imported configuration: image, published ports,
 * replicas, mounted paths, variable names and health check. Both sides come through the same
 * importer, so any difference is one the files really have.
 */

import { inputNodes } from "../import/input-nodes.js";
import { asText, isObject, type Json } from "../import/json.js";
import type { KeyPath } from "../load/yaml-file.js";
import { parseQuantity, type QuantityKind } from "../model/quantity.js";
import type { ModelInputType } from "../model/schema.js";

export interface InstanceFacts {
  /** Model path of the instance, and of its service, for locating findings. */
  instancePath: KeyPath;
  servicePath: KeyPath;
  image?: string;
  publish: string[];
  replicas: string;
  volumes: string[];
  env: string[];
  health?: string;
  command?: string;
  resources?: string;
  /** The resources in bytes and millicores, so that 1Gi and 1024Mi, or 1 and 1000m, are equal. */
  resourcesKey?: string;
  uses: string[];
  /** Dependencies waited for otherwise than by default (healthy where they have a check), as "db (started)". */
  waits: string[];
}

export function instanceFacts(input: ModelInputType): Map<string, InstanceFacts> {
  const facts = new Map<string, InstanceFacts>();
  const services = input.services as Record<string, Json>;
  for (const [environmentId, environment] of Object.entries(input.environments)) {
    for (const { node, path } of inputNodes(environment, ["environments", environmentId])) {
      const run = isObject(node.run) ? node.run : {};
      for (const [id, raw] of Object.entries(run)) {
        const instance = isObject(raw) ? raw : {};
        const serviceId = typeof instance.service === "string" ? instance.service : id;
        const service = services[serviceId] ?? {};
        const ports = isObject(service.ports) ? service.ports : {};
        const portOf = (name: string) => {
          const port = ports[name];
          return isObject(port) ? port.port : port;
        };
        const publish = Object.entries(isObject(instance.publish) ? instance.publish : {}).map(
          ([name, host]) =>
            isObject(host)
              ? `${host.bind ? `${asText(host.bind)}:` : ""}${host.host === undefined ? "any" : asText(host.host)}${host["host-last"] === undefined ? "" : `-${asText(host["host-last"])}`}→${asText(portOf(name))}`
              : `${asText(host)}→${asText(portOf(name))}`,
        );
        const volumes = Object.values(isObject(service.volumes) ? service.volumes : {}).map((v) =>
          isObject(v) ? asText(v.path) : asText(v),
        );
        const image = (instance.image ?? service.image) as string | undefined;
        facts.set(id, {
          instancePath: [...path, "run", id],
          servicePath: ["services", serviceId],
          ...(image ? { image } : {}),
          publish: publish.sort(),
          replicas: replicasText(instance.replicas),
          volumes: volumes.sort(),
          env: Object.keys(isObject(service.env) ? service.env : {}).sort(),
          ...(service.health !== undefined ? { health: JSON.stringify(service.health) } : {}),
          ...(service.command !== undefined ? { command: JSON.stringify(service.command) } : {}),
          ...resourcesOf(instance, service),
          uses: (Array.isArray(service.uses)
            ? service.uses.map(asText)
            : Object.keys(isObject(service.uses) ? service.uses : {})
          ).sort(),
          waits: Object.entries(isObject(service.uses) ? service.uses : {})
            .flatMap(([target, use]) =>
              isObject(use) && use.wait ? [`${target} (${asText(use.wait)})`] : [],
            )
            .sort(),
        });
      }
    }
  }
  return facts;
}

function replicasText(replicas: unknown): string {
  if (!isObject(replicas))
    return `${asText(replicas ?? 1)} replica${replicas === undefined || replicas === 1 ? "" : "s"}`;
  const target = [
    replicas["cpu-target"] === undefined ? "" : ` at ${asText(replicas["cpu-target"])}% CPU`,
    replicas["memory-target"] === undefined ? "" : ` at ${asText(replicas["memory-target"])}% memory`,
    replicas["custom-metrics"] === true ? " on metrics of its own" : "",
  ].join("");
  return `${asText(replicas.min)} to ${asText(replicas.max)} replicas${target}`;
}

/** Memory and CPU as the instance runs with them (its own, else its service's). */
function resourcesOf(instance: Json, service: Json): { resources?: string; resourcesKey?: string } {
  const memory = instance.memory ?? service.memory;
  const cpu = instance.cpu ?? service.cpu;
  if (memory === undefined && cpu === undefined) return {};
  const text = (value: unknown) =>
    value === undefined
      ? "none"
      : isObject(value)
        ? `${asText(value.request)} to ${asText(value.limit)}`
        : asText(value);
  const bound = (value: unknown, kind: QuantityKind, side: "request" | "limit") => {
    if (typeof value !== "string" && typeof value !== "number") return "none";
    return asText(parseQuantity(value, kind)?.[side] ?? value);
  };
  const key = (value: unknown, kind: QuantityKind) =>
    isObject(value)
      ? `${bound(value.request, kind, "request")}-${bound(value.limit, kind, "limit")}`
      : `${bound(value, kind, "request")}-${bound(value, kind, "limit")}`;
  return {
    resources: `memory ${text(memory)}, CPU ${text(cpu)}`,
    resourcesKey: `${key(memory, "memory")} ${key(cpu, "cpu")}`,
  };
}
