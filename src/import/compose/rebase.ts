/**
 * A service taken from a compose file in another folder (by `extends`) keeps its relative paths
 * meaning what they meant there: build contexts, bind-mount sources and env files are rewritten
 * relative to the folder of the file that extends it, as Compose does.
 */
import { isAbsolute, relative, resolve } from "node:path";
import { isObject, type Json } from "../json.js";
import { parseShortVolume } from "./short-volume.js";

/** Whether a path is relative to the file's folder (not absolute, not a URL, not a named volume). */
const isLocal = (path: string) =>
  (path === "." || path.startsWith("./") || path.startsWith("../")) && !isAbsolute(path);

function moved(path: string, from: string, to: string): string {
  const target = relative(to, resolve(from, path)) || ".";
  return target === "." || target.startsWith("../") ? target : `./${target}`;
}

/** Short volume syntax: only a source that is a relative path moves (a named volume does not). */
function movedVolume(volume: unknown, from: string, to: string): unknown {
  if (typeof volume === "string") {
    const { source } = parseShortVolume(volume);
    return source !== undefined && isLocal(source)
      ? moved(source, from, to) + volume.slice(source.length)
      : volume;
  }
  if (
    isObject(volume) &&
    volume.type === "bind" &&
    typeof volume.source === "string" &&
    isLocal(volume.source)
  )
    return { ...volume, source: moved(volume.source, from, to) };
  return volume;
}

function movedEnvFile(entry: unknown, from: string, to: string): unknown {
  if (typeof entry === "string") return isAbsolute(entry) ? entry : moved(entry, from, to);
  if (isObject(entry) && typeof entry.path === "string" && !isAbsolute(entry.path))
    return { ...entry, path: moved(entry.path, from, to) };
  return entry;
}

export function rebaseService(service: Json, from: string, to: string): Json {
  if (from === to) return service;
  const result: Json = { ...service };
  // A build context may be a URL (git@…, https://…): only a path moves.
  const isPath = (context: string) => !/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context) && !isAbsolute(context);
  if (typeof service.build === "string" && isPath(service.build))
    result.build = moved(service.build, from, to);
  else if (isObject(service.build)) {
    const context = typeof service.build.context === "string" ? service.build.context : ".";
    if (isPath(context)) result.build = { ...service.build, context: moved(context, from, to) };
  }
  if (Array.isArray(service.volumes)) result.volumes = service.volumes.map((v) => movedVolume(v, from, to));
  if (typeof service.env_file === "string" || Array.isArray(service.env_file))
    result.env_file = Array.isArray(service.env_file)
      ? service.env_file.map((e) => movedEnvFile(e, from, to))
      : movedEnvFile(service.env_file, from, to);
  return result;
}
