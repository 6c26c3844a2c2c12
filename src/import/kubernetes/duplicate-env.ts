/**
 * A container whose env list names one variable twice: the last definition wins, so the first is
 * dead and whoever reads it is misled. Every container of the pod, the first as well: the model
 * keeps the first's variables by name, so the duplicate is only seen here.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { overriddenSecrets, repeatedNames } from "../repeated-names.js";
import { asArray, isObject, type ManifestObject, podContainers } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function duplicateEnvFindings(object: ManifestObject, service: string): Diagnostic[] {
  return podContainers(object, service).flatMap(({ container, path, who }) => {
    const names = asArray(container.env).map((variable) =>
      isObject(variable) && typeof variable.name === "string" ? variable.name : undefined,
    );
    const at = (i: number) => locateIn(object, [...path, "env", i, "name"], "value");
    const duplicates = repeatedNames(names).map(({ at: index, first }) =>
      diagnostic(
        "duplicate-variable",
        "warning",
        `'${names[index]}' is set twice in the environment of ${who}; only the last takes effect`,
        at(index),
        { related: [{ ...at(first), message: "first set here" }] },
      ),
    );
    // The model keeps the value that takes effect; one it overrides is in the file all the same.
    const values = asArray(container.env).map((variable) =>
      isObject(variable) && typeof variable.value === "string" ? variable.value : undefined,
    );
    const overridden = overriddenSecrets(names, values).map(({ index, reason }) =>
      diagnostic(
        "plaintext-secret",
        "error",
        `'${names[index]}' of ${who} ${reason} in plain text, though a later entry overrides it`,
        locateIn(object, [...path, "env", index, "value"], "value"),
      ),
    );
    return [...duplicates, ...overridden];
  });
}
