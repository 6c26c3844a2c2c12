import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { describeType, typeNames } from "../../load/json-types.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import { suggestion } from "../../model/suggest.js";
import { isObject } from "../json.js";
import {
  composeServiceKeys,
  composeServiceTypes,
  composeTopKeys,
  composeTopTypes,
  type JsonType,
} from "./spec-keys.js";
import type { ComposeSource } from "./to-model.js";

/** The sections whose entries Compose names, and the names it takes (the specification's pattern). */
const NAMED_SECTIONS = ["services", "networks", "volumes", "secrets", "configs"] as const;
const NAME = /^[a-zA-Z0-9._-]+$/;

/**
 * Keys the Compose Specification does not know (x- extensions aside), with a suggestion, and
 * values of the wrong JSON type for their key, and names it does not take: Compose refuses each.
 */
export function keyProblems(source: ComposeSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Null is how a file leaves a key unset (`command:`), and what `!reset` leaves: no wrong type.
  const wrongType = (path: KeyPath, value: unknown, allowed: readonly JsonType[] | undefined) => {
    if (!allowed || value === null || value === undefined) return;
    const type = Array.isArray(value) ? "array" : typeof value;
    if (allowed.includes(type as JsonType)) return;
    if (
      type === "number" &&
      (allowed.includes("number") || (allowed.includes("integer") && Number.isInteger(value)))
    )
      return;
    const names = [...new Set(allowed.filter((t) => t !== "null").map((t) => typeNames[t] ?? t))];
    found.push(
      diagnostic(
        "schema-wrong-type",
        "error",
        `${path.join(".")} must be ${names.join(" or ")}, not ${describeType(value)}`,
        locate(source.yaml, path, "value"),
      ),
    );
  };
  const report = (path: KeyPath, key: string, known: ReadonlySet<string>) =>
    found.push(
      diagnostic(
        "compose-unknown-key",
        "error",
        `'${key}' is not a Compose key, so Compose refuses the file`,
        locate(source.yaml, path, "key"),
        {
          hint: suggestion(key, [...known], "key"),
        },
      ),
    );
  for (const [key, value] of Object.entries(source.value)) {
    if (!composeTopKeys.has(key) && !key.startsWith("x-")) report([key], key, composeTopKeys);
    else wrongType([key], value, composeTopTypes.get(key));
  }
  for (const section of NAMED_SECTIONS) {
    const entries = source.value[section];
    if (!isObject(entries)) continue;
    for (const name of Object.keys(entries))
      if (!NAME.test(name))
        found.push(
          diagnostic(
            "schema-invalid-value",
            "error",
            `'${name}' is not a name Compose takes for one of its ${section}`,
            locate(source.yaml, [section, name], "key"),
            { hint: "use letters, digits, '.', '_' and '-' only" },
          ),
        );
  }
  const services = isObject(source.value.services) ? source.value.services : {};
  for (const [id, service] of Object.entries(services)) {
    if (!isObject(service)) {
      wrongType(["services", id], service, ["object"]);
      continue;
    }
    for (const [key, value] of Object.entries(service)) {
      if (!composeServiceKeys.has(key) && !key.startsWith("x-"))
        report(["services", id, key], key, composeServiceKeys);
      else wrongType(["services", id, key], value, composeServiceTypes.get(key));
    }
  }
  return found;
}
