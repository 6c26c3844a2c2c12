/** How compose files are told apart: by their name, or else by their top-level keys. */
import { closeSync, openSync, readSync } from "node:fs";

/** The names compose files go by: compose.yaml, docker-compose.prod.yml, compose-dev.yaml, pwd.yml. */
const COMPOSE_FILE = /(?:^|[-._])compose[^/\\]*\.ya?ml$|^pwd\.yml$/;

export function isComposeFileName(name: string): boolean {
  return COMPOSE_FILE.test(name);
}

/** Top-level keys only a model has; a compose file may have none of them. */
const MODEL_KEYS = new Set(["system", "environments", "document", "groups", "outputs", "lint"]);

/** A key at the start of a line: a top-level key of a block mapping. */
const TOP_LEVEL_KEY = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#:'"][^:\n]*?))[ \t]*:(?:[ \t]|$)/gm;

/** Whether YAML text is a compose file's by its top-level keys: services or includes, and none only a model has. */
export function isComposeText(text: string): boolean {
  const keys = new Set([...text.matchAll(TOP_LEVEL_KEY)].map((m) => m[1] ?? m[2] ?? m[3]!));
  return (keys.has("services") || keys.has("include")) && ![...keys].some((key) => MODEL_KEYS.has(key));
}

/**
 * Whether a file by another name (stack.yml, app.yaml) is a compose file: it has services or
 * includes, and none of the keys only a model has. Read from its first 64 KiB, where the top-level
 * keys of any such file begin.
 */
export function looksLikeComposeFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(64 * 1024);
    return isComposeText(buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
