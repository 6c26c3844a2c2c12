/**
 * Kubernetes manifests for one kubernetes environment, with a kustomization so that
 * `kubectl apply -k` takes the folder. Pure: returns files, writes nothing.
 *
 * Layout: `namespaces.yaml`; one file per instance holding every object it needs (ConfigMap,
 * claims, workload, Services, autoscaler, disruption budget); one `<node>-ingress.yaml` per
 * ingress node; `kustomization.yaml` listing them all.
 */

import { basename } from "node:path";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic, hasErrors } from "../../diagnostics.js";
import type { Model } from "../../model/types.js";
import { type GeneratedFile, generatedHeader } from "../generated-file.js";
import { containerInstances } from "../runtime/platform.js";
import { unknownEnvironment } from "../unknown-environment.js";
import { ingresses, tlsSecretsToCreate } from "./ingress.js";
import { instanceObjects, type KubernetesObject } from "./instance-objects.js";
import { kustomization } from "./kustomization.js";
import { dnsLabel, systemLabels } from "./names.js";
import { objectName, usedNamespaces } from "./placement.js";
import { kubernetesPreflight } from "./preflight.js";
import { yamlText } from "./yaml-text.js";

export type { KubernetesObject } from "./instance-objects.js";

export interface KubernetesOptions {
  /** Name of the model file in the generated header (default: the model file's base name). */
  source?: string;
}

export interface KubernetesResult {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
}

/** Objects as one YAML stream, in the order given. */
export function manifestText(header: string, objects: readonly KubernetesObject[]): string {
  const documents = objects.map((object) => yamlText(object));
  return `${header}${documents.join("---\n")}`;
}

export function emitKubernetes(
  model: Model,
  environmentId: string,
  options: KubernetesOptions = {},
): KubernetesResult {
  const environment = model.environments.find((e) => e.id === environmentId);
  if (!environment) {
    return {
      files: [],
      diagnostics: [unknownEnvironment(model, environmentId)],
    };
  }
  const diagnostics = kubernetesPreflight(model, environment);
  if (hasErrors(diagnostics)) return { files: [], diagnostics };

  const header = generatedHeader("hash", options.source ?? basename(model.file));
  const files: GeneratedFile[] = [];
  const taken = new Set(["kustomization", "namespaces"]);
  const fileName = (stem: string) => {
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
    taken.add(name);
    return `${name}.yaml`;
  };

  const namespaces = usedNamespaces(environment).map(
    (name): INamespace => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: systemLabels(model) },
    }),
  );
  if (namespaces.length > 0)
    files.push({ path: "namespaces.yaml", content: manifestText(header, namespaces) });

  const instances = containerInstances(environment);
  const builtImages: { name: string; context: string }[] = [];
  for (const instance of instances) {
    let image = instance.image;
    if (!image) {
      // A build context runs nowhere in a cluster until its image is pushed; kustomize's images
      // entry is where the registry name goes.
      image = dnsLabel(instance.service.id);
      if (!builtImages.some((b) => b.name === image)) {
        builtImages.push({ name: image, context: instance.service.build?.context ?? "." });
        diagnostics.push(
          diagnostic(
            "image-from-build",
            "warning",
            `'${instance.service.id}' is built from source; the manifests call its image '${image}'`,
            instance.service.at,
            {
              hint: "give the service an image: (its registry name), or set it in kustomization.yaml",
            },
          ),
        );
      }
    }
    const made = instanceObjects(model, environment, instance, image);
    append(diagnostics, made.diagnostics);
    files.push({
      path: fileName(objectName(environment, instance)),
      content: manifestText(header, made.objects),
    });
  }

  const routed = ingresses(model, environment);
  append(diagnostics, routed.diagnostics);
  for (const { node, objects } of routed.files) {
    const stem = dnsLabel(node.id);
    files.push({
      path: fileName(stem.includes("ingress") ? stem : `${stem}-ingress`),
      content: manifestText(header, objects),
    });
  }

  const resources = files.map((f) => f.path);
  files.push({
    path: "kustomization.yaml",
    content: kustomization(
      model,
      environment,
      instances,
      resources,
      builtImages,
      tlsSecretsToCreate(routed.files.flatMap((f) => f.objects)),
      header,
    ),
  });
  return { files, diagnostics };
}
