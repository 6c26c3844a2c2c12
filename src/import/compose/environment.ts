/**
 * A service's environment as the model's env: each variable's value, or, where the value is a
 * secret the environment supplies, the secret that carries it, so no secret reaches the model.
 */
import { FORBIDDEN_KEYS } from "../../load/forbidden-keys.js";
import type { ServiceInputType } from "../../model/schema.js";
import { keptSecret, secretNamedAfter } from "../../model/secret-like.js";
import { wholeReference } from "../../model/variable-reference.js";
import { isObject, type Json, textOf } from "../json.js";
import { prototypeNameRefusedText } from "../prototype-names.js";
import { ENV_FILE_VARIABLES } from "./read-file.js";
import type { Reading } from "./reading.js";
import { listEntry } from "./written-entries.js";

/**
 * The variable that supplies an environment value, where the value is a secret: a reference to a
 * variable that looks secret (`${DB_PASSWORD}`), or no value at all (`KEY:`, which Compose fills
 * from the variable of the same name where it runs) under a name that looks secret.
 */
function secretVariableOf(
  key: string,
  value: unknown,
  secretVariables: ReadonlySet<string>,
): string | undefined {
  if (value === null || value === undefined) return keptSecret(key) ? key : undefined;
  const variable = wholeReference(textOf(value) ?? "");
  return variable !== undefined && secretVariables.has(variable) ? variable : undefined;
}

/** The variables in either form Compose takes. */
function variablesOf(value: unknown): Json {
  if (isObject(value)) return value;
  if (!Array.isArray(value)) return {};
  return Object.fromEntries(value.map(listEntry));
}

/**
 * `secretVariables`: variables that look secret, left as written where they are used.
 * `fromEnvironment`: gets each secret the environment supplies, by name, with its variable.
 */
export function envField(
  id: string,
  raw: Json,
  reading: Reading,
  secretVariables: ReadonlySet<string>,
  fromEnvironment: Map<string, string>,
): ServiceInputType["env"] {
  const own = variablesOf(raw.environment);
  // What `environment` sets wins over the env files, in whichever file of the project each is.
  const fromFiles = isObject(raw[ENV_FILE_VARIABLES]) ? raw[ENV_FILE_VARIABLES] : {};
  const variables = { ...fromFiles, ...own };
  // Compose sets them, but no model may hold a key so named: left out, and said so where the
  // list form names one (a mapping's key so named is refused as the file is read).
  for (const key of FORBIDDEN_KEYS as ReadonlySet<string>) {
    if (Object.hasOwn(own, key))
      reading.report(
        "forbidden-key",
        prototypeNameRefusedText(key, `the variable '${key}' of '${id}'`, "variables"),
        "rename the variable, in the compose file and in the program that reads it",
        ["services", id, "environment", key],
        "warning",
      );
    delete variables[key];
  }
  if (Object.keys(variables).length === 0) return undefined;
  for (const key of Object.keys(variables))
    reading.note(
      ["services", id, "env", key],
      Object.hasOwn(own, key) ? ["services", id, "environment", key] : ["services", id, "env_file"],
    );
  return Object.fromEntries(
    Object.entries(variables).map(([key, value]) => {
      const variable = secretVariableOf(key, value, secretVariables);
      // No value (`- LOG_LEVEL`) stays none: Compose takes it from where it runs, as the model does.
      if (variable === undefined)
        return [key, value === null || value === undefined ? null : (textOf(value) ?? "")];
      const secret = secretNamedAfter(variable);
      fromEnvironment.set(secret, variable);
      return [key, { secret }];
    }),
  );
}
