/** Whether a path, links followed, stays inside a root folder; undefined when the path does not exist. */
import { realpathSync } from "node:fs";
import { sep } from "node:path";

export function isInside(root: string, path: string): boolean | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  try {
    const base = realpathSync(root);
    return real === base || real.startsWith(base + sep);
  } catch {
    return false;
  }
}
