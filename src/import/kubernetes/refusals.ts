/** The errors of what the API server, or later the container runtime, refuses, where it is written. */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import type { ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";

/**
 * Whether a field is set as the API server reads it: a null it drops, as if not written (Helm
 * charts render `rollingUpdate: null` to clear a default), so it clashes with nothing.
 */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A manifest-invalid error where `path` is written in the object's document. */
export function refused(
  object: ManifestObject,
  path: KeyPath,
  message: string,
  hint: string,
  prefer: "key" | "value" = "value",
): Diagnostic {
  return diagnostic("manifest-invalid", "error", message, locateIn(object, path, prefer), { hint });
}

/** A runtime-refused error: the API server takes it, and the container is never made. */
export function runtimeRefused(
  object: ManifestObject,
  path: KeyPath,
  message: string,
  hint: string,
): Diagnostic {
  return diagnostic("runtime-refused", "error", message, locateIn(object, path, "value"), { hint });
}
