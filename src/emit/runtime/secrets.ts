/** How generated configuration refers to secrets: by variable name, never by value. */
import { referencesSecret, secretLike, secretNamedAfter } from "../../model/secret-like.js";
import type { EnvVar, Instance, Model } from "../../model/types.js";

/** The variable that carries a secret: declared `env`, else the secret's id in upper snake case. */
export function secretVariable(model: Model, secret: string): string {
  return model.secrets.find((s) => s.id === secret)?.env ?? secret.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}

/** Whether a plain value must not be written into a generated file: it looks secret, or is made with a secret. */
export function keptOutOfFiles(name: string, value: string): boolean {
  return value !== "" && (secretLike(name, value) !== undefined || referencesSecret(value));
}

/**
 * The variables generated configuration carries for an instance. A plain value that looks like a
 * secret (the `plaintext-secret` rule reports it), or that is made with one (`${DB_PASSWORD}` in a
 * URL, as an imported compose file leaves it), is written as a reference to a secret named after
 * the variable, so its value never reaches a generated file and is supplied whole where it runs.
 */
export function emittedEnv(instance: Instance): EnvVar[] {
  return instance.env.map((variable) =>
    variable.value.kind === "plain" && keptOutOfFiles(variable.name, variable.value.value)
      ? {
          ...variable,
          value: { kind: "secret", secret: secretNamedAfter(variable.name) },
        }
      : variable,
  );
}
