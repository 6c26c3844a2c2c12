/**
 * Objects defined twice among the manifests checked together. kubectl applies the later over the
 * earlier; kustomize refuses to build a kustomization that gathers both.
 */
import { basename } from "node:path";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { ManifestObject } from "./objects.js";
import { nameKey } from "./objects.js";
import { locateIn } from "./patch-origin.js";

const nameAt = (object: ManifestObject) =>
  locateIn(object, [...object.base, "metadata", nameKey(object)], "value");

/** One finding for each object defined again, or one for a file that defines several again that another file defines. */
export function duplicateFindings(
  list: { object: ManifestObject; earlier: ManifestObject }[],
  kustomization: boolean,
): Diagnostic[] {
  const { object: first, earlier: firstEarlier } = list[0]!;
  const later = basename(first.yaml.file);
  const elsewhere = first.yaml.file !== firstEarlier.yaml.file;
  // Named by the finding's place: a name of the file here would be wrong from any other folder.
  const hint = elsewhere
    ? "if the files are alternatives rather than one set, check each on its own (deployview check <file>)"
    : undefined;
  if (kustomization || !elsewhere || list.length === 1)
    return list.map(({ object, earlier }) =>
      diagnostic(
        "manifest-duplicate-object",
        kustomization ? "error" : "warning",
        kustomization
          ? `${object.kind} '${object.name}' is defined twice, which kustomize refuses to build (an already registered id)`
          : `${object.kind} '${object.name}' is defined twice; the later definition is used`,
        nameAt(object),
        {
          ...(hint && !kustomization ? { hint } : {}),
          related: [{ ...nameAt(earlier), message: "first defined here" }],
        },
      ),
    );
  // The first few name the files' shared part; the others are in the files.
  const named = list.slice(0, 4).map(({ object }) => `${object.kind} '${object.name}'`);
  if (list.length > 4) named.push(`${list.length - 4} more`);
  return [
    diagnostic(
      "manifest-duplicate-object",
      "warning",
      `${later} defines ${list.length} objects again that ${basename(firstEarlier.yaml.file)} defines (${named.join(", ")}); the later definitions are used`,
      nameAt(first),
      { hint, related: [{ ...nameAt(firstEarlier), message: "first defined here" }] },
    ),
  ];
}
