/** A service's health check as the model has it: the command it runs, and how often and how long. */
import { durationField as timing } from "../../model/duration.js";
import type { ServiceInputType } from "../../model/schema.js";
import { asText, isObject, type Json } from "../json.js";
import type { Reading } from "./reading.js";
import { readsTrue } from "./spec-walk.js";

/** Whether a compose service has a health check that runs: one with a test, neither disabled nor NONE. */
export function hasHealthCheck(service: unknown): boolean {
  if (!isObject(service) || !isObject(service.healthcheck)) return false;
  const { disable, test } = service.healthcheck;
  return !readsTrue(disable) && test !== undefined && !(Array.isArray(test) && test[0] === "NONE");
}

/**
 * Whether a service keeps its image's own health check on purpose: a healthcheck that sets no test
 * and does not turn it off (disable: false, or only its timings), which Compose runs as the image
 * defines it.
 */
export function keepsImageHealthCheck(service: Json): boolean {
  const health = service.healthcheck;
  return isObject(health) && !readsTrue(health.disable) && health.test === undefined;
}

/** Whether a compose service turns health checks off, its image's own too: disable: true, or a test of NONE. */
function disablesHealthCheck(health: Json): boolean {
  return readsTrue(health.disable) || (Array.isArray(health.test) && health.test[0] === "NONE");
}

/**
 * The check a service runs, if it runs one: CMD's words, or CMD-SHELL's command line; false where
 * it turns checks off on purpose.
 */
export function healthField(id: string, raw: Json, reading: Reading): ServiceInputType["health"] {
  const health = raw.healthcheck;
  if (!isObject(health)) return undefined;
  if (disablesHealthCheck(health)) {
    reading.note(["services", id, "health"], ["services", id, "healthcheck"]);
    return false;
  }
  if (!hasHealthCheck(raw)) return undefined;
  const test = Array.isArray(health.test) ? health.test.map(asText) : asText(health.test);
  const command = Array.isArray(test)
    ? test[0] === "CMD-SHELL"
      ? test.slice(1).join(" ")
      : test[0] === "CMD"
        ? test.slice(1)
        : test
    : test;
  reading.note(["services", id, "health"], ["services", id, "healthcheck"]);
  reading.note(["services", id, "health", "command"], ["services", id, "healthcheck", "test"]);
  // Each word of CMD's list, for a finding about one (a secret passed on the command line).
  if (Array.isArray(command)) {
    const skipped = test[0] === "CMD" ? 1 : 0;
    for (const index of command.keys())
      reading.note(
        ["services", id, "health", "command", index],
        ["services", id, "healthcheck", "test", index + skipped],
      );
  }
  return {
    command,
    ...timing("interval", health.interval),
    ...timing("timeout", health.timeout),
    ...(typeof health.retries === "number" ? { retries: health.retries } : {}),
    ...timing("start-period", health.start_period),
  };
}
