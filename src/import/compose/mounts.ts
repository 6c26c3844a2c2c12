/**
 * What a service mounts, as the model's volumes: named volumes, bind mounts and tmpfs, from the
 * short syntax ("data:/var/lib/db:ro"), the long one ({ type, source, target }) and tmpfs. A mount
 * Compose or Docker refuses (too many colons, a relative path) is reported where it is written
 * (runtime-refusals.ts, value-formats.ts), and left out here.
 */
import { isContainerPath } from "../../model/mounts.js";
import type { ServiceInputType } from "../../model/schema.js";
import { asText, isObject, type Json, textOf } from "../json.js";
import { mayBeKey } from "../model-ids.js";
import { entryPath } from "./locate-merged.js";
import type { Reading } from "./reading.js";
import { parseShortVolume } from "./short-volume.js";
import { readsTrue } from "./spec-walk.js";

type Volumes = NonNullable<ServiceInputType["volumes"]>;

export function volumesField(id: string, raw: Json, reading: Reading): ServiceInputType["volumes"] {
  const volumes: Volumes = {};
  (Array.isArray(raw.volumes) ? raw.volumes : []).forEach((volume, index) => {
    const spec = isObject(volume)
      ? {
          source: textOf(volume.source),
          target: textOf(volume.target),
          readOnly: readsTrue(volume.read_only),
          type: textOf(volume.type),
          problem: undefined,
        }
      : (() => {
          const short = parseShortVolume(asText(volume));
          return { ...short, type: short.bind ? "bind" : "volume" };
        })();
    if (!spec.target || !isContainerPath(spec.target) || spec.problem) return;
    // A named volume mounted at two paths is two mounts of one volume; one named as no model may
    // hold a key (model-ids.ts), which no file can declare either, is numbered as the second is.
    const named = spec.source && spec.type !== "bind" ? spec.source : undefined;
    const key =
      named && mayBeKey(named) && !Object.hasOwn(volumes, named) ? named : `${named ?? "mount"}-${index + 1}`;
    volumes[key] = {
      path: spec.target,
      type: spec.type === "bind" ? "bind" : spec.type === "tmpfs" ? "tmpfs" : "volume",
      ...(spec.source ? { source: spec.source } : {}),
      ...(spec.readOnly ? { "read-only": true } : {}),
    };
    reading.note(
      ["services", id, "volumes", key],
      entryPath(raw.volumes, ["services", id, "volumes"], index, "source"),
    );
  });
  const tmpfs = Array.isArray(raw.tmpfs) ? raw.tmpfs : typeof raw.tmpfs === "string" ? [raw.tmpfs] : [];
  tmpfs.forEach((entry, index) => {
    const path = asText(entry).split(":")[0]!;
    if (!isContainerPath(path)) return;
    const key = `tmpfs-${index + 1}`;
    volumes[key] = { path, type: "tmpfs" };
    reading.note(["services", id, "volumes", key], ["services", id, "tmpfs", index]);
  });
  return Object.keys(volumes).length > 0 ? volumes : undefined;
}

/** Compose secrets and configs a service mounts, as notes: the model keeps files in volumes only. */
export function mounted(value: unknown, noun: string, folder: string): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const source = isObject(item) ? textOf(item.source) : textOf(item);
    if (!source) return [];
    const target =
      isObject(item) && item.target ? asText(item.target) : `${folder.replace(/\/$/, "")}/${source}`;
    return [
      `Reads the Compose ${noun} '${source}' at ${target.startsWith("/") ? target : `${folder}/${target}`}`,
    ];
  });
}
