/**
 * depends_on as the model's uses: what each dependency is waited for, where that is not what the
 * model would assume, and which are not required. A dependency on nothing is the file's defect,
 * reported with the names nothing defines; one on the service itself is a cycle Compose refuses.
 */
import type { ServiceInputType } from "../../model/schema.js";
import { asText, isObject, type Json } from "../json.js";
import { hasHealthCheck } from "./health.js";
import type { Reading } from "./reading.js";
import { readsFalse } from "./spec-walk.js";

type Wait = "started" | "healthy" | "completed";

/** What depends_on makes a service wait for; the list form waits for the start only. */
function waitOf(dependsOn: unknown, target: string): Wait {
  const condition =
    isObject(dependsOn) && isObject(dependsOn[target]) ? dependsOn[target].condition : undefined;
  if (condition === "service_healthy") return "healthy";
  if (condition === "service_completed_successfully") return "completed";
  return "started";
}

export function usesField(
  id: string,
  raw: Json,
  composeServices: Json,
  reading: Reading,
  imageHealthChecks: ReadonlySet<string>,
): ServiceInputType["uses"] {
  const declared = Array.isArray(raw.depends_on)
    ? raw.depends_on.map(asText)
    : isObject(raw.depends_on)
      ? Object.keys(raw.depends_on)
      : [];
  const dependsOn: string[] = [];
  /** What the service waits for, where that is not what the model would assume. */
  const waits = new Map<string, Wait>();
  const optional = new Set<string>();
  declared.forEach((target, index) => {
    const listed = Array.isArray(raw.depends_on);
    const composePath = ["services", id, "depends_on", listed ? index : target];
    if (!Object.hasOwn(composeServices, target)) {
      // Where the map form names it, at its name, not at its condition; so too a wait on itself.
      reading.report(
        "unknown-service",
        `depends_on names '${target}', which no compose file here defines`,
        "define the service, or pass the file that defines it with another -f",
        composePath,
        undefined,
        listed ? undefined : "key",
      );
      return;
    }
    // One that is no mapping is the schema's wrong type (key-problems.ts), and no service the model
    // reads: nothing to use, and nothing more to say.
    const written = composeServices[target];
    if (written !== null && !isObject(written)) return;
    if (target === id) {
      // Compose refuses it; the model leaves it out.
      reading.find(
        "dependency-cycle",
        `'${id}' depends on itself, which Compose refuses`,
        `remove '${id}' from its own depends_on`,
        composePath,
        undefined,
        listed ? undefined : "key",
      );
      return;
    }
    reading.note(["services", id, "uses", dependsOn.length], composePath);
    reading.note(["services", id, "uses", target], composePath);
    dependsOn.push(target);
    const wait = waitOf(raw.depends_on, target);
    // required: false starts the service without the dependency where no profile enables it. It
    // still waits for it where both run, which the model says with the wait an optional use gives.
    const entry = isObject(raw.depends_on) ? raw.depends_on[target] : undefined;
    if (isObject(entry) && readsFalse(entry.required)) optional.add(target);
    // A health check the model cannot state (its image's) makes no wait the model would assume:
    // what is waited for is said, so the rules about waits see the start alone waited for.
    if (
      optional.has(target) ||
      imageHealthChecks.has(target) ||
      wait !== (hasHealthCheck(composeServices[target]) ? "healthy" : "started")
    )
      waits.set(target, wait);
  });
  if (dependsOn.length === 0) return undefined;
  if (waits.size === 0 && optional.size === 0) return dependsOn;
  return Object.fromEntries(
    dependsOn.map((target) => {
      const wait = waits.get(target);
      return [target, { ...(wait ? { wait } : {}), ...(optional.has(target) ? { optional: true } : {}) }];
    }),
  );
}
