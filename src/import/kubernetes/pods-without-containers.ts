/**
 * A pod with no list of containers runs nothing the model can describe: it is said where it is
 * written, and the workload is imported without an image.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { checksFields } from "./field-problems.js";
import { isObject, type ManifestObject, podSpecOf } from "./objects.js";
import { locateIn } from "./patch-origin.js";

export function podsWithoutContainers(workloads: readonly ManifestObject[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const workload of workloads) {
    const { spec, path } = podSpecOf(workload);
    const containers = spec.containers;
    if (Array.isArray(containers) && containers.some(isObject)) continue;
    // Something else than a list is a wrong type, reported with every field's where they are known.
    if (containers != null && !Array.isArray(containers) && checksFields(workload.apiVersion, workload.kind))
      continue;
    const listed = Array.isArray(containers) && containers.length > 0;
    found.push(
      diagnostic(
        "schema-wrong-type",
        "warning",
        `the pod of ${workload.kind} '${workload.name}' ${listed ? "lists no container, only null" : "has no list of containers"}; it is imported without an image`,
        locateIn(
          workload,
          [...workload.base, ...path, ...(containers === undefined ? [] : ["containers"])],
          "value",
        ),
        { hint: "containers: [{ name: …, image: … }]" },
      ),
    );
  }
  return found;
}
