/** How generated configuration refers to secrets: by variable name, never by value. */
import type { Model } from "../../model/types.js";

/** The variable that carries a secret: declared `env`, else the secret's id in upper snake case. */
export function secretVariable(model: Model, secret: string): string {
  return model.secrets.find((s) => s.id === secret)?.env ?? secret.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}
