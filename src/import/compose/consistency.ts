/**
 * What Compose refuses although every key holds a value of the right type (its consistency check):
 * keys that exclude each other or must agree, a health check test that says neither how to run nor
 * to switch it off, a watch with nowhere to copy to, a secret or config with no source or two,
 * something external that is also told how to be made. What Docker refuses after it is in
 * runtime-refusals.ts. Like the names nothing defines (references.ts), these stop
 * `docker compose up` before it starts.
 */
import type { DiagnosticCode } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import type { HeldSecret } from "../../model/container-risks.js";
import { asText, hasEntries, isObject, type Json, valueAt } from "../json.js";
import { healthTestProblems } from "./health-test.js";
import { addressRefusals } from "./network-addresses.js";
import type { ComposeProblem } from "./references.js";
import { runtimeRefusals } from "./runtime-refusals.js";
import { sizeBytes } from "./sizes.js";
import { valueFormats } from "./value-formats.js";
import type { Message } from "./written-numbers.js";

export type Report = (
  code: DiagnosticCode,
  message: Message,
  hint: string,
  composePath: KeyPath,
  severity?: "warning",
  /**
   * "key" where what is reported is a mapping's key (a name), not what follows it; a secret the
   * value holds where what is reported is that secret alone.
   */
  at?: "key" | HeldSecret,
) => void;

const TEST_FORMS = new Set(["CMD", "CMD-SHELL", "NONE"]);

/** A watch that rebuilds the image copies nothing into the container: only it needs no target. */
const NEEDS_NO_TARGET = new Set(["rebuild"]);

const count = (v: unknown) => (typeof v === "number" ? v : undefined);

