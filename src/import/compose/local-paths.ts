/**
 * The paths a compose file needs on the disk where it is run: each service's build context and
 * Dockerfile, each secret's and config's file. Compose refuses to build or start without them, and
 * a check of the file is where a missing one should be found, not the first `docker compose up`.
 */
import { statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { isObject, type Json, textOf } from "../json.js";

type At = (path: (string | number)[]) => SourceRange;

/** A context Compose fetches (a git or HTTP URL) rather than reads from the disk. */
const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^git@|^github\.com\//i;

/** Docker's names for a context's Dockerfile when the build names none. */
const DEFAULT_DOCKERFILES = ["Dockerfile", "dockerfile"];

/** What is wrong with a build, for the services it names. */
interface BuildFinding {
  message: (services: string) => string;
  path: (string | number)[];
  hint: string;
}

/** A path whose variable is not set here is chosen where the file is run. */
const unresolved = (path: string) => path.includes("$");

/** What is at a path; nothing where the system cannot say (a path through a file, a link loop). */
function kind(path: string): "file" | "folder" | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info?.isDirectory() ? "folder" : info ? "file" : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Missing paths, as warnings. A path is looked for beside the file that names it and in the
 * project's folder (where Compose reads the paths of a second `-f` file from): missing from both,
 * it is missing.
 */
export function missingLocalPaths(value: Json, folders: string[], at: At): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (message: string, path: (string | number)[], hint: string) =>
    found.push(diagnostic("missing-path", "warning", message, at(path), { hint }));
  if (isObject(value.services)) missingBuildPaths(value.services, folders, report);
  missingFiles(value, folders, report);
  return found;
}

type Report = (message: string, path: (string | number)[], hint: string) => void;

/** Whether a path is there, of the kind wanted (any kind: a secret may be a folder's files). */
const locate = (folders: string[], written: string, want: "file" | "folder" | "any") =>
  folders.some((folder) => {
    const found = kind(resolve(folder, written));
    return want === "any" ? found !== undefined : found === want;
  });

/** Build contexts that are not folders, and Dockerfiles not in their context. */
function missingBuildPaths(services: Json, folders: string[], report: Report): void {
  // Services built from one context (sentry's nineteen from ./sentry) share one finding: Compose
  // stops at the first, and the fix is one.
  const builds = new Map<string, BuildFinding & { ids: string[] }>();
  const note = (key: string, id: string, finding: BuildFinding) => {
    const known = builds.get(key);
    if (known) known.ids.push(id);
    else builds.set(key, { ...finding, ids: [id] });
  };
  for (const [id, service] of Object.entries(services)) {
    if (!isObject(service) || service.build === undefined || service.build === null) continue;
    const build = isObject(service.build) ? service.build : {};
    const written = isObject(service.build) ? (textOf(build.context) ?? ".") : textOf(service.build);
    if (!written || unresolved(written) || REMOTE.test(written)) continue;
    const contextPath = isObject(service.build) && build.context !== undefined ? ["context"] : [];
    if (!locate(folders, written, "folder")) {
      note(`context ${written}`, id, {
        message: (services) =>
          `the build context ${written} of ${services} is not a folder here, so Compose cannot build it`,
        path: ["services", id, "build", ...contextPath],
        hint: "point build at the folder that holds the service's Dockerfile",
      });
      continue;
    }
    if (build.dockerfile_inline !== undefined) continue;
    const dockerfile = textOf(build.dockerfile);
    const contexts = folders.map((folder) => resolve(folder, written));
    const present = (name: string) =>
      unresolved(name) ||
      (isAbsolute(name)
        ? kind(name) === "file"
        : contexts.some((context) => kind(resolve(context, name)) === "file"));
    if (dockerfile === undefined ? DEFAULT_DOCKERFILES.some(present) : present(dockerfile)) continue;
    const named =
      dockerfile === undefined || dockerfile === "Dockerfile" ? "no Dockerfile" : `no file ${dockerfile}`;
    note(`dockerfile ${written} ${dockerfile ?? ""}`, id, {
      message: (services) =>
        `the build context ${written} of ${services} holds ${named}, so Compose cannot build it`,
      path: ["services", id, "build", ...(dockerfile === undefined ? contextPath : ["dockerfile"])],
      hint: "name the Dockerfile with build.dockerfile, a path inside the build context",
    });
  }
  for (const { message, path, hint, ids } of builds.values())
    report(
      message(ids.length === 1 ? `'${ids[0]}'` : `'${ids[0]}' (and ${others(ids.length - 1)})`),
      path,
      hint,
    );
}

const others = (count: number) => `${count} other service${count === 1 ? "" : "s"}`;

/** Secrets' and configs' files that are not there. */
function missingFiles(value: Json, folders: string[], report: Report): void {
  for (const section of ["secrets", "configs"] as const) {
    const entries = value[section];
    if (!isObject(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      const file = isObject(entry) ? textOf(entry.file) : undefined;
      if (!file || unresolved(file) || locate(folders, file, "any")) continue;
      report(
        `the file ${file} of the ${section === "secrets" ? "secret" : "config"} '${name}' is not here, so Compose cannot start what uses it`,
        [section, name, "file"],
        section === "secrets"
          ? "create it where the stack runs (keep it out of version control), or take the secret from an environment variable"
          : "create it beside the compose file, or give the config's content inline",
      );
    }
  }
}
