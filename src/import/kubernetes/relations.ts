/**
 * Relations derived from configuration: an environment variable whose value names another Service
 * (`api`, `api.shop`, `api.shop.svc.cluster.local`, inside URLs too) means the workload uses the
 * workload behind that Service.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import type { ServiceInputType } from "../../model/schema.js";
import type { PathMap } from "../path-map.js";
import { type ManifestObject, objectIndex, objectKey } from "./objects.js";

/** Host names an environment variable's value may carry: `name`, `name.ns`, `name.ns.svc[.cluster.local]`. */
const HOST =
  /(?:^|\/\/|@|,|\s)([a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*)(?=$|:|\/|,|\s)/g;

/**
 * The namespace a host name's suffix names (`shop`, `shop.svc`, `shop.svc.cluster.local`); with no
 * suffix, the workload's own.
 */
const namespaceOfHost = (suffix: string, own: string): string =>
  suffix === "" ? own : suffix.replace(/\.svc(?:\.cluster\.local)?$/, "");

/** What finding the uses of workloads needs of the rest of the manifests. */
export interface RelationContext {
  workloads: readonly ManifestObject[];
  idOf: ReadonlyMap<ManifestObject, string>;
  services: readonly ManifestObject[];
  /** The workload each Service sends its traffic to. */
  serviceTarget: ReadonlyMap<ManifestObject, ManifestObject>;
  namespaceOf: (o: ManifestObject) => string;
  /** Where each model path came from; a use is noted where the variable that makes it is. */
  where: PathMap<{ object: ManifestObject; path: KeyPath }>;
}

/** Sets the uses of each service of `modelServices` from the variables of its workload. */
export function deriveUses(modelServices: Record<string, ServiceInputType>, context: RelationContext): void {
  const { workloads, idOf, services, serviceTarget, namespaceOf, where } = context;
  const servicesByName = objectIndex(services, namespaceOf);
  for (const workload of workloads) {
    const id = idOf.get(workload)!;
    const service = modelServices[id]!;
    const uses: string[] = [];
    for (const [variable, value] of Object.entries(service.env ?? {})) {
      if (typeof value !== "string") continue;
      for (const match of value.matchAll(HOST)) {
        const [first, ...rest] = match[1]!.split(".");
        const suffix = rest.join(".");
        const target = servicesByName.get(
          objectKey(namespaceOfHost(suffix, namespaceOf(workload)), "Service", first!),
        );
        const targetWorkload = target ? serviceTarget.get(target) : undefined;
        const targetId = targetWorkload ? idOf.get(targetWorkload) : undefined;
        if (!targetId || targetId === id || uses.includes(targetId)) continue;
        const from = where.get(["services", id, "env", variable]);
        if (from) where.set(["services", id, "uses", uses.length], from);
        uses.push(targetId);
      }
    }
    if (uses.length > 0) service.uses = uses;
  }
}
