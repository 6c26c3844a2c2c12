import type { Model, Use } from "../model/types.js";

/**
 * Whether Compose waits for a use's target before it starts the service. A use the model calls
 * optional is not needed to start, and the compose file made from a model leaves it out; one read
 * from a compose file's depends_on with required: false is still waited for wherever the dependency
 * runs, as Compose passes over it only where it is not there or fails.
 */
export function composeWaitsFor(use: Use, model: Model): boolean {
  return !use.optional || model.readFrom === "compose";
}
