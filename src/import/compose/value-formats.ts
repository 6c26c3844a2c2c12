/**
 * Values Compose parses itself and refuses when they do not parse, though each is text as the
 * schema asks: durations (Go's, so every number needs its unit: 1m30s, not 1m30), exposed ports;
 * and ulimits Docker refuses, a soft limit above its hard one.
 */
import { asText, isObject, type Json, valueAt } from "../json.js";
import type { Report } from "./consistency.js";

/** Go's time.ParseDuration: "0", or numbers each with a unit (µs and μs escaped: the bundle stays ASCII). */
const DURATION = /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;

/** Where a service keeps durations, from the service. */
const DURATIONS: readonly (readonly string[])[] = [
  ["healthcheck", "interval"],
  ["healthcheck", "timeout"],
  ["healthcheck", "start_period"],
  ["healthcheck", "start_interval"],
  ["stop_grace_period"],
  ["deploy", "restart_policy", "delay"],
  ["deploy", "restart_policy", "window"],
  ["deploy", "update_config", "delay"],
  ["deploy", "update_config", "monitor"],
  ["deploy", "rollback_config", "delay"],
  ["deploy", "rollback_config", "monitor"],
];

/** A port or range, with a protocol or not: 80, 8000-9000, 53/udp. */
const EXPOSED = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i;

/** An `expose` entry as Compose reads it: its port (the last too of a range) and protocol; undefined if it reads none. */
export function exposedPort(entry: unknown): { port: number; last?: number; protocol: string } | undefined {
  const match = EXPOSED.exec(asText(entry));
  if (!match?.slice(1, 3).every((port) => port === undefined || Number(port) <= 65535)) return undefined;
  return {
    port: Number(match[1]),
    ...(match[2] === undefined ? {} : { last: Number(match[2]) }),
    protocol: (match[3] ?? "tcp").toLowerCase(),
  };
}

export function valueFormats(id: string, raw: Json, report: Report): void {
  for (const path of DURATIONS) {
    const value = valueAt(raw, path);
    // An empty value is a variable not set here, reported with the variable; one of another type
    // (a bare number) is the schema's to report (key-problems.ts).
    if (typeof value !== "string" || value === "" || DURATION.test(value)) continue;
    report(
      "schema-invalid-value",
      `${path.join(".")} of '${id}' is '${value}', which is not a duration Compose reads`,
      "give every number its unit: 30s, 1m30s, 500ms, 2h",
      ["services", id, ...path],
    );
  }
  if (Array.isArray(raw.expose))
    raw.expose.forEach((entry, index) => {
      // A list or a mapping is the schema's wrong type (key-problems.ts).
      if (typeof entry !== "object" && !exposedPort(entry))
        report(
          "schema-invalid-value",
          (written) =>
            `'${id}' exposes '${written(["services", id, "expose", index], entry)}', which is not a port Compose reads`,
          "write a port or a range, with a protocol or not: 8080, 8000-8010, 53/udp",
          ["services", id, "expose", index],
        );
    });
  if (isObject(raw.ulimits))
    for (const [name, limit] of Object.entries(raw.ulimits)) {
      if (!isObject(limit) || typeof limit.soft !== "number" || typeof limit.hard !== "number") continue;
      if (limit.soft > limit.hard)
        report(
          "runtime-refused",
          (written) => {
            const at = ["services", id, "ulimits", name];
            return `the ulimit ${name} of '${id}' has a soft limit of ${written([...at, "soft"], limit.soft)} above its hard limit of ${written([...at, "hard"], limit.hard)}, which Docker refuses`;
          },
          "raise the hard limit to the soft one at least, or lower the soft one",
          ["services", id, "ulimits", name],
        );
    }
}
