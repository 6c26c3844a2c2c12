/** Where volumes are mounted, as the runtimes compare it: `/data/` and `/data` are one mount point. */
import type { Service, Volume } from "./types.js";

export const mountPoint = (path: string) => path.replace(/(?<=.)\/+$/, "");

/** A path a container can mount at: absolute, or a Windows container's C:\ path. Runtimes refuse others. */
export const isContainerPath = (path: string) => path.startsWith("/") || /^[A-Za-z]:\\/.test(path);

/** What is mounted, as the files say it: an imported volume's name is made up. */
function mounted(volume: Volume): string {
  if (volume.type === "bind") return volume.source;
  if (volume.type === "tmpfs") return "a tmpfs";
  return `the volume '${volume.source || volume.name}'`;
}

/** Each volume of a service mounted where another is already, with what to say of it. */
export function duplicateMounts(service: Service): { volume: Volume; message: string }[] {
  const byPath = new Map<string, Volume>();
  return service.volumes.flatMap((volume) => {
    const path = mountPoint(volume.path);
    const earlier = byPath.get(path);
    if (earlier === undefined) {
      byPath.set(path, volume);
      return [];
    }
    return [
      {
        volume,
        message: `'${service.id}' mounts ${mounted(volume)} at ${path}, where it mounts ${mounted(earlier)} already`,
      },
    ];
  });
}
