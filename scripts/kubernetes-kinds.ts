/**
 * The kinds each built-in API version of Kubernetes serves, from the kubernetes-models package's
 * typings (one file per kind, each declaring its kind): what tells `kind: Deploymnet` in apps/v1
 * from a custom resource's kind, which only its cluster knows.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = fileURLToPath(new URL("../node_modules/kubernetes-models/", import.meta.url));

/** apiVersion → the kinds it serves, sorted; an object's own list kind (DeploymentList) included. */
export function kubernetesKinds(): Record<string, string[]> {
  const kinds: Record<string, string[]> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!name.startsWith("_")) visit(path);
        continue;
      }
      if (!name.endsWith(".d.ts")) continue;
      const kind = /^ {4}"kind": "([A-Za-z]+)";$/m.exec(readFileSync(path, "utf8"))?.[1];
      if (kind === undefined) continue;
      const apiVersion = relative(packageRoot, dir).split(/[\\/]/).join("/");
      kinds[apiVersion] = [...(kinds[apiVersion] ?? []), kind];
    }
  };
  visit(packageRoot);
  return Object.fromEntries(
    Object.entries(kinds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([version, list]) => [version, [...new Set(list)].sort()]),
  );
}
