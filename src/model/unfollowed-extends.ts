import type { Model, Service } from "./types.js";

/**
 * Whether a service's compose `extends` could not be followed: that is reported where it is written,
 * and the image, build or health check the service lacks may be in what it extends, so the checks
 * that would report them pass it over.
 */
export function extendsUnfollowed(
  model: Pick<Model, "unresolvedExtends">,
  service: Pick<Service, "id">,
): boolean {
  return model.unresolvedExtends?.has(service.id) === true;
}
