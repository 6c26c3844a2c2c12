/**
 * Memory and CPU as the model has them: deploy.resources, with what the service-level keys Compose
 * also takes (mem_limit, mem_reservation, cpus) add where deploy.resources does not say.
 */
import type { ServiceInputType } from "../../model/schema.js";
import { isObject, type Json, textOf } from "../json.js";
import type { Reading } from "./reading.js";
import { sizeQuantity } from "./sizes.js";

function memoryOf(resources: unknown): ServiceInputType["memory"] | undefined {
  if (!isObject(resources)) return undefined;
  const limits = isObject(resources.limits) ? resources.limits : {};
  const reservations = isObject(resources.reservations) ? resources.reservations : {};
  const limit = textOf(limits.memory);
  const request = textOf(reservations.memory);
  if (limit && request) return { request: sizeQuantity(request), limit: sizeQuantity(limit) };
  return limit ? sizeQuantity(limit) : request ? sizeQuantity(request) : undefined;
}

function cpuOf(resources: unknown): ServiceInputType["cpu"] | undefined {
  if (!isObject(resources)) return undefined;
  const limit = isObject(resources.limits) ? textOf(resources.limits.cpus) : undefined;
  const request = isObject(resources.reservations) ? textOf(resources.reservations.cpus) : undefined;
  if (limit && request) return { request, limit };
  return limit ?? request;
}

function resourcesOf(raw: Json, resources: unknown): Json {
  const deploy = isObject(resources) ? resources : {};
  const given = (value: unknown, key: string) => (value === undefined ? {} : { [key]: value });
  return {
    limits: {
      ...given(raw.mem_limit, "memory"),
      ...given(raw.cpus, "cpus"),
      ...(isObject(deploy.limits) ? deploy.limits : {}),
    },
    reservations: {
      ...given(raw.mem_reservation, "memory"),
      ...(isObject(deploy.reservations) ? deploy.reservations : {}),
    },
  };
}

/** A service's memory and CPU, each noted at the key that says it. */
export function resourceFields(
  id: string,
  raw: Json,
  reading: Reading,
): Pick<ServiceInputType, "memory" | "cpu"> {
  const deploy = isObject(raw.deploy) ? raw.deploy : {};
  const resources = resourcesOf(raw, deploy.resources);
  const fields: Pick<ServiceInputType, "memory" | "cpu"> = {};
  const memory = memoryOf(resources);
  if (memory) {
    fields.memory = memory;
    const written =
      isObject(deploy.resources) && memoryOf(deploy.resources)
        ? ["deploy", "resources"]
        : raw.mem_limit !== undefined
          ? ["mem_limit"]
          : ["mem_reservation"];
    reading.note(["services", id, "memory"], ["services", id, ...written]);
  }
  const cpu = cpuOf(resources);
  if (cpu) {
    fields.cpu = cpu;
    const written =
      isObject(deploy.resources) && cpuOf(deploy.resources) ? ["deploy", "resources"] : ["cpus"];
    reading.note(["services", id, "cpu"], ["services", id, ...written]);
  }
  return fields;
}
