/** How compose files are told apart: by their name, or else by their top-level keys. */
import { closeSync, openSync, readSync } from "node:fs";

/** The names compose files go by: compose.yaml, docker-compose.prod.yml, compose-dev.yaml, pwd.yml. */
const COMPOSE_FILE = /(?:^|[-._])compose[^/\\]*\.ya?ml$|^pwd\.yml$/;

export function isComposeFileName(name: string): boolean {
  return COMPOSE_FILE.test(name);
}

/** A variant's compose file (docker-compose.prod.yml, compose-dev.yaml), with the variant's name. */
export const VARIANT_FILE = /^(?:docker-)?compose[.-]([A-Za-z0-9_-]+?)\.ya?ml$/;

/** Top-level keys only a model has; a compose file may have none of them. */
const MODEL_KEYS = new Set(["system", "environments", "document", "groups", "outputs", "lint"]);

/** A key at the start of a line: a top-level key of a block mapping. */
const TOP_LEVEL_KEY = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#:'"][^:\n]*?))[ \t]*:(?:[ \t]|$)/gm;

/** Whether YAML text is a compose file's by its top-level keys: services or includes, and none only a model has. */
export function isComposeText(text: string): boolean {
  const keys = new Set([...text.matchAll(TOP_LEVEL_KEY)].map((m) => m[1] ?? m[2] ?? m[3]!));
  return (keys.has("services") || keys.has("include")) && ![...keys].some((key) => MODEL_KEYS.has(key));
}

/** Whether YAML text is a model's: a top-level system, which no compose file has. */
export function isModelText(text: string): boolean {
  return [...text.matchAll(TOP_LEVEL_KEY)].some((m) => (m[1] ?? m[2] ?? m[3]) === "system");
}

/** One buffer for every file read: a check of forty compose files looks at the start of each. */
let buffer: Buffer | undefined;

/** The first 64 KiB of a file, where the top-level keys of any model or compose file begin; "" if unreadable. */
function start(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    buffer ??= Buffer.allocUnsafe(64 * 1024);
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether a file by another name (stack.yml, app.yaml) is a compose file: it has services or
 * includes, and none of the keys only a model has.
 */
export function looksLikeComposeFile(file: string): boolean {
  return isComposeText(start(file));
}

/**
 * Whether a file named as compose files are (a model kept as my-compose.yaml) is a model all the
 * same, by its first 16 KiB: as far as bin/deployview.cjs looks, so that the launcher and the CLI
 * tell such a file the same way.
 */
export function looksLikeModelFile(file: string): boolean {
  return isModelText(start(file).slice(0, 16 * 1024));
}
