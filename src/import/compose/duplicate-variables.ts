/**
 * A service whose list-form environment (`- NAME=value`) sets one variable twice: Compose keeps the
 * last, so the first is dead and whoever reads it is misled. The map form cannot say it twice (a
 * duplicate key is a YAML error). Looked for in each file as written, before files are merged.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { asText, isObject } from "../json.js";
import type { ComposeSource } from "./to-model.js";

export function duplicateVariables(source: ComposeSource): Diagnostic[] {
  const services = source.value.services;
  if (!isObject(services)) return [];
  const found: Diagnostic[] = [];
  for (const [id, service] of Object.entries(services)) {
    if (!isObject(service) || !Array.isArray(service.environment)) continue;
    const first = new Map<string, number>();
    service.environment.forEach((entry, index) => {
      if (entry === null || typeof entry === "object") return;
      const name = asText(entry).split("=")[0]!;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, index);
        return;
      }
      const at = (i: number) => locate(source.yaml, ["services", id, "environment", i], "value");
      found.push(
        diagnostic(
          "duplicate-variable",
          "warning",
          `'${name}' is set twice in the environment of '${id}'; only the last takes effect`,
          at(index),
          { related: [{ ...at(earlier), message: "first set here" }] },
        ),
      );
    });
  }
  return found;
}
