/** The text of a file read only for what it tells about the code: a help, never a finding's subject. */
import { lstatSync, readFileSync } from "node:fs";

/** Past any configuration or Dockerfile a project writes by hand. */
const MAX_BYTES = 1024 * 1024;

/** A regular file's text (never a link, never a huge file), or undefined. */
export function readSmallFile(file: string): string | undefined {
  try {
    const info = lstatSync(file);
    if (!info.isFile() || info.size > MAX_BYTES) return undefined;
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
