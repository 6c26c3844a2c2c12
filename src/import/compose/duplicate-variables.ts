/**
 * A service whose list-form environment (`- NAME=value`) sets one variable twice: Compose keeps the
 * last, so the first is dead and whoever reads it is misled. The map form cannot say it twice (a
 * duplicate key is a YAML error). Looked for in each file as written, before files are merged.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { isObject } from "../json.js";
import { overriddenSecrets, repeatedNames } from "../repeated-names.js";
import type { ComposeSource } from "./to-model.js";
import { listEntry } from "./written-entries.js";

export function duplicateVariables(source: ComposeSource): Diagnostic[] {
  const services = source.value.services;
  if (!isObject(services)) return [];
  return Object.entries(services).flatMap(([id, service]) => {
    if (!isObject(service) || !Array.isArray(service.environment)) return [];
    const written: unknown[] = service.environment;
    const entries = written.map((entry) =>
      entry === null || typeof entry === "object" ? undefined : listEntry(entry),
    );
    const names = entries.map((entry) => entry?.[0]);
    const at = (i: number) => locate(source.yaml, ["services", id, "environment", i], "value");
    // An entry written twice to the letter is one Compose refuses outright, and that is said
    // (spec-walk.ts's repeated item): the warning is for a variable set twice to two values.
    const repeated = repeatedNames(names).filter(({ at: index, first }) => written[index] !== written[first]);
    const duplicates = repeated.map(({ at: index, first }) =>
      diagnostic(
        "duplicate-variable",
        "warning",
        `'${names[index]}' is set twice in the environment of '${id}'; only the last takes effect`,
        at(index),
        { related: [{ ...at(first), message: "first set here" }] },
      ),
    );
    // The model keeps the value that takes effect; one it overrides is in the file all the same.
    const values = entries.map((entry) => entry?.[1] ?? undefined);
    const overridden = overriddenSecrets(names, values).map(({ index, reason }) =>
      diagnostic(
        "plaintext-secret",
        "error",
        `'${names[index]}' of '${id}' ${reason} in plain text, though a later entry overrides it`,
        at(index),
      ),
    );
    return [...duplicates, ...overridden];
  });
}
