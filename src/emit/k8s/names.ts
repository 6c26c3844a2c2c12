/** Object names and labels: DNS-1123 names and the recommended `app.kubernetes.io/*` labels. */
import type { Instance, Model } from "../../model/types.js";

/** A DNS-1035 label: lower case, digits and dashes, starting with a letter, at most 63 characters. */
export function dnsLabel(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  // Service names must start with a letter; so, for one rule everywhere, do all names.
  if (slug === "") return "x";
  return /^[a-z]/.test(slug) ? slug : `x-${slug}`.slice(0, 63).replace(/-+$/, "");
}

/** Label values allow dots and underscores too, but no spaces; at most 63 characters. */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}

/** The labels a selector matches: stable for the life of the workload. */
export function selectorLabels(instance: Instance): Record<string, string> {
  return {
    "app.kubernetes.io/name": labelValue(instance.service.id),
    "app.kubernetes.io/instance": labelValue(instance.id),
  };
}

/** The recommended labels, for every object made for an instance. */
/** The label that carries an instance's image tag; it changes whenever the image does. */
export const VERSION_LABEL = "app.kubernetes.io/version";

export function instanceLabels(model: Model, instance: Instance): Record<string, string> {
  const labels: Record<string, string> = {
    ...selectorLabels(instance),
    "app.kubernetes.io/component": instance.service.kind,
    "app.kubernetes.io/part-of": labelValue(dnsLabel(model.system.name)),
    "app.kubernetes.io/managed-by": "deployview",
  };
  const version = imageTag(instance.image);
  if (version) labels[VERSION_LABEL] = version;
  return labels;
}

export function systemLabels(model: Model): Record<string, string> {
  return {
    "app.kubernetes.io/part-of": labelValue(dnsLabel(model.system.name)),
    "app.kubernetes.io/managed-by": "deployview",
  };
}

/** The tag of an image reference (not a digest, not `latest`), as a label value. */
function imageTag(image: string | undefined): string | undefined {
  if (!image || image.includes("@")) return undefined;
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  if (colon <= slash) return undefined;
  const tag = labelValue(image.slice(colon + 1));
  return tag === "" || tag === "latest" ? undefined : tag;
}
