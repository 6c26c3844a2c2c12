/**
 * Whether what a compose service builds runs a health check of its own: the HEALTHCHECK of the
 * stage its Dockerfile builds, which Compose runs where the service sets none, as init reads it.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { limits } from "../../load/limits.js";
import { isObject, textOf } from "../json.js";
import { readDockerfile } from "../source/dockerfile.js";
import { REMOTE_CONTEXT } from "./local-paths.js";

/** The Dockerfile's text, where it is a file here within the limits; a path with a variable left in is chosen elsewhere. */
function dockerfileText(path: string): string | undefined {
  if (path.includes("$")) return undefined;
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size > limits.maxFileBytes) return undefined;
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The Dockerfile a build reads, inline or from its context; relative paths are read from `folder`. */
function dockerfileOf(build: unknown, folder: string): string | undefined {
  if (!isObject(build)) {
    const context = textOf(build);
    return context && !REMOTE_CONTEXT.test(context)
      ? dockerfileText(resolve(folder, context, "Dockerfile"))
      : undefined;
  }
  const inline = textOf(build.dockerfile_inline);
  if (inline !== undefined) return inline;
  const context = textOf(build.context) ?? ".";
  if (REMOTE_CONTEXT.test(context)) return undefined;
  return dockerfileText(resolve(folder, context, textOf(build.dockerfile) ?? "Dockerfile"));
}

export function buildsHealthCheck(build: unknown, folder: string): boolean {
  const text = build === undefined || build === null ? undefined : dockerfileOf(build, folder);
  if (text === undefined) return false;
  const target = isObject(build) ? textOf(build.target) : undefined;
  return readDockerfile(text, target).healthcheck !== undefined;
}
