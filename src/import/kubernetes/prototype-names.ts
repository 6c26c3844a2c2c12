/**
 * A name the manifests give that the model keeps as a key (a variable's, a port's, an Ingress
 * path's) and cannot hold as one: `__proto__` written as a key sets the prototype of the object it
 * is written into, and a model that holds `constructor` does not load again, as no YAML file may
 * hold either key. Kubernetes takes both; such a name is reported where it is written and left
 * out, never written into an object.
 */
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { FORBIDDEN_KEYS } from "../../load/forbidden-keys.js";

export const isPrototypeName = (name: string): boolean => FORBIDDEN_KEYS.has(name);

/**
 * `name` is the name refused; `what` names what is left out ("the variable '__proto__' of 'web'");
 * `holders`, what keeps such names.
 */
export function prototypeNameRefused(
  name: string,
  what: string,
  holders: string,
  at: SourceRange,
  hint: string,
): Diagnostic {
  return diagnostic(
    "forbidden-key",
    "warning",
    `${what} is left out: the name ${name} is refused for safety, as it could tamper with the objects that hold ${holders}`,
    at,
    { hint },
  );
}
