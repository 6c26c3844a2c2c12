/** A service's build as the model has it: the context, the Dockerfile and the arguments with values here. */
import type { ServiceInputType } from "../../model/schema.js";
import { asText, isObject, type Json, textOf } from "../json.js";
import type { Reading } from "./reading.js";

/** Build arguments in either form; one with no value (`- NAME`, `NAME:`) takes it from the environment, so has none here. */
function buildArgs(value: unknown): Record<string, string> {
  const pairs = Array.isArray(value)
    ? value.map((item) => {
        const text = asText(item);
        const at = text.indexOf("=");
        return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
      })
    : Object.entries(isObject(value) ? value : {});
  return Object.fromEntries(
    pairs
      .filter(
        (pair): pair is [string, string | number | boolean] => pair[1] !== undefined && pair[1] !== null,
      )
      .map(([name, arg]) => [name, asText(arg)]),
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
