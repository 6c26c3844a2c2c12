/**
 * What a service's later definition (in another compose set or manifest folder) says differently
 * from its first, beyond what instances can keep per environment (image, memory, CPU): the model
 * has one definition per service, so these are the places where the draft is not yet true of
 * every environment, and `init` marks them.
 */
import type { ServiceInputType } from "../../model/schema.js";
import { asText } from "../json.js";

const names = (value: unknown): string =>
  value === undefined
    ? ""
    : Array.isArray(value)
      ? value.map(asText).sort().join()
      : typeof value === "object" && value !== null
        ? Object.keys(value).sort().join()
        : asText(value);

const paths = (value: ServiceInputType["volumes"]): string =>
  Object.values(value ?? {})
    .map((v) => (typeof v === "object" && v !== null ? asText(v.path) : asText(v)))
    .sort()
    .join();

/** Variables the first definition sets and the other does not (those it adds, instances keep). */
const lacksVariables = (first: ServiceInputType, other: ServiceInputType) =>
  Object.keys(first.env ?? {}).some((name) => !Object.hasOwn(other.env ?? {}, name));

const FIELDS: [label: string, text: (s: ServiceInputType) => string][] = [
  ["volumes", (s) => paths(s.volumes)],
  ["command", (s) => JSON.stringify(s.command ?? null)],
  ["health check", (s) => JSON.stringify(s.health ?? null)],
  ["dependencies", (s) => names(s.uses)],
];

export function definedDifferently(first: ServiceInputType, other: ServiceInputType): string[] {
  return [
    ...(lacksVariables(first, other) ? ["variables"] : []),
    ...FIELDS.filter(([, text]) => text(first) !== text(other)).map(([label]) => label),
  ];
}
