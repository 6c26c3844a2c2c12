/**
 * A name the manifests give that the model keeps as a key (a variable's, an Ingress path's) and
 * cannot hold as one: `__proto__` written as a key sets the prototype of the object it is written
 * into, so the name would be lost and the object tampered with. Kubernetes takes it; such a name
 * is reported where it is written and left out, never written into an object.
 */
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";

export const isPrototypeName = (name: string): boolean => name === "__proto__";

/** `what` names what is left out ("the variable '__proto__' of 'web'"); `holders`, what keeps such names. */
export function prototypeNameRefused(
  what: string,
  holders: string,
  at: SourceRange,
  hint: string,
): Diagnostic {
  return diagnostic(
    "forbidden-key",
    "warning",
    `${what} is left out: the name __proto__ is refused for safety, as it could tamper with the objects that hold ${holders}`,
    at,
    { hint },
  );
}
