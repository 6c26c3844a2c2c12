/**
 * The paths a compose file needs on the disk where it is run: each service's build context and
 * Dockerfile, the project files it mounts, each secret's and config's file. Compose refuses to build or start without them, and
 * a check of the file is where a missing one should be found, not the first `docker compose up`.
 */
import { basename, resolve } from "node:path";
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { pathKind } from "../../load/path-kind.js";
import { isObject, type Json } from "../json.js";
import { envFileExample } from "./env-file-example.js";
import { parseShortVolume } from "./short-volume.js";
import { readsFalse, readsTrue } from "./spec-walk.js";

type At = (path: (string | number)[]) => SourceRange;

/** A context Compose fetches (a git or HTTP URL) rather than reads from the disk. */
const REMOTE_CONTEXT = /^[a-z][a-z0-9+.-]*:\/\/|^git@|^github\.com\//i;

/** Docker's names for a context's Dockerfile when the build names none. */
export const DEFAULT_DOCKERFILES = ["Dockerfile", "dockerfile"];

/** A path whose variable is not set here is chosen where the file is run. */
const unresolved = (path: string) => path.includes("$");

/** Missing paths, as warnings; relative ones are read from `folder` (see readComposeFile). */
export function missingLocalPaths(value: Json, folder: string, at: At): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (message: string, path: (string | number)[], hint: string) =>
    found.push(diagnostic("missing-path", "warning", message, at(path), { hint }));
  if (isObject(value.services)) {
    missingBuildPaths(value.services, folder, report);
    missingBindSources(value.services, folder, report);
  }
  missingFiles(value, folder, report);
  return found;
}

type Report = (message: string, path: (string | number)[], hint: string) => void;

/** Whether a path is there, as a file, a folder, or anything (a secret may be a folder). */
const present = (folder: string, written: string, want: "file" | "folder" | "any") => {
  // An absolute path resolves to itself.
  const kind = pathKind(resolve(folder, written));
  return want === "any" ? kind !== undefined : kind === want;
};

/** A build as written: its context, and its Dockerfile unless it gives one inline. */
export interface Build {
  context: string;
  dockerfile: string | undefined;
  inline: boolean;
  /** Where its context is written, below the service's build. */
  contextKey: string[];
}

/** A path as written (a build's context or Dockerfile, a secret's file); none where it is no text, the schema's wrong type (key-problems.ts). */
const pathText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function buildOf(raw: unknown): Build | undefined {
  if (raw === undefined || raw === null) return undefined;
  const long = isObject(raw);
  const context = long ? (raw.context === undefined ? "." : pathText(raw.context)) : pathText(raw);
  if (!context || unresolved(context) || REMOTE_CONTEXT.test(context)) return undefined;
  const dockerfile = long ? raw.dockerfile : undefined;
  if (dockerfile !== undefined && dockerfile !== null && typeof dockerfile !== "string") return undefined;
  return {
    context,
    dockerfile: long ? pathText(raw.dockerfile) : undefined,
    inline: long && raw.dockerfile_inline !== undefined,
    contextKey: long && raw.context !== undefined ? ["context"] : [],
  };
}

/** What of a build is not there: its context, or the Dockerfile in it; nothing where it can be built. */
function buildProblem(build: Build, folder: string): "context" | "dockerfile" | undefined {
  const { context, dockerfile } = build;
  if (!present(folder, context, "folder")) return "context";
  if (build.inline || (dockerfile !== undefined && unresolved(dockerfile))) return undefined;
  const names = dockerfile === undefined ? DEFAULT_DOCKERFILES : [dockerfile];
  return names.some((name) => present(resolve(folder, context), name, "file")) ? undefined : "dockerfile";
}

/**
 * Build contexts that are not folders, and Dockerfiles not in their context. Services built alike
 * (sentry's nineteen from ./sentry) are looked up once and share one finding: Compose stops at the
 * first, and the fix is one.
 */
function missingBuildPaths(services: Json, folder: string, report: Report): void {
  const shared = new Map<string, { build: Build; ids: string[] }>();
  for (const [id, service] of Object.entries(services)) {
    const build = isObject(service) ? buildOf(service.build) : undefined;
    if (!build) continue;
    const key = JSON.stringify([build.context, build.dockerfile, build.inline]);
    const known = shared.get(key);
    if (known) known.ids.push(id);
    else shared.set(key, { build, ids: [id] });
  }
  for (const { build, ids } of shared.values()) {
    const problem = buildProblem(build, folder);
    if (!problem) continue;
    const { context, dockerfile, contextKey } = build;
    const first = ids[0]!;
    const of = ids.length === 1 ? `'${first}'` : `'${first}' (and ${others(ids.length - 1)})`;
    if (problem === "context") {
      report(
        `the build context ${context} of ${of} is not a folder here, so Compose cannot build it`,
        ["services", first, "build", ...contextKey],
        "point build at the folder that holds the service's Dockerfile",
      );
      continue;
    }
    const named =
      dockerfile === undefined || dockerfile === "Dockerfile" ? "no Dockerfile" : `no file ${dockerfile}`;
    report(
      `the build context ${context} of ${of} holds ${named}, so Compose cannot build it`,
      ["services", first, "build", ...(dockerfile === undefined ? contextKey : ["dockerfile"])],
      dockerfile === undefined || dockerfile === "Dockerfile"
        ? "add a Dockerfile to the build context, or name the one it has with build.dockerfile"
        : `create ${dockerfile} in the build context, or point build.dockerfile at a file it has`,
    );
  }
}

