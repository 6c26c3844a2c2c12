/**
 * Where the official images of common stores keep their data, so that a volume mounted elsewhere
 * (or a tmpfs, or a read-only mount) is known to keep none of it.
 */
import { commandLine } from "./container-risks.js";
import { officialImageName } from "./image-name.js";
import type { Instance, Volume } from "./types.js";

interface DataFolder {
  folder: string;
  /** What the image is called in messages. */
  name: string;
  /** A variable that moves the folder (PostgreSQL's PGDATA). */
  variable?: string;
  /** An option that moves it on the command line (mysqld's --datadir), where the check stops guessing. */
  option?: RegExp;
  /** Where its maker says to mount the volume, above the folder itself. */
  mountAt?: string;
}

/** By the image's name on Docker Hub, as its official image (or its maker's registry) has it. */
const FOLDERS = new Map<string, DataFolder>([
  ["postgres", { folder: "/var/lib/postgresql/data", name: "PostgreSQL", variable: "PGDATA" }],
  ["mysql", { folder: "/var/lib/mysql", name: "MySQL", option: /--datadir\b/ }],
  ["mariadb", { folder: "/var/lib/mysql", name: "MariaDB", option: /--datadir\b/ }],
  ["mongo", { folder: "/data/db", name: "MongoDB", option: /--dbpath\b/ }],
  ["rabbitmq", { folder: "/var/lib/rabbitmq", name: "RabbitMQ" }],
  // Stateful only where told to persist (see persistsCache); its working folder is where it writes.
  ["redis", { folder: "/data", name: "Redis", option: /--dir\b/ }],
  ["valkey", { folder: "/data", name: "Valkey", option: /--dir\b/ }],
  ["elasticsearch", { folder: "/usr/share/elasticsearch/data", name: "Elasticsearch", option: /path\.data/ }],
]);

/**
 * From PostgreSQL 18 on, the official image keeps its data in a folder of the major version
 * (/var/lib/postgresql/18/docker) and takes its volume one level up: a volume at the old
 * /var/lib/postgresql/data keeps none of it, and the image refuses to start on one that holds data.
 * An image pinned to no major version (latest, alpine) is of the newest.
 */
function postgresFolder(image: string): DataFolder {
  const tag = /:([^/:@]+)(?:@|$)/.exec(image)?.[1] ?? "latest";
  const major = /^(\d+)/.exec(tag)?.[1];
  if (major !== undefined && Number(major) < 18) return FOLDERS.get("postgres")!;
  return {
    folder: major === undefined ? "/var/lib/postgresql" : `/var/lib/postgresql/${major}/docker`,
    name: `PostgreSQL ${major ?? "18 or later"}`,
    variable: "PGDATA",
    mountAt: "/var/lib/postgresql",
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
  const known = official === "postgres" ? postgresFolder(image!) : FOLDERS.get(official ?? "");
  if (!known) return undefined;
  if (known.option?.test(commandLine(instance.service.command))) return undefined;
  const moved = known.variable ? instance.env.find((v) => v.name === known.variable) : undefined;
  if (moved && moved.value.kind !== "plain") return undefined;
  const folder = withoutTrailingSlash(moved?.value.kind === "plain" ? moved.value.value : known.folder);
  const kept = instance.service.volumes.some((volume) => {
    const path = withoutTrailingSlash(volume.path);
    return keepsWrites(volume) && (path === "/" || folder === path || folder.startsWith(`${path}/`));
  });
  if (kept) return undefined;
  return moved || !known.mountAt
    ? { folder, name: known.name }
    : { folder, name: known.name, mountAt: known.mountAt };
}

/** A folder as the runtime takes it: /var/lib/mysql/ is /var/lib/mysql. */
const withoutTrailingSlash = (path: string) => path.replace(/\/+$/, "") || "/";
