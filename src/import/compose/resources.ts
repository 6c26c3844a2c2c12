/**
 * Memory and CPU as the model has them: deploy.resources, with what the service-level keys Compose
 * also takes (mem_limit, mem_reservation, cpus) add where deploy.resources does not say.
 */
import type { ServiceInputType } from "../../model/schema.js";
import { isObject, type Json, textOf, valueAt } from "../json.js";
import type { Reading } from "./reading.js";
import { sizeQuantity } from "./sizes.js";
import { readsAs } from "./spec-walk.js";

function memoryOf(resources: unknown): ServiceInputType["memory"] | undefined {
  if (!isObject(resources)) return undefined;
  const limits = isObject(resources.limits) ? resources.limits : {};
  const reservations = isObject(resources.reservations) ? resources.reservations : {};
  const limit = textOf(limits.memory);
  const request = textOf(reservations.memory);
  if (limit && request) return { request: sizeQuantity(request), limit: sizeQuantity(limit) };
  // A reservation alone stays a request: a single value would read as a limit, capping the service.
  return limit ? sizeQuantity(limit) : request ? { request: sizeQuantity(request) } : undefined;
}

/** A number of CPUs as Compose writes it (0.5, "2"); what is not one is the schema walk's to report, once. */
function cpus(value: unknown): string | undefined {
  const text = textOf(value);
  return text !== undefined && readsAs("number", text) ? text : undefined;
}

function cpuOf(resources: unknown): ServiceInputType["cpu"] | undefined {
  if (!isObject(resources)) return undefined;
  const limit = isObject(resources.limits) ? cpus(resources.limits.cpus) : undefined;
  const request = isObject(resources.reservations) ? cpus(resources.reservations.cpus) : undefined;
  if (limit && request) return { request, limit };
  return limit ?? (request ? { request } : undefined);
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
    const { limits, reservations } = resources as { limits: Json; reservations: Json };
    // Each amount where it is written: deploy.resources wins over the service's own keys.
    const written = (key: "limits" | "reservations") =>
      isObject(deploy.resources) &&
      isObject(deploy.resources[key]) &&
      deploy.resources[key].memory !== undefined
        ? ["deploy", "resources", key, "memory"]
        : [key === "limits" ? "mem_limit" : "mem_reservation"];
    const limit = limits.memory !== undefined ? written("limits") : undefined;
    const request = reservations.memory !== undefined ? written("reservations") : undefined;
    reading.note(["services", id, "memory"], ["services", id, ...(limit ?? request)!]);
    if (limit) reading.note(["services", id, "memory", "limit"], ["services", id, ...limit]);
    if (request) reading.note(["services", id, "memory", "request"], ["services", id, ...request]);
  }
  const cpu = cpuOf(resources);
  if (cpu) {
    fields.cpu = cpu;
    const written =
      isObject(deploy.resources) && cpuOf(deploy.resources) ? ["deploy", "resources"] : ["cpus"];
    reading.note(["services", id, "cpu"], ["services", id, ...written]);
    if (written[0] === "deploy")
      for (const [key, side] of [
        ["limits", "limit"],
        ["reservations", "request"],
      ] as const)
        if (cpus(valueAt(deploy, ["resources", key, "cpus"])) !== undefined)
          reading.note(["services", id, "cpu", side], ["services", id, "deploy", "resources", key, "cpus"]);
  }
  return fields;
}
