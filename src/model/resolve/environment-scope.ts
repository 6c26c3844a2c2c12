import type { ModelInputType, NodeInputType } from "../schema.js";
import type { Environment, Service } from "../types.js";
import type { KeyPath, ResolveContext } from "./context.js";

/** What resolving one environment shares across its nodes and instances. */
export interface EnvironmentScope {
  context: ResolveContext;
  model: ModelInputType;
  services: Map<string, Service>;
  environment: Environment;
  path: KeyPath;
  /** Every node seen, by id, with its input and path: to find duplicates and resolve routes. */
  nodeInputs: Map<string, { input: NodeInputType; path: KeyPath }>;
  instancePaths: Map<string, { path: KeyPath; node: string }>;
}
