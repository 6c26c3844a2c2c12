/** What a path names, as far as the system can say. */
import { statSync } from "node:fs";

/**
 * A file, a folder, something else (a pipe, a device), or nothing: a missing path, a symbolic link
 * loop and a path through a file name nothing, rather than throw.
 */
export function pathKind(path: string): "file" | "folder" | "other" | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return undefined;
    return info.isFile() ? "file" : info.isDirectory() ? "folder" : "other";
  } catch {
    return undefined;
  }
}
