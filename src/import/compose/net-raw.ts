/** Compose services that keep NET_RAW: no cap_drop of it or of ALL (for the rule, where it is turned on). */
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { dropsNetRaw } from "../../model/container-risks.js";
import { isObject, type Json } from "../json.js";

export function netRawFindings(
  services: Json,
  locateCompose: (path: KeyPath, prefer: "key" | "value") => SourceRange,
): Diagnostic[] {
  return Object.entries(services).flatMap(([id, service]) =>
    isObject(service) && !dropsNetRaw(Array.isArray(service.cap_drop) ? service.cap_drop : [])
      ? [
          diagnostic(
            "net-raw-not-dropped",
            "warning",
            `'${id}' keeps the NET_RAW capability`,
            locateCompose(["services", id], "key"),
          ),
        ]
      : [],
  );
}
