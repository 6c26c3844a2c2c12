/** A service's build as the model has it: the context, the Dockerfile and the arguments with values here. */
import type { ServiceInputType } from "../../model/schema.js";
import { asText, isObject, type Json, textOf } from "../json.js";
import type { Reading } from "./reading.js";
import { writtenEntries } from "./written-entries.js";

/** Build arguments in either form; one with no value (`- NAME`, `NAME:`) takes it from the environment, so has none here. */
function buildArgs(value: unknown): Record<string, string> {
  // Defined, not assigned: an argument may be named __proto__.
  return Object.fromEntries(
    writtenEntries(value).flatMap(({ name, value: arg }) => (arg === null ? [] : [[name, arg]])),
  );
}

export function buildField(id: string, raw: Json, reading: Reading): ServiceInputType["build"] {
  if (raw.build === undefined) return undefined;
  if (!isObject(raw.build)) return asText(raw.build);
  const args = buildArgs(raw.build.args);
  for (const name of Object.keys(args))
    reading.note(["services", id, "build", "args", name], ["services", id, "build", "args", name]);
  return {
    context: textOf(raw.build.context) ?? ".",
    ...(raw.build.dockerfile ? { dockerfile: asText(raw.build.dockerfile) } : {}),
    ...(Object.keys(args).length > 0 ? { args } : {}),
  };
}
