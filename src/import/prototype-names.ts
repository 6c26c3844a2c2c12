/**
 * A name the manifests or a compose file give that the model keeps as a key (a variable's, a
 * port's, an Ingress path's) and cannot hold as one: `__proto__` written as a key sets the
 * prototype of the object it is written into, and a model that holds `constructor` does not load
 * again, as no YAML file may hold either key. Kubernetes takes both, and so does Compose where no
 * key is written (`environment: [constructor=1]`); such a name is reported where it is written and
 * left out, never written into an object; a port, a volume, a Secret or a workload, which the
 * model cannot do without, is kept under another name, and reported where it is written as so
 * renamed.
 */
import { type Diagnostic, diagnostic, type SourceRange } from "../diagnostics.js";
import { mayBeKey } from "./model-ids.js";

export const isPrototypeName = (name: string): boolean => !mayBeKey(name);

/** Why such a name is not kept as it is: `holders`, what keeps such names. */
const refusedBecause = (name: string, holders: string): string =>
  `the name ${name} is refused for safety, as it could tamper with the objects that hold ${holders}`;

/**
 * What is said of a name left out: `name` is the name refused; `what` names what is left out
 * ("the variable '__proto__' of 'web'"); `holders`, what keeps such names.
 */
export const prototypeNameRefusedText = (name: string, what: string, holders: string): string =>
  `${what} is left out: ${refusedBecause(name, holders)}`;

/** A name left out (see prototypeNameRefusedText), reported at `at`. */
export function prototypeNameRefused(
  name: string,
  what: string,
  holders: string,
  at: SourceRange,
  hint: string,
): Diagnostic {
  return diagnostic("forbidden-key", "warning", prototypeNameRefusedText(name, what, holders), at, { hint });
}

/**
 * What the model holds under another name than `name`, which it may not hold: `what` names it
 * ("the port 'constructor' of Service 'web'"), `id` is the model's name for it, and `holders` what
 * keeps such names.
 */
export function prototypeNameRenamed(
  name: string,
  what: string,
  id: string,
  holders: string,
  at: SourceRange,
  hint: string,
): Diagnostic {
  return diagnostic(
    "forbidden-key",
    "warning",
    `${what} is '${id}' in the model: ${refusedBecause(name, holders)}`,
    at,
    { hint },
  );
}

/** A port so renamed (see prototypeNameRenamed). */
export const prototypePortRenamed = (name: string, what: string, id: string, at: SourceRange): Diagnostic =>
  prototypeNameRenamed(
    name,
    what,
    id,
    "ports",
    at,
    "rename the port, here and wherever a probe or a Service names it",
  );
