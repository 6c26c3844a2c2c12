/** One manifest file → its Kubernetes objects, each with the document it came from. */
import { closeSync, openSync, readSync } from "node:fs";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { readTextFile } from "../../load/text-file.js";
import { locate, parseYaml, type YamlFile } from "../../load/yaml-file.js";
import { isObject, type Json, type ManifestObject } from "./objects.js";

export interface ReadText {
  text?: string;
  diagnostic?: Diagnostic;
}

export function readText(file: string): ReadText {
  const read = readTextFile(file, {
    missing: "check the path",
    notFile: "name a manifest file or a folder of them",
  });
  return typeof read === "string" ? { text: read } : { diagnostic: read };
}

/** A mapping's key as YAML and JSON write it: bare, "double-quoted" or 'single-quoted', then its colon. */
export const keyPattern = (key: string) => `(?:${key}|"${key}"|'${key}')[ \\t]*:`;

/** A key at a line's start (`prefix` before it), with a value after it. */
const atLineStart = (key: string, prefix = "") => new RegExp(`^${prefix}${keyPattern(key)}\\s*\\S`, "m");

/** A key anywhere a flow mapping or JSON object has one: after its brace, a comma or a space. */
const inFlow = (key: string) => new RegExp(`(?:^|[{,\\s])${keyPattern(key)}\\s*\\S`);

const manifestKeys = {
  flow: [inFlow("apiVersion"), inFlow("kind")],
  listed: [atLineStart("apiVersion", "-\\s+"), atLineStart("kind", "\\s+")],
  top: [atLineStart("apiVersion"), atLineStart("kind")],
};
const composeServices = new RegExp(`^${keyPattern("services")}`, "m");

/** Whether YAML text holds Kubernetes objects: its lines say apiVersion and kind, and no compose services. */
export function isManifestText(text: string): boolean {
  const has = (patterns: RegExp[]) => patterns.every((pattern) => pattern.test(text));
  // A flow mapping, JSON included: kubectl reads manifests written as JSON, "apiVersion": "apps/v1".
  if (/^\s*[{[]/.test(text)) return has(manifestKeys.flow);
  // A list of objects at the top (- apiVersion: …) is no manifest kubectl takes, but is meant for one:
  // read, to say so where it is.
  if (has(manifestKeys.listed)) return true;
  return has(manifestKeys.top) && !composeServices.test(text);
}

/** The names manifest files go by: YAML, or JSON as kubectl takes it too. */
export const MANIFEST_FILE = /\.(?:ya?ml|json)$/i;

/**
 * Whether a YAML (or JSON) file holds Kubernetes objects: its start says apiVersion and kind. The
 * start is 16 KiB, past the longest licence header a manifest carries.
 */
export function looksLikeManifest(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(16 * 1024);
    return isManifestText(buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether an object is kustomize's own file, read by kustomize and never applied: a Kustomization or
 * Component of its group. A custom resource of another group by either name (Dapr's Component,
 * Flux's Kustomization) is an object like any other.
 */
function isKustomizeFile(item: Json): boolean {
  return (
    (item.kind === "Kustomization" || item.kind === "Component") &&
    typeof item.apiVersion === "string" &&
    item.apiVersion.startsWith("kustomize.config.k8s.io/")
  );
}

/**
 * The objects a list wraps, as kubectl unwraps them: a `kind: List`, or a typed one (ConfigMapList,
 * RoleBindingList), whose items may leave out the kind and apiVersion the list's name implies.
 * Undefined where the value is no list.
 */
function listItems(value: unknown): { item: unknown; path: (string | number)[] }[] | undefined {
  if (!isObject(value) || typeof value.kind !== "string" || !value.kind.endsWith("List")) return undefined;
  if (!Array.isArray(value.items)) return undefined;
  const kind = value.kind.slice(0, -"List".length);
  return value.items.map((item, index) => ({
    item:
      kind !== "" && isObject(item) && item.kind === undefined && item.apiVersion === undefined
        ? { apiVersion: value.apiVersion, kind, ...item }
        : item,
    path: ["items", index],
  }));
}

/** Parses manifest text; documents that are empty, lists or kustomizations are not objects. */
export function manifestObjects(
  text: string,
  file: string,
): { objects: ManifestObject[]; documents: YamlFile[]; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(text, file, { multiDocument: true });
  const diagnostics = [...parsed.diagnostics];
  const objects: ManifestObject[] = [];
  for (const yaml of parsed.documents) {
    const value = yaml.value;
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.some((item) => isObject(item) && typeof item.kind === "string")) {
      diagnostics.push(
        diagnostic(
          "manifest-invalid",
          "error",
          "this document is a list of objects, which kubectl does not take as one",
          locate(yaml, [], "value"),
          {
            hint: "write each object as a document of its own (separated by ---), or wrap them: kind: List, items: […]",
          },
        ),
      );
      continue;
    }
    const items = listItems(value) ?? [{ item: value, path: [] as (string | number)[] }];
    for (const { item, path } of items) {
      // A kind without its apiVersion is an object written wrong, which kubectl refuses, rather
      // than a document of something else kept beside the manifests.
      if (isObject(item) && typeof item.kind === "string" && item.apiVersion === undefined) {
        diagnostics.push(
          diagnostic(
            "manifest-invalid",
            "error",
            `this ${item.kind} has no apiVersion, which kubectl and the API server refuse`,
            locate(yaml, [...path, "kind"], "key"),
            { hint: "add the apiVersion its kind is served in (apps/v1 for a Deployment, v1 for a Service)" },
          ),
        );
        continue;
      }
      if (!isObject(item) || typeof item.kind !== "string" || typeof item.apiVersion !== "string") {
        diagnostics.push(
          diagnostic(
            "manifest-not-object",
            "warning",
            "this document is not a Kubernetes object (it needs apiVersion and kind)",
            locate(yaml, path, "value"),
          ),
        );
        continue;
      }
      if (isKustomizeFile(item)) continue;
      const metadata = isObject(item.metadata) ? item.metadata : {};
      // Hooks and `kubectl create` leave naming to the API server, which adds a suffix to the prefix.
      const generated =
        (typeof metadata.name !== "string" || metadata.name === "") &&
        typeof metadata.generateName === "string" &&
        metadata.generateName !== "";
      const name = generated ? (metadata.generateName as string) : metadata.name;
      if (typeof name !== "string" || name === "") {
        diagnostics.push(
          diagnostic(
            "manifest-not-object",
            "warning",
            `this ${item.kind} has no metadata.name`,
            locate(yaml, [...path, "kind"], "value"),
          ),
        );
        continue;
      }
      objects.push({
        kind: item.kind,
        apiVersion: item.apiVersion,
        name,
        ...(generated ? { generated: true as const } : {}),
        ...(typeof metadata.namespace === "string" ? { namespace: metadata.namespace } : {}),
        value: item,
        yaml,
        base: path,
      });
    }
  }
  return { objects, documents: parsed.documents, diagnostics };
}
