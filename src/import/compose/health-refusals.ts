/**
 * A health check's settings Docker refuses though Compose reads them: the engine takes durations of
 * 0 (the image's own value) or at least 1ms ("Interval in Healthcheck cannot be less than 1ms"),
 * so a negative duration, which Go's parser reads, or one of microseconds makes no container; and
 * no negative count of retries ("Retries in Healthcheck cannot be negative").
 */
import { type Json, valueAt } from "../json.js";
import type { Report } from "./consistency.js";

const HEALTH_DURATIONS = ["interval", "timeout", "start_period", "start_interval"] as const;

const NANOSECONDS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  "\u00b5s": 1e3,
  "\u03bcs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const LEAST = NANOSECONDS.ms!;

/** A Go duration in nanoseconds, or undefined where it does not parse (the format's own finding). */
function nanoseconds(text: string): number | undefined {
  const sign = text.startsWith("-") ? -1 : 1;
  const body = text.replace(/^[-+]/, "");
  if (body === "0") return 0;
  let total = 0;
  let rest = body;
  // Built here, not at start-up: only a health check with durations gets this far.
  const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/;
  while (rest !== "") {
    const match = part.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * NANOSECONDS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return body === "" ? undefined : sign * total;
}

export function healthRefusals(id: string, raw: Json, report: Report): void {
  for (const key of HEALTH_DURATIONS) {
    const value = valueAt(raw, ["healthcheck", key]);
    if (typeof value !== "string") continue;
    const duration = nanoseconds(value.trim());
    if (duration === undefined || duration === 0 || duration >= LEAST) continue;
    report(
      "runtime-refused",
      `healthcheck.${key} of '${id}' is ${value.trim()}, which Docker refuses to make the container with: it takes 0 (the image's own) or at least 1ms`,
      "give it 1ms or more, or leave it out for the image's own",
      ["services", id, "healthcheck", key],
    );
  }
  const retries = valueAt(raw, ["healthcheck", "retries"]);
  // Written as text, a count is a variable filled in: Compose reads it as a number all the same.
  const count = typeof retries === "string" && retries.trim() !== "" ? Number(retries) : retries;
  if (typeof count === "number" && count < 0)
    report(
      "runtime-refused",
      `healthcheck.retries of '${id}' is ${count}, which Docker refuses to make the container with: it takes 0 (the image's own) or more`,
      "give it 1 or more, or leave it out for the image's own",
      ["services", id, "healthcheck", "retries"],
    );
}
