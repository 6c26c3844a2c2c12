/**
 * A bind mount's propagation (`bind: { propagation }` of the long syntax), which Compose passes to
 * Docker as written and Docker checks only when it makes the container: one it does not know, in
 * any case but lower, is "invalid propagation mode" and the container is not made.
 */
import { asText, isObject, type Json } from "../json.js";
import type { Report } from "./consistency.js";

/** The propagations Docker takes, in the order its documentation lists them. */
const PROPAGATIONS = ["private", "rprivate", "shared", "rshared", "slave", "rslave"];

export function propagationRefusals(id: string, raw: Json, report: Report): void {
  if (!Array.isArray(raw.volumes)) return;
  raw.volumes.forEach((entry, index) => {
    if (!isObject(entry) || !isObject(entry.bind)) return;
    const propagation = entry.bind.propagation;
    // Not text: the schema's finding. A variable left unset reads as nothing: Docker's default.
    if (typeof propagation !== "string" || propagation === "" || PROPAGATIONS.includes(propagation)) return;
    report(
      "runtime-refused",
      `'${id}' mounts ${asText(entry.source ?? "")} with the propagation '${propagation}', which Docker refuses: it takes ${PROPAGATIONS.slice(0, -1).join(", ")} or ${PROPAGATIONS.at(-1)}`,
      "leave it out for rprivate, Docker's default, or write one of those, in lower case",
      ["services", id, "volumes", index, "bind", "propagation"],
    );
  });
}
