import { type DependsOn, dependsOnUses } from "../model/depends-on.js";
import type { Model } from "../model/types.js";

/**
 * The uses Compose waits for before it starts a service. Read from a compose file, every
 * depends_on entry, required: false among them: Compose passes over one of those only where it is
 * not there or fails. In a model, those its generated compose file writes (dependsOnUses): an
 * optional use only where it says what it waits for.
 */
export function composeWaits(model: Model): DependsOn {
  let waits = found.get(model);
  if (!waits) {
    waits = model.readFrom === "compose" ? (service) => service.uses : dependsOnUses(model.services);
    found.set(model, waits);
  }
  return waits;
}

// The rules about waits each ask: the uses are worked out once a model.
const found = new WeakMap<Model, DependsOn>();
