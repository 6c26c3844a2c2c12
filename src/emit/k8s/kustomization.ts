/**
 * `kustomization.yaml`: every generated file as a resource, so `kubectl apply -k` takes the folder;
 * images built from source listed for the registry they are pushed to; and, as comments, the
 * Secrets the manifests expect — their values are never generated.
 */

import { Document, isSeq } from "yaml";
import type { Environment, Instance, Model } from "../../model/types.js";
import { emittedEnv } from "../runtime/secrets.js";
import { DOCUMENT_OPTIONS, quoteAllForYaml11 } from "../yaml-1-1.js";
import { secretKey } from "./container.js";
import { dnsLabel } from "./names.js";
import { namespaceOf } from "./placement.js";

/** A Secret an Ingress serves TLS with, where nothing in the cluster makes it. */
export interface TlsSecret {
  namespace?: string;
  name: string;
}

function secretLines(
  model: Model,
  environment: Environment,
  instances: Instance[],
  tlsSecrets: readonly TlsSecret[],
): string[] {
  const needed = new Map<string, { namespace: string | undefined; name: string; keys: Set<string> }>();
  for (const instance of instances) {
    const namespace = namespaceOf(environment, instance);
    for (const variable of emittedEnv(instance)) {
      if (variable.value.kind !== "secret") continue;
      const name = dnsLabel(variable.value.secret);
      const id = `${namespace ?? ""}/${name}`;
      const entry = needed.get(id) ?? { namespace, name, keys: new Set<string>() };
      entry.keys.add(secretKey(model, variable.value.secret, variable.value.key));
      needed.set(id, entry);
    }
  }
  if (needed.size === 0 && tlsSecrets.length === 0) return [];
  const lines = [
    "Secrets these manifests read; create them before applying (deployview never writes their values):",
  ];
  for (const [, { namespace, name, keys }] of [...needed].sort(([a], [b]) => a.localeCompare(b))) {
    const literals = [...keys].sort().map((key) => `--from-literal=${key}=…`);
    lines.push(
      `  kubectl${namespace ? ` -n ${namespace}` : ""} create secret generic ${name} ${literals.join(" ")}`,
    );
  }
  for (const { namespace, name } of tlsSecrets)
    lines.push(`  kubectl${namespace ? ` -n ${namespace}` : ""} create secret tls ${name} --cert=… --key=…`);
  return lines;
}

export function kustomization(
  model: Model,
  environment: Environment,
  instances: Instance[],
  resources: string[],
  builtImages: { name: string; context: string }[],
  tlsSecrets: readonly TlsSecret[],
  header: string,
): string {
  const body: Record<string, unknown> = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources,
  };
  if (builtImages.length > 0) body.images = builtImages.map((i) => ({ name: i.name }));
  const document = new Document(body, DOCUMENT_OPTIONS);
  quoteAllForYaml11(document);
  const comments = secretLines(model, environment, instances, tlsSecrets);
  if (comments.length > 0) document.commentBefore = comments.map((line) => ` ${line}`).join("\n");
  const images = document.get("images", true);
  if (isSeq(images)) {
    const built = builtImages.map((i) => `${i.name} from ${i.context}`).join(", ");
    images.commentBefore = ` Built from source (${built}): set newName and newTag to where the images are pushed.`;
  }
  return `${header}${document.toString({ lineWidth: 0 })}`;
}
