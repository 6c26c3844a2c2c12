/**
 * A container's environment as the model's env: values written in the manifest or read from a
 * ConfigMap, and, for a Secret's, which Secret and key carry them: never the value.
 */
import { diagnostic, type SourceRange } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import type { ServiceInputType } from "../../model/schema.js";
import { secretLike } from "../../model/secret-like.js";
import { asText } from "../json.js";
import { isPrototypeName, prototypeNameRefused } from "../prototype-names.js";
import { asArray, asObject, isObject, type Json, type ManifestObject, objectKey } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import type { WorkloadContext } from "./workload.js";

/**
 * A variable's value from a ConfigMap: the model's variable points at it there, and one that looks
 * secret is told to move to a Secret; `read` is how the container would read it from one. The
 * finding is the ConfigMap's, the same whoever reads it, so that it is reported there once.
 */
function fromConfigMap(
  map: ManifestObject,
  key: string,
  variable: { modelPath: KeyPath; read: string },
  context: WorkloadContext,
): string {
  const value = asText(asObject(map.value.data)[key]);
  context.noteFor(map)(variable.modelPath, ["data", key], "value");
  const reason = value === "" ? undefined : secretLike(key, value);
  if (reason)
    context.findings.push(
      diagnostic(
        "plaintext-secret",
        "error",
        `'${key}' of the ConfigMap '${map.name}' ${reason} in plain text`,
        locateIn(map, [...map.base, "data", key], "value"),
        { hint: `move it to a Secret, and read it from there: ${variable.read}` },
      ),
    );
  return value;
}

/**
 * Whether the model may hold a variable of this name; one it may not is reported where `at` says,
 * the place found only then.
 */
function keepsName(name: string, who: string, at: () => SourceRange, context: WorkloadContext): boolean {
  if (!isPrototypeName(name)) return true;
  const hint = "rename the variable, in the manifest and in the program that reads it";
  context.diagnostics.push(
    prototypeNameRefused(name, `the variable '${name}' of ${who}`, "variables", at(), hint),
  );
  return false;
}

export function importEnv(
  object: ManifestObject,
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  context: WorkloadContext,
): NonNullable<ServiceInputType["env"]> {
  const env: NonNullable<ServiceInputType["env"]> = {};
  const who = `'${object.name}'`;
  const namespace = object.namespace;
  const configMap = (name: string) => context.configMaps.get(objectKey(namespace ?? "", "ConfigMap", name));
  asArray(container.envFrom).forEach((raw, index) => {
    const source = asObject(raw);
    const prefix = typeof source.prefix === "string" ? source.prefix : "";
    const mapName = asObject(source.configMapRef).name;
    const secretName = asObject(source.secretRef).name;
    // A key so named comes from a kustomize generator (YAML refuses it), or a prefix makes one.
    const sourceAt = () =>
      locateIn(object, [...containerPath, "envFrom", index, ...(prefix ? ["prefix"] : [])], "value");
    const map = typeof mapName === "string" ? configMap(mapName) : undefined;
    if (map) {
      const read = `envFrom: [{ ${prefix ? `prefix: ${prefix}, ` : ""}secretRef: { name: … } }]`;
      for (const key of Object.keys(asObject(map.value.data))) {
        const name = `${prefix}${key}`;
        if (!keepsName(name, who, sourceAt, context)) continue;
        const modelPath = [...servicePath, "env", name];
        env[name] = fromConfigMap(map, key, { modelPath, read }, context);
      }
    }
    if (typeof secretName === "string") {
      const secret = asObject(context.secrets.get(objectKey(namespace ?? "", "Secret", secretName)));
      const secretId = context.secretId(secretName, () =>
        locateIn(object, [...containerPath, "envFrom", index, "secretRef", "name"], "value"),
      );
      context.usedSecrets.add(secretId);
      // Only the keys: a secret's values never enter the model.
      for (const name of [
        ...Object.keys(asObject(secret.data)),
        ...Object.keys(asObject(secret.stringData)),
      ]) {
        if (!keepsName(`${prefix}${name}`, who, sourceAt, context)) continue;
        env[`${prefix}${name}`] = { secret: secretId, key: name };
        context.note([...servicePath, "env", `${prefix}${name}`], [...containerPath, "envFrom", index]);
      }
    }
  });
  asArray(container.env).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.name !== "string") return;
    const nameAt = () => locateIn(object, [...containerPath, "env", index, "name"], "value");
    if (!keepsName(raw.name, who, nameAt, context)) return;
    const from = asObject(raw.valueFrom);
    const secretRef = asObject(from.secretKeyRef);
    const mapRef = asObject(from.configMapKeyRef);
    if (typeof secretRef.name === "string") {
      const secretId = context.secretId(secretRef.name, () =>
        locateIn(object, [...containerPath, "env", index, "valueFrom", "secretKeyRef", "name"], "value"),
      );
      context.usedSecrets.add(secretId);
      env[raw.name] = {
        secret: secretId,
        ...(typeof secretRef.key === "string" ? { key: secretRef.key } : {}),
      };
    } else if (typeof mapRef.name === "string" && typeof mapRef.key === "string") {
      const map = configMap(mapRef.name);
      if (!map || !Object.hasOwn(asObject(map.value.data), mapRef.key)) return;
      const read = `valueFrom: { secretKeyRef: { name: …, key: ${mapRef.key} } }`;
      const modelPath = [...servicePath, "env", raw.name];
      env[raw.name] = fromConfigMap(map, mapRef.key, { modelPath, read }, context);
      return;
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
