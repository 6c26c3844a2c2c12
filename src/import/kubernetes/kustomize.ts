/**
 * A kustomization folder → the objects `kustomize build` would give, for what real overlays use:
 * resources (files and folders), components, ConfigMap and Secret generators, strategic merge and
 * JSON 6902 patches, images, labels, annotations, replica counts, namespace and name prefixes.
 * Remote resources are reported, never fetched.
 */
import { existsSync, type Stats, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { append } from "../../collections.js";
import { type Diagnostic, type DiagnosticCode, diagnostic } from "../../diagnostics.js";
import { limits } from "../../load/limits.js";
import { type KeyPath, locate, parseYaml } from "../../load/yaml-file.js";
import { isInside } from "../inside.js";
import { applyGenerators } from "./generators.js";
import { applyImages } from "./kustomize-images.js";
import { applyAnnotations, applyLabels, applyReplicas } from "./kustomize-labels.js";
import { applyPatches } from "./kustomize-patches.js";
import { asArray, asObject, isObject, type ManifestObject } from "./objects.js";
import { manifestObjects, readText } from "./read-file.js";
import { renameObjects } from "./rename.js";

const kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

export function kustomizationIn(dir: string): string | undefined {
  return kustomizationNames.map((name) => join(dir, name)).find((file) => existsSync(file));
}

export interface BuildContext {
  /** Paths may not lead out of this folder (after links are followed). */
  root?: string;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /**
   * Objects read so far. Past limits.maxServices no more files are read: the run is refused, and
   * reading on (a folder of many 8 MiB files) would only fill memory until it ran out.
   */
  objectsRead?: number;
}

const isRemote = (entry: string) => /^[a-z][a-z0-9+.-]*:\/\/|^github\.com\/|\?ref=|^git@/i.test(entry);

export function readManifestFile(file: string, context: BuildContext): ManifestObject[] {
  if ((context.objectsRead ?? 0) > limits.maxServices) return [];
  const { text, diagnostic: problem } = readText(file);
  if (problem) context.diagnostics.push(problem);
  if (text === undefined) return [];
  context.sources.set(file, text);
  const read = manifestObjects(text, file);
  append(context.diagnostics, read.diagnostics);
  context.objectsRead = (context.objectsRead ?? 0) + read.objects.length;
  return read.objects;
}

/** The objects of a kustomization folder, built as `kustomize build` would. */
export function buildKustomization(
  dir: string,
  context: BuildContext,
  stack: string[] = [],
): ManifestObject[] {
  return build(resolve(dir), context, stack, []);
}

type Problem = [code: DiagnosticCode, severity: "error" | "info", message: string];

/**
 * Where an entry of resources, bases or components leads: a manifest file, or a folder with a
 * kustomization to build; or nowhere, which `report` is told (a remote entry, one outside the
 * repository, missing, a folder without a kustomization, one nested too deep or in a cycle).
 */
function resourceTarget(
  entry: string,
  from: { dir: string; stack: readonly string[]; root: string | undefined },
  report: (...problem: Problem) => void,
): { kind: "file" | "kustomization"; path: string } | undefined {
  if (isRemote(entry)) {
    report("kustomize-remote-resource", "info", `'${entry}' is remote; deployview does not fetch it`);
    return undefined;
  }
  const target = resolve(from.dir, entry);
  if (from.root && isInside(from.root, target) === false) {
    report("kustomize-missing-resource", "error", `'${entry}' leads out of the repository`);
    return undefined;
  }
  let info: Stats;
  try {
    info = statSync(target);
  } catch {
    report("kustomize-missing-resource", "error", `'${entry}' does not exist`);
    return undefined;
  }
  if (info.isFile()) return { kind: "file", path: target };
  if (!info.isDirectory()) {
    report("kustomize-missing-resource", "error", `'${entry}' is not a file`);
    return undefined;
  }
  if (!kustomizationIn(target)) {
    report("kustomize-missing-resource", "error", `'${entry}' is a folder without a kustomization`);
    return undefined;
  }
  // Followed by recursion: a hostile chain of thousands of folders would overflow the stack.
  if (from.stack.length >= limits.maxDepth) {
    report(
      "kustomize-too-deep",
      "error",
      `'${entry}' nests kustomizations more than ${limits.maxDepth} deep, further than deployview follows`,
    );
    return undefined;
  }
  if (from.stack.includes(target) || target === from.dir) {
    report("kustomize-cycle", "error", `'${entry}' includes a kustomization that includes this one`);
    return undefined;
  }
  return { kind: "kustomization", path: target };
}

/**
 * How a kustomization is reached from another: as a component or as a resource. kustomize holds
 * each to its kind (a component's is Component, a resource's is not) and refuses the build where it
 * is not; deployview builds it all the same, and `wrongKind` hears of the kind written.
 */
interface Inclusion {
  component: boolean;
  wrongKind: (kind: string) => void;
}

function build(
  dir: string,
  context: BuildContext,
  stack: string[],
  inherited: ManifestObject[],
  inclusion?: Inclusion,
): ManifestObject[] {
  const file = kustomizationIn(dir)!;
  const { text, diagnostic: problem } = readText(file);
  if (problem) context.diagnostics.push(problem);
  if (text === undefined) return inherited;
  context.sources.set(file, text);
  const parsed = parseYaml(text, file);
  append(context.diagnostics, parsed.diagnostics);
  const yaml = parsed.documents[0];
  if (!yaml || !isObject(yaml.value)) return inherited;
  const k = yaml.value;
  const kind = typeof k.kind === "string" ? k.kind : "Kustomization";
  if (inclusion && inclusion.component !== (kind === "Component")) inclusion.wrongKind(kind);
  const at = (path: KeyPath) => locate(yaml, path, "value");
  const report = (
    code: DiagnosticCode,
    severity: "error" | "warning" | "info",
    message: string,
    path: KeyPath,
  ) => {
    context.diagnostics.push(diagnostic(code, severity, message, at(path)));
  };

  let objects = [...inherited];
  // Resources first, then components over everything so far, then this folder's own patches.
  for (const key of ["resources", "bases", "components"]) {
    asArray(k[key]).forEach((entry, i) => {
      if (typeof entry !== "string") return;
      const target = resourceTarget(entry, { dir, stack, root: context.root }, (...problem) =>
        report(...problem, [key, i]),
      );
      if (target?.kind === "file" && key === "components")
        report(
          "kustomize-invalid-field",
          "error",
          `'${entry}' is a file; a component is a folder whose kustomization is of kind Component`,
          [key, i],
        );
      else if (target?.kind === "file") append(objects, readManifestFile(target.path, context));
      if (target?.kind !== "kustomization") return;
      const component = key === "components";
      const inclusion: Inclusion = {
        component,
        wrongKind: (kind) =>
          report(
            "kustomize-invalid-field",
            "error",
            component
              ? `'${entry}' is a kustomization of kind ${kind}; a component's is of kind Component`
              : `'${entry}' is a Component, which kustomize adds under components, not ${key}`,
            [key, i],
          ),
      };
      if (component) objects = build(target.path, context, [...stack, dir], objects, inclusion);
      else append(objects, build(target.path, context, [...stack, dir], [], inclusion));
    });
  }

  objects = applyGenerators(k, objects, {
    dir,
    ...(context.root ? { root: context.root } : {}),
    yaml,
    ...(typeof k.namespace === "string" ? { namespace: k.namespace } : {}),
    sources: context.sources,
    missing: (message, path) => report("kustomize-missing-resource", "error", message, path),
    unmatched: (message, path) => report("kustomize-patch-unmatched", "warning", message, path),
  });

  objects = applyPatches(k, objects, {
    dir,
    file,
    yaml,
    sources: context.sources,
    diagnostics: context.diagnostics,
    report,
  });

  const matched = new Set<number>();
  objects = objects.map((o) => applyImages(o, asArray(k.images), yaml, matched));
  // kustomize builds on where an entry names no image that is there, and the image stays as it was
  // written; images a Helm chart renders are not read here, so nothing is said of them.
  if (k.helmCharts === undefined)
    asArray(k.images).forEach((entry, i) => {
      if (isObject(entry) && typeof entry.name === "string" && !matched.has(i))
        report(
          "kustomize-patch-unmatched",
          "warning",
          `no container here runs the image '${entry.name}', so this entry changes nothing`,
          ["images", i, "name"],
        );
    });
  objects = applyLabels(yaml, objects);
  objects = applyAnnotations(k, objects);
  objects = applyReplicas(yaml, objects, {
    unmatched: (name, i) =>
      report(
        "kustomize-patch-unmatched",
        "error",
        `no Deployment, StatefulSet, ReplicaSet or ReplicationController '${name}' to scale, so kustomize refuses to build`,
        ["replicas", i, "name"],
      ),
    invalid: (message, path) => report("kustomize-invalid-field", "error", message, path),
  });
  // kustomize reads each as one name and refuses to build where one is not text.
  for (const key of ["namespace", "namePrefix", "nameSuffix"]) {
    const written = k[key];
    if (written === undefined || written === null || typeof written === "string") continue;
    const kind = Array.isArray(written)
      ? "a list"
      : isObject(written)
        ? "a mapping"
        : `the ${typeof written} ${written}`;
    report("kustomize-invalid-field", "error", `${key} is ${kind}; kustomize takes one name`, [key]);
  }
  if (typeof k.namespace === "string") {
    const namespace = k.namespace;
    objects = objects.map((o) =>
      o.kind === "Namespace"
        ? o
        : { ...o, namespace, value: { ...o.value, metadata: { ...asObject(o.value.metadata), namespace } } },
    );
  }
  const prefix = typeof k.namePrefix === "string" ? k.namePrefix : "";
  const suffix = typeof k.nameSuffix === "string" ? k.nameSuffix : "";
  if (prefix || suffix) objects = renameObjects(objects, prefix, suffix, yaml);
  for (const key of ["helmCharts", "generators", "transformers", "replacements", "vars"]) {
    if (k[key] !== undefined) report("kustomize-unsupported", "info", `'${key}' is not applied`, [key]);
  }
  return objects;
}
