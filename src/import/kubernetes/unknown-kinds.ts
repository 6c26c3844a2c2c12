/**
 * Objects of a built-in API version whose kind it does not serve: `kind: Deploymnet` in apps/v1,
 * which the API server refuses ("no matches for kind"). A kind close to one the version serves is
 * a misspelling, an error; another may be newer than the versions deployview knows, a warning.
 * Custom resources (any other group) are their cluster's to know.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { closest } from "../../model/suggest.js";
import servedKinds from "./kinds.generated.json" with { type: "json" };
import type { ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import { isRemovedApi } from "./removed-apis.js";

const served: Readonly<Record<string, readonly string[]>> = servedKinds;

/** The kinds a built-in API version serves; undefined for a custom resource's or an unknown version. */
export function kindsServedBy(apiVersion: string): readonly string[] | undefined {
  return Object.hasOwn(served, apiVersion) ? served[apiVersion] : undefined;
}

export function unknownKindProblems(objects: readonly ManifestObject[]): Diagnostic[] {
  return objects.flatMap((object) => {
    const kinds = kindsServedBy(object.apiVersion);
    // A List is any version's way of wrapping objects.
    if (!kinds || kinds.includes(object.kind) || object.kind === "List") return [];
    const at = locateIn(object, [...object.base, "kind"], "value");
    // A kind another version serves (a Deployment written as v1): the apiVersion is what is wrong.
    const servedIn = Object.keys(served).filter(
      (version) => served[version]!.includes(object.kind) && !isRemovedApi(version, object.kind),
    );
    if (servedIn.length > 0)
      return [
        diagnostic(
          "manifest-invalid",
          "error",
          `${object.apiVersion} has no kind '${object.kind}', so the API server refuses '${object.name}': ${object.kind} is served in ${servedIn.join(", ")}`,
          locateIn(object, [...object.base, "apiVersion"], "value"),
          { hint: `write apiVersion: ${servedIn.at(-1)}` },
        ),
      ];
    const meant = closest(object.kind, kinds);
    return meant
      ? [
          diagnostic(
            "manifest-invalid",
            "error",
            `${object.apiVersion} has no kind '${object.kind}', so the API server refuses '${object.name}'; did you mean '${meant}'?`,
            at,
            { hint: `write kind: ${meant}` },
          ),
        ]
      : [
          diagnostic(
            "manifest-invalid",
            "warning",
            `${object.apiVersion} has no kind '${object.kind}' in the Kubernetes versions deployview knows: the API server may refuse '${object.name}'`,
            at,
            {
              hint: `check the kind, or the apiVersion: ${object.apiVersion} serves ${kinds.filter((k) => !k.endsWith("List")).join(", ")}`,
            },
          ),
        ];
  });
}
