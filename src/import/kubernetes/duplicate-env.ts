/**
 * A container whose env list names one variable twice: the last definition wins, so the first is
 * dead and whoever reads it is misled. Every container of the pod, the first as well: the model
 * keeps the first's variables by name, so the duplicate is only seen here.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { asArray, isObject, type ManifestObject, podContainers } from "./objects.js";

export function duplicateEnvFindings(object: ManifestObject, service: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { container, path, who } of podContainers(object, service)) {
    const first = new Map<string, number>();
    asArray(container.env).forEach((variable, index) => {
      if (!isObject(variable) || typeof variable.name !== "string") return;
      const earlier = first.get(variable.name);
      if (earlier === undefined) {
        first.set(variable.name, index);
        return;
      }
      const at = (i: number) => locate(object.yaml, [...path, "env", i, "name"], "value");
      found.push(
        diagnostic(
          "duplicate-variable",
          "warning",
          `'${variable.name}' is set twice in the environment of ${who}; only the last takes effect`,
          at(index),
          { related: [{ ...at(earlier), message: "first set here" }] },
        ),
      );
    });
  }
  return found;
}
