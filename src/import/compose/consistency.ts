/**
 * What Compose refuses although every key holds a value of the right type (its consistency check):
 * keys that exclude each other or must agree, a health check test that says neither how to run nor
 * to switch it off, a watch with nowhere to copy to, a secret or config with no source or two,
 * something external that is also told how to be made.
 * Like the names nothing defines (references.ts), these stop `docker compose up` before it starts.
 */
import type { DiagnosticCode } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { isObject, type Json } from "../json.js";
import type { UndefinedReference } from "./references.js";
import { sizeBytes } from "./sizes.js";

const TEST_FORMS = new Set(["CMD", "CMD-SHELL", "NONE"]);

/** Transport protocols a published port takes; an application protocol (http) is not one. */
const PORT_PROTOCOLS = new Set(["tcp", "udp", "sctp"]);

/**
 * Kernel parameters a container has a namespace of its own for, and so may set (runc's list):
 * others are the host's, and the container is not started.
 */
const NAMESPACED_SYSCTLS = new Set([
  "kernel.msgmax",
  "kernel.msgmnb",
  "kernel.msgmni",
  "kernel.sem",
  "kernel.shmall",
  "kernel.shmmax",
  "kernel.shmmni",
  "kernel.shm_rmid_forced",
  "kernel.domainname",
  "kernel.hostname",
]);

function sysctlProblem(name: string, hostNetwork: boolean): string | undefined {
  if (name.startsWith("net."))
    return hostNetwork ? "on the host's network it would set the host's" : undefined;
  if (NAMESPACED_SYSCTLS.has(name) || name.startsWith("fs.mqueue.")) return undefined;
  return "it is the host's, not the container's (no namespace of the container's own holds it)";
}

/** A sysctls entry's name and its step, in the list (name=value) or the map form. */
function sysctlNames(value: unknown): { name: string; step: string | number }[] {
  if (Array.isArray(value))
    return value.map((entry, index) => ({ name: String(entry).split("=")[0]!.trim(), step: index }));
  return isObject(value) ? Object.keys(value).map((name) => ({ name, step: name })) : [];
}

/** The transport protocol a ports entry gives, if it gives one. */
function portProtocol(entry: unknown): string | undefined {
  if (isObject(entry)) return typeof entry.protocol === "string" ? entry.protocol : undefined;
  const text = String(entry);
  const slash = text.lastIndexOf("/");
  return slash >= 0 ? text.slice(slash + 1) : undefined;
}

/** A service-level key and the deploy key Compose wants the same value in, if both are given. */
const TWINS: { key: string; deploy: string[]; read: (value: unknown) => number | undefined }[] = [
  { key: "scale", deploy: ["replicas"], read: (v) => (typeof v === "number" ? v : undefined) },
  { key: "cpus", deploy: ["resources", "limits", "cpus"], read: (v) => cpus(v) },
  { key: "mem_limit", deploy: ["resources", "limits", "memory"], read: sizeBytes },
  { key: "mem_reservation", deploy: ["resources", "reservations", "memory"], read: sizeBytes },
  {
    key: "pids_limit",
    deploy: ["resources", "limits", "pids"],
    read: (v) => (typeof v === "number" ? v : undefined),
  },
];