/** A path in the project, as a bind mount writes one; a host's own paths (/etc/localtime) are the host's. */
const PROJECT_PATH = /^\.\.?(?:[/\\]|$)/;

/** A name with an extension, as files have and folders seldom do (a `conf.d` is a folder). */
const FILE_NAME = /[^/\\.]\.(?!d$)[a-z0-9]{1,8}$/i;

/**
 * Bind mounts of project paths that are not there. The short syntax has Docker make an empty
 * folder where the source is missing: harmless for a data folder, wrong where a file was meant
 * (an nginx.conf becomes a folder, mounted over the image's file or refused). The long syntax makes
 * nothing unless bind.create_host_path says so, and Compose refuses to start the service.
 */
function missingBindSources(services: Json, folder: string, report: Report): void {
  for (const [id, service] of Object.entries(services)) {
    if (!isObject(service) || !Array.isArray(service.volumes)) continue;
    service.volumes.forEach((volume, index) => {
      const mount = bindMountOf(volume);
      if (!mount || !PROJECT_PATH.test(mount.source) || unresolved(mount.source)) return;
      if (mount.short && !FILE_NAME.test(mount.source)) return;
      if (present(folder, mount.source, "any")) return;
      const path = ["services", id, "volumes", index, ...(mount.short ? [] : ["source"])];
      if (mount.short)
        report(
          `the file ${mount.source} that '${id}' mounts at ${mount.target} is not here: Docker would make an empty folder of that name and mount it instead`,
          path,
          "create the file beside the compose file, or correct the path",
        );
      else
        report(
          `the path ${mount.source} that '${id}' mounts at ${mount.target} is not here, so Compose cannot start it`,
          path,
          "create it, correct the path, or let Docker make a folder there: bind: { create_host_path: true }",
        );
    });
  }
}

/** A bind mount's source and target as written, and whether in the short syntax; none for any other mount. */
function bindMountOf(volume: unknown): { source: string; target: string; short: boolean } | undefined {
  if (typeof volume === "string") {
    const { source, target, problem } = parseShortVolume(volume);
    return source && target && !problem ? { source, target, short: true } : undefined;
  }
  if (!isObject(volume) || volume.type !== "bind") return undefined;
  const { source, target, bind } = volume;
  if (typeof source !== "string" || typeof target !== "string") return undefined;
  if (isObject(bind) && readsTrue(bind.create_host_path)) return undefined;
  return { source, target, short: false };
}

const others = (count: number) => `${count} other service${count === 1 ? "" : "s"}`;

/** Secrets' and configs' files that are not there. */
function missingFiles(value: Json, folder: string, report: Report): void {
  for (const section of ["secrets", "configs"] as const) {
    const entries = value[section];
    if (!isObject(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      const file = isObject(entry) ? pathText(entry.file) : undefined;
      if (!file || unresolved(file) || present(folder, file, "any")) continue;
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

/** An env_file that is not there: `path` as written, `resolved` where Compose looks for it. */
export function missingEnvFile(id: string, path: string, resolved: string, at: SourceRange): Diagnostic {
  const example = envFileExample(resolved);
  return diagnostic(
    "missing-path",
    "warning",
    `the env_file ${path} of '${id}' is not here, so Compose cannot start it; its variables are left out`,
    at,
    {
      hint: example
        ? `copy the project's example beside it, ${example}, to ${basename(resolved)} and fill it in`
        : "create it, or mark it required: false where the service starts without it",
    },
  );
}

/** One entry of a service's env_file, as written. */
export interface EnvFileEntry {
  /** None where it is no text, the schema's wrong type (key-problems.ts). */
  path: string | undefined;
  required: boolean;
  /** Whether it is a mapping that writes no path at all. */
  pathless: boolean;
  /** Where it is below env_file: its index in a list, nothing where env_file is the one path. */
  key: number[];
}

/** A service's env_file, one path or a list of paths and mappings ({ path, required }), entry by entry. */
export function envFileEntries(spec: unknown): EnvFileEntry[] {
  if (spec === undefined) return [];
  const key = (index: number) => (Array.isArray(spec) ? [index] : []);
  return (Array.isArray(spec) ? spec : [spec]).map((entry, index) =>
    isObject(entry)
      ? {
          path: pathText(entry.path),
          required: !readsFalse(entry.required),
          pathless: entry.path === undefined || entry.path === null,
          key: key(index),
        }
      : { path: pathText(entry), required: true, pathless: false, key: key(index) },
  );
}

/**
 * What one service writes that is not there: its build's context or Dockerfile, its required
 * env files. For a service another extends from its own file, whose relative paths Compose reads
 * from that file's folder.
 */
export function missingServicePaths(id: string, service: Json, folder: string, at: At): Diagnostic[] {
  const found = missingLocalPaths({ services: { [id]: service } }, folder, at);
  for (const { path, required, key } of envFileEntries(service.env_file)) {
    if (!path || unresolved(path) || !required) continue;
    const resolved = resolve(folder, path);
    if (pathKind(resolved) !== undefined) continue;
    found.push(missingEnvFile(id, path, resolved, at(["services", id, "env_file", ...key])));
  }
  return found;
}
