import { type DependsOn, dependsOnUses } from "../model/depends-on.js";
import type { Model } from "../model/types.js";

/**
 * The uses Compose waits for before it starts a service. Read from a compose file, every
 * depends_on entry, required: false among them: Compose passes over one of those only where it is
 * not there or fails. In a model, those its generated compose file writes (dependsOnUses): an
 * optional use only where it says what it waits for.
 */
export function composeWaits(model: Model): DependsOn {
  if (model.readFrom === "compose") return (service) => service.uses;
  return dependsOnUses(model.services);
}
