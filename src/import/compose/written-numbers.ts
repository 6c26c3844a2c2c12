/**
 * Compose passes an environment variable's or a label's value as text: `LIMIT: 1e400` sets LIMIT
 * to 1e400. The loader has read such a scalar as a number by then, and a number JavaScript cannot
 * hold (Infinity, or an integer past 2^53 rounded) would reach the model as another text. Only
 * those go back to the file's own text: finding a scalar's range costs a walk of the tree, which
 * the numbers that print as written never need.
 */

import { type KeyPath, locate, type YamlFile } from "../../load/yaml-file.js";
import { isObject, type Json } from "../json.js";

/** The service keys whose values Compose takes as text, in the mapping form that can hold a number. */
const TEXT_VALUED = ["environment", "labels"] as const;

/** Whether a number prints otherwise than any file could have written it. */
const lossy = (value: number) =>
  !Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value));

/** Puts back, in `value` as read from `yaml`, the written text of each such number. */
export function keepWrittenNumbers(value: Json, yaml: YamlFile, text: string): void {
  if (!isObject(value.services)) return;
  for (const [id, service] of Object.entries(value.services)) {
    if (!isObject(service)) continue;
    for (const key of TEXT_VALUED) {
      const entries = service[key];
      if (!isObject(entries)) continue;
      for (const [name, entry] of Object.entries(entries)) {
        if (typeof entry !== "number" || !lossy(entry)) continue;
        const { start, end } = locate(yaml, ["services", id, key, name], "value");
        // A tagged scalar (!!float 1e400) may be written otherwise: the range is where it was found.
        if (end > start) entries[name] = text.slice(start, end);
      }
    }
  }
}

/** The value at a path of the compose files as a message quotes it (see asWritten in json.ts); asked only for a finding. */
export type WrittenAt = (composePath: KeyPath, value: unknown) => string;

/**
 * A finding's message: made as it is reported where it quotes a value the files write, so that the
 * value's text is looked up then, and only then.
 */
export type Message = string | ((written: WrittenAt) => string);
