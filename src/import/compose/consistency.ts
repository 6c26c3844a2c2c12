/**
 * What Compose refuses in a service although every key holds a value of the right type: keys that
 * exclude each other, and a health check test that says neither how to run nor to switch it off.
 * Like the names nothing defines (references.ts), these stop `docker compose up` before it starts.
 */
import type { DiagnosticCode } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { isObject, type Json } from "../json.js";
import type { UndefinedReference } from "./references.js";

const TEST_FORMS = new Set(["CMD", "CMD-SHELL", "NONE"]);

const hasEntries = (value: unknown) =>
  (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);

export function inconsistencies(merged: Json): UndefinedReference[] {
  const found: UndefinedReference[] = [];
  const report = (code: DiagnosticCode, message: string, hint: string, composePath: KeyPath) =>
    found.push({ code, message, hint, composePath });
  const services = isObject(merged.services) ? merged.services : {};
  for (const [id, raw] of Object.entries(services)) {
    if (!isObject(raw)) continue;
    const networkMode = typeof raw.network_mode === "string" ? raw.network_mode : undefined;
    if (networkMode && hasEntries(raw.networks))
      report(
        "compose-conflicting-keys",
        `'${id}' sets both network_mode and networks, which Compose refuses`,
        "keep one: network_mode to share another network stack, networks to join networks",
        ["services", id, "networks"],
      );
    // Docker: "conflicting options: port publishing and the container sharing network namespace".
    const shared = networkMode && /^(?:service|container):(.+)$/.exec(networkMode)?.[1];
    if (shared && hasEntries(raw.ports))
      report(
        "compose-conflicting-keys",
        `'${id}' publishes ports, but runs in the network stack of '${shared}' (network_mode: ${networkMode}), where Docker refuses to publish any`,
        `publish them on '${shared}', whose network '${id}' shares`,
        ["services", id, "ports"],
      );
    const test = isObject(raw.healthcheck) ? raw.healthcheck.test : undefined;
    if (Array.isArray(test) && test.length > 0 && !TEST_FORMS.has(String(test[0])))
      report(
        "schema-invalid-value",
        `the health check test of '${id}' starts with '${String(test[0])}', where Compose takes CMD, CMD-SHELL or NONE`,
        `start it with CMD to run the words as they are: [CMD, ${test.map(String).join(", ")}]`,
        ["services", id, "healthcheck", "test", 0],
      );
  }
  return found;
}
