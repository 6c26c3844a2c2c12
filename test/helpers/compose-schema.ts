import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { parse } from "yaml";
import { repoRoot } from "./examples.js";

let validator: ValidateFunction | undefined;

/** Errors of a compose file against the vendored Compose Specification schema (compiled once). */
export function composeSchemaErrors(text: string): string[] {
  validator ??= new Ajv({ strict: false, allowUnionTypes: true, validateSchema: false }).compile(
    JSON.parse(readFileSync(`${repoRoot}vendor/compose-spec/compose-spec.json`, "utf8")),
  );
  const valid = validator(parse(text));
  return valid ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
