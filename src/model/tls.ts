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

/** TLS where the environment or the node says so: TLS, HTTPS, SSL, a certificate. */
export function statesTls(environment: Environment, node: DeploymentNode): boolean {
  return mentions(environment, node, /\b(tls|https|ssl)\b|certificate|cert-manager|let'?s encrypt/i);
}
