/**
 * A container's environment as the model's env: values written in the manifest or read from a
 * ConfigMap, and, for a Secret's, which Secret and key carry them: never the value.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import type { ServiceInputType } from "../../model/schema.js";
import { asText } from "../json.js";
import { asArray, asObject, isObject, type Json, type ManifestObject, objectKey } from "./objects.js";
import type { WorkloadContext } from "./workload.js";

export function importEnv(
  object: ManifestObject,
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  context: WorkloadContext,
): NonNullable<ServiceInputType["env"]> {
  const env: NonNullable<ServiceInputType["env"]> = {};
  const namespace = object.namespace;
  asArray(container.envFrom).forEach((raw, index) => {
    const source = asObject(raw);
    const prefix = typeof source.prefix === "string" ? source.prefix : "";
    const mapName = asObject(source.configMapRef).name;
    const secretName = asObject(source.secretRef).name;
    if (typeof mapName === "string") {
      const data = asObject(
        asObject(context.configMaps.get(objectKey(namespace ?? "", "ConfigMap", mapName))).data,
      );
      for (const [name, value] of Object.entries(data)) {
        env[`${prefix}${name}`] = asText(value);
        context.note([...servicePath, "env", `${prefix}${name}`], [...containerPath, "envFrom", index]);
      }
    }
    if (typeof secretName === "string") {
      const secret = asObject(context.secrets.get(objectKey(namespace ?? "", "Secret", secretName)));
      context.usedSecrets.add(secretName);
      // Only the keys: a secret's values never enter the model.
      for (const name of [
        ...Object.keys(asObject(secret.data)),
        ...Object.keys(asObject(secret.stringData)),
      ]) {
        env[`${prefix}${name}`] = { secret: secretName, key: name };
        context.note([...servicePath, "env", `${prefix}${name}`], [...containerPath, "envFrom", index]);
      }
    }
  });
  asArray(container.env).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.name !== "string") return;
    const from = asObject(raw.valueFrom);
    const secretRef = asObject(from.secretKeyRef);
    const mapRef = asObject(from.configMapKeyRef);
    if (typeof secretRef.name === "string") {
      context.usedSecrets.add(secretRef.name);
      env[raw.name] = {
        secret: secretRef.name,
        ...(typeof secretRef.key === "string" ? { key: secretRef.key } : {}),
      };
    } else if (typeof mapRef.name === "string" && typeof mapRef.key === "string") {
      const value = asObject(
        asObject(context.configMaps.get(objectKey(namespace ?? "", "ConfigMap", mapRef.name))).data,
      )[mapRef.key];
      if (value === undefined) return;
      env[raw.name] = asText(value);
    } else if (raw.value !== undefined && raw.value !== null) {
      env[raw.name] = asText(raw.value);
      // What is said of a value written here points at the value, not at the word value: before it.
      context.note([...servicePath, "env", raw.name], [...containerPath, "env", index, "value"], "value");
      return;
    } else if (raw.valueFrom === undefined) {
      env[raw.name] = "";
    } else {
      // The downward API (pod name, IP, limits) has no counterpart in the model.
      return;
    }
    context.note([...servicePath, "env", raw.name], [...containerPath, "env", index, "value"]);
  });
  return env;
}
