import type { SourceRange } from "../../diagnostics.js";
import { type KeyPath, type ResolveContext, report } from "./context.js";

/**
 * Reports a route that is no path. An Ingress, a proxy's location and a gateway's route each take a
 * path from the root, and the host they answer for apart: `shop.example.com/` written as a route
 * passes for a path nowhere it is generated.
 */
export function checkRoutePath(context: ResolveContext, routePath: string, at: KeyPath): void {
  if (routePath.startsWith("/")) return;
  const slash = routePath.indexOf("/");
  report(context, "schema-invalid-value", `the route '${routePath}' is no path: a route starts with /`, at, {
    prefer: "key",
    hint:
      slash > 0
        ? `write the host under the node's properties (host: ${routePath.slice(0, slash)}) and the route as ${routePath.slice(slash)}`
        : `write it as /${routePath}`,
  });
}

/** Where a route's port is written: its own `port`, else the target it is part of (`api:8080`). */
export function routePortAt(
  context: ResolveContext,
  route: string | { to: string; port?: string | number },
  at: KeyPath,
): SourceRange {
  if (typeof route === "string") return context.locate(at, "value");
  return context.locate([...at, route.port !== undefined ? "port" : "to"], "value");
}