function cpus(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/** A service-level key and the deploy key Compose wants the same value in, if both are given. */
const TWINS: { key: string; deploy: string[]; read: (value: unknown) => number | undefined }[] = [
  { key: "scale", deploy: ["replicas"], read: count },
  { key: "cpus", deploy: ["resources", "limits", "cpus"], read: cpus },
  { key: "mem_limit", deploy: ["resources", "limits", "memory"], read: sizeBytes },
  { key: "mem_reservation", deploy: ["resources", "reservations", "memory"], read: sizeBytes },
  { key: "pids_limit", deploy: ["resources", "limits", "pids"], read: count },
];

function serviceInconsistencies(id: string, raw: Json, report: Report): void {
  if (typeof raw.network_mode === "string" && raw.network_mode !== "" && hasEntries(raw.networks))
    report(
      "compose-conflicting-keys",
      `'${id}' sets both network_mode and networks, which Compose refuses`,
      "keep one: network_mode to share another network stack, networks to join networks",
      ["services", id, "networks"],
    );
  const test = isObject(raw.healthcheck) ? raw.healthcheck.test : undefined;
  if (Array.isArray(test) && test.length > 0 && !TEST_FORMS.has(asText(test[0])))
    report(
      "schema-invalid-value",
      `the health check test of '${id}' starts with '${asText(test[0])}', where Compose takes CMD, CMD-SHELL or NONE`,
      `start it with CMD to run the words as they are: [CMD, ${test.map(asText).join(", ")}]`,
      ["services", id, "healthcheck", "test", 0],
    );
  healthTestProblems(id, raw, report);
  for (const { key, deploy, read } of TWINS) {
    const own = read(raw[key]);
    const declared = read(valueAt(raw.deploy, deploy));
    if (own !== undefined && declared !== undefined && own !== declared)
      report(
        "compose-conflicting-keys",
        `'${id}' sets ${key} and deploy.${deploy.join(".")} to different values, which Compose refuses`,
        "keep one of them, or give both the same value",
        ["services", id, key],
      );
  }
  buildInconsistencies(id, raw, report);
  watchInconsistencies(id, raw, report);
}

function buildInconsistencies(id: string, raw: Json, report: Report): void {
  const build = isObject(raw.build) ? raw.build : undefined;
  if (!build) return;
  if (build.dockerfile !== undefined && build.dockerfile_inline !== undefined)
    report(
      "compose-conflicting-keys",
      `the build of '${id}' sets both dockerfile and dockerfile_inline, which Compose refuses`,
      "keep one: a Dockerfile's path, or its text inline",
      ["services", id, "build", "dockerfile_inline"],
    );
  const platforms = Array.isArray(build.platforms) ? build.platforms : [];
  if (platforms.length > 0 && typeof raw.platform === "string" && !platforms.includes(raw.platform))
    report(
      "compose-conflicting-keys",
      `'${id}' runs on ${raw.platform}, which its build.platforms leave out: Compose refuses it`,
      `add ${raw.platform} to build.platforms`,
      ["services", id, "platform"],
    );
}

function watchInconsistencies(id: string, raw: Json, report: Report): void {
  const watches = valueAt(raw.develop, ["watch"]);
  if (!Array.isArray(watches)) return;
  watches.forEach((watch, index) => {
    if (!isObject(watch)) return;
    if (watch.path === "")
      report(
        "schema-invalid-value",
        `a watch of '${id}' has an empty path, which Compose refuses`,
        "give the path on the host to watch",
        ["services", id, "develop", "watch", index, "path"],
      );
    if (!NEEDS_NO_TARGET.has(asText(watch.action)) && watch.target === undefined)
      report(
        "schema-invalid-value",
        `the watch of '${id}' that ${watch.action === undefined ? "has no action" : `does ${asText(watch.action)}`} needs a target in the container, which Compose refuses to go without`,
        "add target: the path in the container the files go to",
        ["services", id, "develop", "watch", index],
      );
  });
}

const sectionOf = (merged: Json, section: string) =>
  Object.entries(isObject(merged[section]) ? (merged[section] as Json) : {});

/** Where a secret's or a config's content comes from: exactly one source, unless it exists already (external) or a driver makes it. */
function sourceInconsistencies(merged: Json, report: Report): void {
  const sources = { secrets: ["file", "environment"], configs: ["file", "environment", "content"] };
  for (const [section, keys] of Object.entries(sources)) {
    for (const [name, entry] of sectionOf(merged, section)) {
      if (!isObject(entry)) continue;
      const given = keys.filter((key) => entry[key] !== undefined);
      const what = `the ${section.slice(0, -1)} '${name}'`;
      if (given.length > 1)
        report(
          "compose-conflicting-keys",
          `${what} gives ${given.join(" and ")}, where Compose takes one`,
          `keep one of ${keys.join(", ")}`,
          [section, name, given[1]!],
        );
      // A secret with inline content has its finding already (key-problems.ts: no such key there).
      else if (
        given.length === 0 &&
        entry.external === undefined &&
        entry.driver === undefined &&
        entry.content === undefined
      )
        report(
          "schema-invalid-value",
          `${what} gives nothing to read it from (${keys.join(", ")}), which Compose refuses`,
          `add file: ./path${keys.length > 2 ? ", environment: VARIABLE or content: …" : " or environment: VARIABLE"}, or external: true if it exists already`,
          [section, name],
        );
    }
  }
}

/** Something that exists already is only named: Compose refuses to be told how to make it. */
function externalInconsistencies(merged: Json, report: Report): void {
  for (const section of ["volumes", "networks"]) {
    for (const [name, entry] of sectionOf(merged, section)) {
      if (!isObject(entry) || entry.external !== true) continue;
      const extra = Object.keys(entry).find(
        (key) => key !== "name" && key !== "external" && !key.startsWith("x-"),
      );
      if (extra)
        report(
          "compose-conflicting-keys",
          `the ${section.slice(0, -1)} '${name}' is external, and sets ${extra} too, which Compose refuses`,
          "an external one exists already: give only its name",
          [section, name, extra],
        );
    }
  }
}

export function inconsistencies(merged: Json): ComposeProblem[] {
  const found: ComposeProblem[] = [];
  const report: Report = (code, message, hint, composePath, severity) =>
    found.push({ code, message, hint, composePath, ...(severity ? { severity } : {}) });
  for (const [id, raw] of sectionOf(merged, "services")) {
    if (!isObject(raw)) continue;
    serviceInconsistencies(id, raw, report);
    runtimeRefusals(id, raw, report);
    valueFormats(id, raw, report);
  }
  sourceInconsistencies(merged, report);
  externalInconsistencies(merged, report);
  addressRefusals(merged, report);
  return found;
}
