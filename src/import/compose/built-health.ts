/**
 * Whether what a compose service builds runs a health check of its own: the HEALTHCHECK of the
 * stage its Dockerfile builds, which Compose runs where the service sets none, as init reads it.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { limits } from "../../load/limits.js";
import { isObject, textOf } from "../json.js";
import { readDockerfile } from "../source/dockerfile.js";
import { buildOf, DEFAULT_DOCKERFILES } from "./local-paths.js";

/** The Dockerfile's text, where it is a file here within the limits. */
function dockerfileText(path: string): string | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size > limits.maxFileBytes) return undefined;
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Whether a service's build runs a health check, by the services of one project: services built
 * alike (sentry's nineteen from one context) read and parse their Dockerfile once.
 */
export function builtHealthChecks(): (build: unknown, folder: string) => boolean {
  const known = new Map<string, boolean>();
  return (build, folder) => {
    const target = isObject(build) ? textOf(build.target) : undefined;
    const inline = isObject(build) ? textOf(build.dockerfile_inline) : undefined;
    if (inline !== undefined) return readDockerfile(inline, target).healthcheck !== undefined;
    // Where the path is not there (a variable left in, a remote context), it is not read.
    const written = buildOf(build);
    if (!written || written.dockerfile?.includes("$")) return false;
    const context = resolve(folder, written.context);
    const names = written.dockerfile === undefined ? DEFAULT_DOCKERFILES : [written.dockerfile];
    const key = JSON.stringify([context, names, target]);
    let found = known.get(key);
    if (found === undefined) {
      const text = names.map((name) => dockerfileText(resolve(context, name))).find((t) => t !== undefined);
      found = text !== undefined && readDockerfile(text, target).healthcheck !== undefined;
      known.set(key, found);
    }
    return found;
  };
}
