/**
 * kustomize's `images`: a container image named `name` gets newName, newTag or digest. kustomize
 * finds images by where they are written, not by kind: in every list of containers or init
 * containers, at any depth, of any object but a CustomResourceDefinition (whose schema describes
 * containers rather than runs them). So a custom resource's images are set as a Deployment's are,
 * whatever it names its kind.
 */
import { limits } from "../../load/limits.js";
import type { KeyPath, YamlFile } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import { asArray, isObject, type Json, type ManifestObject } from "./objects.js";
import type { FieldSet, PatchLayer } from "./patch-origin.js";

const containerLists = new Set(["containers", "initContainers"]);

interface Container {
  container: Json;
  /** Where its image is, from the object's root. */
  path: KeyPath;
}

/**
 * Each container of `value`, at any depth a document may nest to: patches can nest an object deeper
 * than any one document does, and the search stops there rather than the run. `path` is where
 * `value` is, and is given back as it came.
 */
function containersIn(value: unknown, path: KeyPath, found: Container[]): void {
  if (path.length > limits.maxDepth) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      path.push(index);
      containersIn(item, path, found);
      path.pop();
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [key, field] of Object.entries(value)) {
    path.push(key);
    containersIn(field, path, found);
    if (containerLists.has(key))
      asArray(field).forEach((container, index) => {
        if (isObject(container)) found.push({ container, path: [...path, index, "image"] });
      });
    path.pop();
  }
}

/** The image `rule` makes of the image written as name, tag and digest, whose name it matched. */
function newImage(rule: Json, name: string, tag: string | undefined, digest: string | undefined): string {
  const newName = typeof rule.newName === "string" ? rule.newName : name;
  // An empty newTag or digest is none, as kustomize reads it (`newTag: ""` keeps the tag written).
  const newTag =
    rule.newTag !== undefined && rule.newTag !== null ? asText(rule.newTag) || undefined : undefined;
  const newDigest = typeof rule.digest === "string" && rule.digest !== "" ? rule.digest : undefined;
  // A new tag or digest replaces both the tag and the digest written; with neither, both stay.
  const [keptTag, keptDigest] =
    newTag === undefined && newDigest === undefined ? [tag, digest] : [newTag, newDigest];
  return `${newName}${keptTag ? `:${keptTag}` : ""}${keptDigest ? `@${keptDigest}` : ""}`;
}

/** The field an entry sets an image by, where findings about the image point. */
function settingOf(rule: Json): "newTag" | "digest" | "newName" {
  if (rule.newTag !== undefined && rule.newTag !== null && asText(rule.newTag) !== "") return "newTag";
  return typeof rule.digest === "string" && rule.digest !== "" ? "digest" : "newName";
}

/**
 * The object with the images `images` set. Each image set is a layer of the object, written at the
 * entry that set it (its newTag, digest or newName), where findings about the image point. The
 * entries that set an image are added to `matched`.
 */
export function applyImages(
  object: ManifestObject,
  images: unknown[],
  kustomization: YamlFile,
  matched?: Set<number>,
): ManifestObject {
  if (images.length === 0 || object.kind === "CustomResourceDefinition") return object;
  const found: Container[] = [];
  containersIn(object.value, [], found);
  const sets: { path: KeyPath; image: string; layer?: PatchLayer }[] = [];
  for (const { container, path } of found) {
    if (typeof container.image !== "string") continue;
    const [, name = "", tag, digest] = /^(.*?)(?::([^:/@]+))?(?:@(.*))?$/.exec(container.image) ?? [];
    const entry = images.findIndex((i) => isObject(i) && i.name === name);
    const rule = images[entry];
    if (!isObject(rule)) continue;
    matched?.add(entry);
    const image = newImage(rule, name, tag, digest);
    const setting = settingOf(rule);
    const set: FieldSet = { path, value: image };
    sets.push({
      path,
      image,
      ...(rule[setting] === undefined
        ? {}
        : { layer: { form: "field", patch: set, yaml: kustomization, at: ["images", entry, setting] } }),
    });
  }
  if (sets.length === 0) return object;
  // Copied only along the paths to the images set: the rest is shared with the object as it was.
  const value: Json = { ...object.value };
  const copies = new Set<unknown>([value]);
  for (const { path, image } of sets) {
    let at = value as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      let inner = at[key];
      if (!copies.has(inner)) {
        inner = Array.isArray(inner) ? [...inner] : { ...(inner as Json) };
        copies.add(inner);
        at[key] = inner;
      }
      at = inner as Record<string | number, unknown>;
    }
    at.image = image;
  }
  const layers = sets.flatMap((s) => (s.layer ? [s.layer] : []));
  return { ...object, value, patches: [...(object.patches ?? []), ...layers] };
}
