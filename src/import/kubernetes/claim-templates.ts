/**
 * A StatefulSet's claim templates, by name: volumes of its pods as much as those the pod writes,
 * taking the place of a pod volume of the same name (the controller's own rule). Another kind that
 * writes volumeClaimTemplates gives its pods nothing: the field is not its own.
 */
import { asArray, asObject, isObject, type Json, type ManifestObject } from "./objects.js";

export function claimTemplatesOf(workload: ManifestObject): ReadonlyMap<string, Json> {
  const templates = new Map<string, Json>();
  if (workload.kind !== "StatefulSet") return templates;
  for (const template of asArray(asObject(workload.value.spec).volumeClaimTemplates)) {
    if (!isObject(template)) continue;
    const name = asObject(template.metadata).name;
    if (typeof name === "string" && !templates.has(name)) templates.set(name, template);
  }
  return templates;
}