function cpus(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

function at(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((current, key) => (isObject(current) ? current[key] : undefined), value);
}

/** A watch that rebuilds the image copies nothing into the container: only it needs no target. */
const NEEDS_NO_TARGET = new Set(["rebuild"]);

const hasEntries = (value: unknown) =>
  (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);

export function inconsistencies(merged: Json): UndefinedReference[] {
  const found: UndefinedReference[] = [];
  const report = (code: DiagnosticCode, message: string, hint: string, composePath: KeyPath) =>
    found.push({ code, message, hint, composePath });
  const services = isObject(merged.services) ? merged.services : {};
  for (const [id, raw] of Object.entries(services)) {
    if (!isObject(raw)) continue;
    const networkMode = typeof raw.network_mode === "string" ? raw.network_mode : undefined;
    if (networkMode && hasEntries(raw.networks))
      report(
        "compose-conflicting-keys",
        `'${id}' sets both network_mode and networks, which Compose refuses`,
        "keep one: network_mode to share another network stack, networks to join networks",
        ["services", id, "networks"],
      );
    // Docker: "conflicting options: port publishing and the container sharing network namespace".
    const shared = networkMode && /^(?:service|container):(.+)$/.exec(networkMode)?.[1];
    if (shared && hasEntries(raw.ports))
      report(
        "compose-conflicting-keys",
        `'${id}' publishes ports, but runs in the network stack of '${shared}' (network_mode: ${networkMode}), where Docker refuses to publish any`,
        `publish them on '${shared}', whose network '${id}' shares`,
        ["services", id, "ports"],
      );
    if (Array.isArray(raw.ports))
      raw.ports.forEach((entry, index) => {
        const protocol = portProtocol(entry);
        if (protocol !== undefined && !PORT_PROTOCOLS.has(protocol.toLowerCase()))
          report(
            "schema-invalid-value",
            `a port of '${id}' gives the protocol '${protocol}', where Compose takes tcp, udp or sctp`,
            "leave it out for tcp; what is spoken over the port (http) is no protocol here",
            ["services", id, "ports", index],
          );
      });
    for (const { name, step } of sysctlNames(raw.sysctls)) {
      const problem = sysctlProblem(name, networkMode === "host");
      if (problem)
        report(
          "runtime-refused",
          `'${id}' sets the kernel parameter ${name}, which the container runtime refuses: ${problem}`,
          name.startsWith("net.")
            ? "drop it, or leave the host's network"
            : "set it on the host (sysctl -w, or /etc/sysctl.d), not in the container",
          ["services", id, "sysctls", step],
        );
    }
    const test = isObject(raw.healthcheck) ? raw.healthcheck.test : undefined;
    if (Array.isArray(test) && test.length > 0 && !TEST_FORMS.has(String(test[0])))
      report(
        "schema-invalid-value",
        `the health check test of '${id}' starts with '${String(test[0])}', where Compose takes CMD, CMD-SHELL or NONE`,
        `start it with CMD to run the words as they are: [CMD, ${test.map(String).join(", ")}]`,
        ["services", id, "healthcheck", "test", 0],
      );
    for (const { key, deploy, read } of TWINS) {
      const own = read(raw[key]);
      const declared = read(at(raw.deploy, deploy));
      if (own !== undefined && declared !== undefined && own !== declared)
        report(
          "compose-conflicting-keys",
          `'${id}' sets ${key} and deploy.${deploy.join(".")} to different values, which Compose refuses`,
          `keep one of them, or give both the same value`,
          ["services", id, key],
        );
    }
    const build = isObject(raw.build) ? raw.build : undefined;
    if (build && build.dockerfile !== undefined && build.dockerfile_inline !== undefined)
      report(
        "compose-conflicting-keys",
        `the build of '${id}' sets both dockerfile and dockerfile_inline, which Compose refuses`,
        "keep one: a Dockerfile's path, or its text inline",
        ["services", id, "build", "dockerfile_inline"],
      );
    if (
      build &&
      Array.isArray(build.platforms) &&
      build.platforms.length > 0 &&
      typeof raw.platform === "string" &&
      !build.platforms.includes(raw.platform)
    )
      report(
        "compose-conflicting-keys",
        `'${id}' runs on ${raw.platform}, which its build.platforms leave out: Compose refuses it`,
        `add ${raw.platform} to build.platforms`,
        ["services", id, "platform"],
      );
    const watches = Array.isArray(at(raw.develop, ["watch"]))
      ? (at(raw.develop, ["watch"]) as unknown[])
      : [];
    watches.forEach((watch, index) => {
      if (isObject(watch) && watch.path === "")
        report(
          "schema-invalid-value",
          `a watch of '${id}' has an empty path, which Compose refuses`,
          "give the path on the host to watch",
          ["services", id, "develop", "watch", index, "path"],
        );
      if (isObject(watch) && !NEEDS_NO_TARGET.has(String(watch.action)) && watch.target === undefined)
        report(
          "schema-invalid-value",
          `the watch of '${id}' that ${watch.action === undefined ? "has no action" : `does ${String(watch.action)}`} needs a target in the container, which Compose refuses to go without`,
          "add target: the path in the container the files go to",
          ["services", id, "develop", "watch", index],
        );
    });
  }
  // Where a secret's or a config's content comes from: exactly one source, unless it exists
  // already (external) or a driver makes it.
  const sources = { secrets: ["file", "environment"], configs: ["file", "environment", "content"] };
  for (const [section, keys] of Object.entries(sources)) {
    for (const [name, entry] of Object.entries(isObject(merged[section]) ? (merged[section] as Json) : {})) {
      if (!isObject(entry)) continue;
      const given = keys.filter((key) => entry[key] !== undefined);
      const what = `the ${section.slice(0, -1)} '${name}'`;
      if (section === "secrets" && entry.content !== undefined)
        report(
          "schema-invalid-value",
          `${what} gives its content inline, which Compose takes for configs only`,
          "put it in a file (file: ./path) or a variable (environment: VARIABLE)",
          [section, name, "content"],
        );
      else if (given.length > 1)
        report(
          "compose-conflicting-keys",
          `${what} gives ${given.join(" and ")}, where Compose takes one`,
          `keep one of ${keys.join(", ")}`,
          [section, name, given[1]!],
        );
      else if (given.length === 0 && entry.external === undefined && entry.driver === undefined)
        report(
          "schema-invalid-value",
          `${what} gives nothing to read it from (${keys.join(", ")}), which Compose refuses`,
          `add file: ./path${keys.length > 2 ? ", environment: VARIABLE or content: …" : " or environment: VARIABLE"}, or external: true if it exists already`,
          [section, name],
        );
    }
  }
  // Something that exists already is only named: Compose refuses to be told how to make it.
  for (const section of ["volumes", "networks"]) {
    for (const [name, entry] of Object.entries(isObject(merged[section]) ? (merged[section] as Json) : {})) {
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
  return found;
}
