/**
 * Where the official images of common stores keep their data, so that a volume mounted elsewhere
 * (or a tmpfs, or a read-only mount) is known to keep none of it.
 */
import { commandLine } from "./container-risks.js";
import { baseImage } from "./image-name.js";
import { type DataFolder, KNOWN_IMAGES, type KnownImage } from "./known-images.js";
import type { Instance, Volume } from "./types.js";

/** What an image of a known one keeps where, by the major version its tag names (see laterData). */
function dataOf(
  known: KnownImage,
  major: string | undefined,
): { name: string; data: DataFolder } | undefined {
  const later = known.laterData;
  const earlier = known.data && { name: known.name, data: known.data };
  if (!later) return earlier;
  if (major !== undefined && Number(major) < later.major) return earlier;
  return {
    name: `${known.name} ${major ?? `${later.major} or later`}`,
    data: {
      ...later.data,
      folder: major === undefined ? later.data.mountAt : later.data.folder.replace("{major}", major),
    },
  };
}

/** Whether a mount keeps what is written under it beyond the container: not a tmpfs, not read-only. */
export function keepsWrites(volume: Volume): boolean {
  return volume.type !== "tmpfs" && !volume.readOnly;
}

/**
 * The folder an instance's image keeps its data in where none of its volumes that keep writes is
 * mounted there or above it: its data would go with the container. Undefined where one is, where
 * the image is not one known here, or where its command moves the folder.
 */
export function unmountedDataFolder(
  instance: Instance,
): { folder: string; name: string; mountAt?: string } | undefined {
  const image = instance.image ?? instance.service.image;
  const base = image === undefined ? undefined : baseImage(image);
  const knownImage = KNOWN_IMAGES.get(base?.name ?? "");
  const stored = knownImage && dataOf(knownImage, base?.major);
  if (!stored) return undefined;
  const known = stored.data;
  if (known.option?.test(commandLine(instance.service.command))) return undefined;
  const moved = known.variable ? instance.env.find((v) => v.name === known.variable) : undefined;
  if (moved && moved.value.kind !== "plain") return undefined;
  const folder = withoutTrailingSlash(moved?.value.kind === "plain" ? moved.value.value : known.folder);
  const kept = instance.service.volumes.some((volume) => {
    const path = withoutTrailingSlash(volume.path);
    return keepsWrites(volume) && (path === "/" || folder === path || folder.startsWith(`${path}/`));
  });
  if (kept) return undefined;
  const { name } = stored;
  return moved || !known.mountAt ? { folder, name } : { folder, name, mountAt: known.mountAt };
}

/** A folder as the runtime takes it: /var/lib/mysql/ is /var/lib/mysql. */
const withoutTrailingSlash = (path: string) => path.replace(/\/+$/, "") || "/";
