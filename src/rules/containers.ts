/** The services that run as containers somewhere: the ones rules about containers judge. */
import { containerInstances } from "../emit/runtime/platform.js";
import type { Model, Service } from "../model/types.js";

/** Services with an instance that runs as a container (not as a host process, not as a file). */
export function containerServices(model: Model): Service[] {
  const placed = new Set(model.environments.flatMap((e) => containerInstances(e).map((i) => i.service)));
  return model.services.filter((service) => placed.has(service));
}
