/** How Compose restarts a service's container and pulls its image, as the model has them. */
import type { ServiceInputType } from "../../model/schema.js";
import { asText, isObject, type Json } from "../json.js";
import type { Reading } from "./reading.js";

type Restart = { restart: NonNullable<ServiceInputType["restart"]>; maxRestarts?: number };

/** restart as the model has it: on-failure:3 is on-failure, at most three restarts. */
function restartOf(value: unknown): Restart | undefined {
  if (typeof value !== "string") return undefined;
  const [, restart, count] = /^(no|always|on-failure|unless-stopped)(?::(\d+))?$/.exec(value) ?? [];
  if (!restart || (count !== undefined && restart !== "on-failure")) return undefined;
  const policy = { restart: restart as Restart["restart"] };
  return count === undefined ? policy : { ...policy, maxRestarts: Number(count) };
}

/** deploy.restart_policy as a restart policy: none, on-failure (at most max_attempts) or any. */
function deployRestartPolicy(value: unknown): Restart | undefined {
  if (!isObject(value)) return undefined;
  const restart = { none: "no", "on-failure": "on-failure", any: "always" }[asText(value.condition ?? "any")];
  if (restart !== "no" && restart !== "on-failure" && restart !== "always") return undefined;
  const attempts = value.max_attempts;
  return restart === "on-failure" &&
    typeof attempts === "number" &&
    Number.isSafeInteger(attempts) &&
    attempts >= 0
    ? { restart, maxRestarts: attempts }
    : { restart };
}

/**
 * pull_policy as the model has it; if_not_present is Compose's older name for missing. The
 * refreshing ones (daily, weekly, every_12h) have no place in the model and are left out.
 */
export function pullPolicy(value: unknown): ServiceInputType["pull"] {
  const policy = value === "if_not_present" ? "missing" : value;
  return policy === "always" || policy === "missing" || policy === "never" || policy === "build"
    ? policy
    : undefined;
}

/**
 * restart, or deploy.restart_policy where it is given: that is what Compose starts the container
 * with. A restart Docker does not know is reported; one of the wrong type is reported with the file's
 * other keys of the wrong type, and an empty one (a variable not set here) with the variable.
 */
export function restartFields(
  id: string,
  raw: Json,
  reading: Reading,
): Pick<ServiceInputType, "restart" | "max-restarts"> {
  const written = restartOf(raw.restart);
  if (!written && typeof raw.restart === "string" && raw.restart !== "")
    reading.report(
      "schema-invalid-value",
      `'${asText(raw.restart)}' is not a restart policy Docker knows`,
      'use "no", always, on-failure (on-failure:3 for at most 3 restarts) or unless-stopped',
      ["services", id, "restart"],
    );
  const deploy = isObject(raw.deploy) ? raw.deploy : {};
  const restart = deployRestartPolicy(deploy.restart_policy) ?? written;
  if (!restart) return {};
  return restart.maxRestarts === undefined
    ? { restart: restart.restart }
    : { restart: restart.restart, "max-restarts": restart.maxRestarts };
}
