/**
 * The model's paths are relative to the model's folder; Compose reads a file's paths relative to
 * the file's own folder. A relative path is rewritten for another folder: the one a generated
 * compose file goes to, or (init) the model's, from the one a compose file was found in.
 */
import { dirname, resolve, sep } from "node:path";
import { isAbsolute, join, normalize, relative } from "node:path/posix";
import { isAbsolute as isWindowsAbsolute } from "node:path/win32";

/** A URL (git@…, https://…), a home folder, a variable or an absolute path means the same from anywhere. */
const placeIndependent = (path: string) =>
  /^[a-z][a-z0-9+.-]*:\/\/|^git@|^~|\$/i.test(path) || isAbsolute(path) || isWindowsAbsolute(path);

const posix = (path: string) => path.split(sep).join("/");

const leavesFolder = (path: string) => path === ".." || path.startsWith("../");

/**
 * `folder`: where the compose file goes, relative to the model's folder. Where either leaves the
 * model's folder, the model file's own path names the folders on the way.
 */
export function pathsFromFolder(modelFile: string, folder: string): (path: string) => string {
  const target = normalize(posix(folder));
  return (path) => {
    if (placeIndependent(path)) return path;
    const root =
      leavesFolder(target) || leavesFolder(normalize(path)) ? posix(dirname(resolve(modelFile))) : "/";
    const moved = relative(join(root, target), join(root, path)) || ".";
    // Compose reads a bare name as a named volume's, so a path says it is one.
    return moved === "." || leavesFolder(moved) ? moved : `./${moved}`;
  };
}
