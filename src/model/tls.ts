/**
 * What the model says of TLS for a node that takes traffic in: the rule that asks for it and the
 * Ingress generator that writes `tls:` must read the same words.
 */
import type { DeploymentNode, Environment } from "./types.js";

/** Whether the environment's infrastructure or the node (its technology, description, notes, properties) says `pattern`. */
export function mentions(environment: Environment, node: DeploymentNode, pattern: RegExp): boolean {
  const texts = [
    ...environment.infrastructure.flatMap((i) => [i.aspect, i.value]),
    node.technology ?? "",
    node.description ?? "",
    ...node.notes,
    ...node.properties.flatMap((p) => [p.key, p.value]),
  ];
  return texts.some((text) => pattern.test(text));
}

const TLS = /\b(tls|https|ssl)\b|certificate|cert-manager|let'?s encrypt/i;
/** A value that says there is none: `TLS: none`, `false`, `disabled (plain HTTP)`. */
const DENIAL =
  /^\s*(?:none|no|false|off|disabled?|n\/?a|-|tbd|todo|not (?:yet|set|used|enabled)|plain http)\b/i;
/** Words that deny what follows them in a sentence: "no TLS yet", "TODO: add a certificate". */
const NEGATED = /\b(?:no|without|not|todo|tbd)\b[^.;,]{0,24}?(?:\b(?:tls|https|ssl)\b|certificate)/i;

/** Whether a property's or an aspect's name is about TLS (TLS, HTTPS, Certificate), whatever its value says. */
export const namesTls = (key: string): boolean => TLS.test(key);

/**
 * TLS where the environment or the node says so: TLS, HTTPS, SSL, a certificate. Not where it says
 * there is none: an aspect named TLS whose value denies it, or a sentence that does.
 */
export function statesTls(environment: Environment, node: DeploymentNode): boolean {
  const pairs: [string, string][] = [
    ...environment.infrastructure.map((i): [string, string] => [i.aspect, i.value]),
    ...node.properties.map((p): [string, string] => [p.key, p.value]),
  ];
  const texts = [node.technology ?? "", node.description ?? "", ...node.notes];
  const affirms = (text: string) => TLS.test(text) && !NEGATED.test(text);
  return (
    pairs.some(([key, value]) =>
      namesTls(key) ? !DENIAL.test(value) && !NEGATED.test(value) : affirms(value),
    ) || texts.some(affirms)
  );
}
