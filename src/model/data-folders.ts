/**
 * Where the official images of common stores keep their data, so that a volume mounted elsewhere
 * (or a tmpfs, or a read-only mount) is known to keep none of it.
 */
import { commandLine } from "./container-risks.js";
import { officialImageName } from "./image-name.js";
import { type DataFolder, KNOWN_IMAGES } from "./known-images.js";
import type { Instance, Volume } from "./types.js";

/**
 * From PostgreSQL 18 on, the official image keeps its data in a folder of the major version
 * (/var/lib/postgresql/18/docker) and takes its volume one level up: a volume at the old
 * /var/lib/postgresql/data keeps none of it, and the image refuses to start on one that holds data.
 * An image pinned to no major version (latest, alpine) is of the newest.
 */
function postgresFolder(image: string): { name: string; data: DataFolder } {
  const tag = /:([^/:@]+)(?:@|$)/.exec(image)?.[1] ?? "latest";
  const major = /^(\d+)/.exec(tag)?.[1];
  const before18 = KNOWN_IMAGES.get("postgres")!;
  if (major !== undefined && Number(major) < 18) return { name: before18.name, data: before18.data! };
  return {
    name: `PostgreSQL ${major ?? "18 or later"}`,
    data: {
      folder: major === undefined ? "/var/lib/postgresql" : `/var/lib/postgresql/${major}/docker`,
      variable: "PGDATA",
      mountAt: "/var/lib/postgresql",
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
  const official = image === undefined ? undefined : officialImageName(image);
  const stored = official === "postgres" ? postgresFolder(image!) : KNOWN_IMAGES.get(official ?? "");
  const known = stored?.data;
  if (!stored || !known) return undefined;
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
