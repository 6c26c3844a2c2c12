/**
 * The environment manifests run in, by the name of their folder (overlays/production, k8s/dev), as a
 * compose.prod.yaml runs in production, or else by the namespace they are put in (metadata.namespace,
 * or a kustomization's namespace:): the rules that tell production and development apart read its
 * name. Any other name says nothing of where they run.
 */
import { basename, dirname } from "node:path";
import { pathKind } from "../../load/path-kind.js";
import type { ManifestObject } from "./objects.js";

const ENVIRONMENT_NAME = /^(?:prod|production|live|dev|development|local)$/i;

/** Where nothing names an environment. */
const NOWHERE = "kubernetes";

/**
 * The folder comes first: an overlay's folder is the name a team chose for where it deploys, where a
 * namespace may be shared by a base, or left as it was copied. Namespaces that name environments
 * other than one another's say nothing.
 */
export function environmentOf(path: string, objects: readonly ManifestObject[]): string {
  const folder = basename(pathKind(path) === "folder" ? path : dirname(path));
  if (ENVIRONMENT_NAME.test(folder)) return folder.toLowerCase();
  const named = new Set<string>();
  for (const { namespace } of objects)
    if (namespace !== undefined && ENVIRONMENT_NAME.test(namespace)) named.add(namespace.toLowerCase());
  return named.size === 1 ? [...named][0]! : NOWHERE;
}
