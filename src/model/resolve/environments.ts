import type { EnvironmentInputType, ModelInputType } from "../schema.js";
import type { AccessScope, Environment, Platform, Service } from "../types.js";
import { entriesOf, notesOf, type ResolveContext, textEntriesOf, titleCase } from "./context.js";
import type { EnvironmentScope } from "./environment-scope.js";
import { resolveLinks } from "./links.js";
import { resolveNode, resolveNodeRoutes } from "./nodes.js";

export { checkLinks } from "./links.js";

const platformNames: Record<Platform, string> = {
  compose: "Docker Compose",
  kubernetes: "Kubernetes",
  host: "Host",
};
const accessDescriptions: Record<AccessScope, string> = {
  local: "localhost only",
  lan: "local network",
  vpn: "VPN",
  public: "public",
};

export function resolveEnvironment(
  context: ResolveContext,
  model: ModelInputType,
  services: Map<string, Service>,
  id: string,
  input: EnvironmentInputType,
): Environment {
  const path = ["environments", id];
  const access =
    input.access === undefined
      ? undefined
      : typeof input.access === "string"
        ? { scope: input.access }
        : input.access;
  const scope = access?.scope ?? "public";
  const environment: Environment = {
    id,
    name: input.name ?? titleCase(id),
    platform: input.platform,
    technology: input.technology ?? input.distribution ?? platformNames[input.platform],
    access: {
      scope,
      description: access?.description ?? (access ? accessDescriptions[scope] : "not stated"),
    },
    status: input.status ?? "live",
    at: context.locate(path),
    infrastructure: textEntriesOf(input.infrastructure).map(([aspect, value]) => ({ aspect, value })),
    procedures: entriesOf(input.procedures).map(([procedureId, procedure]) => {
      const at = context.locate([...path, "procedures", procedureId]);
      if (Array.isArray(procedure))
        return { id: procedureId, title: titleCase(procedureId), steps: procedure, notes: [], at };
      return {
        id: procedureId,
        title: procedure.title ?? titleCase(procedureId),
        steps: procedure.steps,
        notes: notesOf(procedure.notes),
        at,
      };
    }),
    keyFiles: textEntriesOf(input["key-files"]).map(([file, purpose]) => ({ path: file, purpose })),
    promotesTo: textEntriesOf(input["promotes-to"]).map(([environment, gate]) => ({
      environment,
      gate,
      at: context.locate([...path, "promotes-to", environment]),
    })),
    characteristics: textEntriesOf(input.characteristics).map(([aspect, value]) => ({ aspect, value })),
    links: [],
    nodes: [],
    allNodes: [],
    instances: [],
    notes: notesOf(input.notes),
  };
  if (input.name !== undefined) environment.nameAt = context.locate([...path, "name"], "value");
  if (input.purpose) environment.purpose = input.purpose;
  if (input.distribution) environment.distribution = input.distribution;
  if (input.description) environment.description = input.description;
  const envScope: EnvironmentScope = {
    context,
    model,
    services,
    environment,
    path,
    nodeInputs: new Map(),
    instancePaths: new Map(),
  };
  for (const [nodeId, node] of entriesOf(input.nodes)) {
    const resolved = resolveNode(envScope, nodeId, node, [...path, "nodes", nodeId], undefined, []);
    if (resolved) environment.nodes.push(resolved);
  }
  resolveNodeRoutes(envScope);
  environment.links = resolveLinks(envScope, input);
  return environment;
}
