/**
 * What Docker or the container runtime refuses in a service Compose itself accepts: published ports
 * in another container's network stack, a port protocol no socket has, a kernel parameter that is
 * the host's, a volume mounted at a relative path, a memory limit too small to start in. The
 * container is not made or not started. And a volume option Compose passes over without a word,
 * which is only a warning.
 */
import { isContainerPath } from "../../model/mounts.js";
import { asText, hasEntries, isObject, type Json, valueAt } from "../json.js";
import { propagationRefusals } from "./bind-propagation.js";
import type { Report } from "./consistency.js";
import { healthRefusals } from "./health-refusals.js";
import { IPC_SYSCTLS } from "./ipc-sysctls.js";
import { parseShortVolume } from "./short-volume.js";
import { sizeBytes } from "./sizes.js";
import { stopSignalRefusal } from "./stop-signal.js";
import { sysctlValueRefusals } from "./sysctl-values.js";
import { writtenEntries } from "./written-entries.js";

/** Docker's least memory limit or reservation: "Minimum memory limit allowed is 6MB". */
const LEAST_MEMORY = 6 * 1024 * 1024;

/** The keys that set a container's memory limit or reservation, with what each sets. */
const MEMORY_KEYS: [path: string[], what: string][] = [
  [["mem_limit"], "memory limit"],
  [["mem_reservation"], "memory reservation"],
  [["deploy", "resources", "limits", "memory"], "memory limit"],
  [["deploy", "resources", "reservations", "memory"], "memory reservation"],
];

/** A memory size Docker refuses as too small to start in; a number without a unit is bytes. */
function memoryRefusals(id: string, raw: Json, report: Report): void {
  for (let i = 0; i < MEMORY_KEYS.length; i++) {
    const path = MEMORY_KEYS[i]![0];
    const what = MEMORY_KEYS[i]![1];
    const value = valueAt(raw, path);
    const bytes = sizeBytes(value);
    if (bytes === undefined || bytes <= 0 || bytes >= LEAST_MEMORY) continue;
    report(
      "runtime-refused",
      (written) =>
        `'${id}' sets a ${what} of ${bytes} byte${bytes === 1 ? "" : "s"} (${path.join(".")}: ${written(["services", id, ...path], value)}), where Docker refuses less than 6 MB`,
      /^\d+$/.test(asText(value).trim())
        ? `a number without a unit is bytes: write ${asText(value).trim()}m for megabytes`
        : "give it at least 6m",
      ["services", id, ...path],
    );
  }
}

/** Transport protocols a published port takes; an application protocol (http) is not one. */
const PORT_PROTOCOLS = new Set(["tcp", "udp", "sctp"]);

/**
 * Kernel parameters a container has a namespace of its own for, and so may set (runc's list):
 * others are the host's, and the container is not started.
 */
const NAMESPACED_SYSCTLS = new Set([...IPC_SYSCTLS, "kernel.domainname", "kernel.hostname"]);

function sysctlProblem(name: string, hostNetwork: boolean): string | undefined {
  if (name.startsWith("net."))
    return hostNetwork ? "on the host's network it would set the host's" : undefined;
  if (NAMESPACED_SYSCTLS.has(name) || name.startsWith("fs.mqueue.")) return undefined;
  return "it is the host's, not the container's (no namespace of the container's own holds it)";
}

/** The transport protocol a ports entry gives, if it gives one. */
function portProtocol(entry: unknown): string | undefined {
  if (isObject(entry)) return typeof entry.protocol === "string" ? entry.protocol : undefined;
  const text = asText(entry);
  const slash = text.lastIndexOf("/");
  return slash >= 0 ? text.slice(slash + 1) : undefined;
}

/** Options a short volume entry may end with (host:container:options), comma-separated. */
const VOLUME_OPTIONS = new Set([
  "ro",
  "rw",
  "z",
  "Z",
  "nocopy",
  "shared",
  "rshared",
  "slave",
  "rslave",
  "private",
  "rprivate",
  "consistent",
  "cached",
  "delegated",
]);

/** A volume entry's target in the container and its options, as written, and why Compose refuses it. */
function volumeParts(entry: unknown): { target?: string; options: string[]; problem?: string } {
  if (isObject(entry))
    return typeof entry.target === "string" ? { target: entry.target, options: [] } : { options: [] };
  return parseShortVolume(asText(entry));
}

function volumeRefusals(id: string, raw: Json, report: Report): void {
  if (Array.isArray(raw.volumes))
    raw.volumes.forEach((entry, index) => {
      const { target, options, problem } = volumeParts(entry);
      if (problem) {
        report(
          "schema-invalid-value",
          `'${id}' mounts '${asText(entry)}', which Compose refuses: ${problem}`,
          "write source:target or source:target:options; a host path with a colon of its own needs the long syntax",
          ["services", id, "volumes", index],
        );
        return;
      }
      if (target !== undefined && target !== "" && !isContainerPath(target))
        report(
          "runtime-refused",
          `'${id}' mounts a volume at ${target}, which is not an absolute path in the container: Docker refuses it`,
          // r:/data is no volume r: Compose reads a single letter before a colon as a Windows drive.
          /^[A-Za-z]:/.test(target)
            ? `Compose reads a single letter and a colon as a Windows drive: give the volume a longer name than '${target[0]}'`
            : `write it from the root: /${target.replace(/^\.\//, "")}`,
          ["services", id, "volumes", index],
        );
      // Docker: "invalid mount config for type "tmpfs": field Source must not be specified".
      if (
        isObject(entry) &&
        entry.type === "tmpfs" &&
        typeof entry.source === "string" &&
        entry.source !== ""
      )
        report(
          "runtime-refused",
          `'${id}' mounts a tmpfs at ${target ?? "its target"} with the source '${entry.source}', which Docker refuses: a tmpfs is made empty in memory and has no source`,
          "leave the source out, or mount a named volume (type: volume) if the data should come from it",
          ["services", id, "volumes", index, "source"],
        );
      // Compose passes over an option it does not know: a misspelt ro leaves the volume writable.
      const unknown = options.find((option) => !VOLUME_OPTIONS.has(option));
      if (unknown !== undefined)
        report(
          "schema-invalid-value",
          `'${id}' mounts a volume with the option '${unknown}', which Compose passes over: ${options.includes("ro") ? "the rest still apply" : "the volume is mounted read-write"}`,
          "use ro or rw (and z, Z, nocopy or a propagation such as rshared), separated by commas",
          ["services", id, "volumes", index],
          "warning",
        );
    });
  const tmpfs = Array.isArray(raw.tmpfs) ? raw.tmpfs : typeof raw.tmpfs === "string" ? [raw.tmpfs] : [];
  tmpfs.forEach((entry, index) => {
    const target = asText(entry).split(":")[0]!;
    if (target !== "" && !isContainerPath(target))
      report(
        "runtime-refused",
        `'${id}' mounts a tmpfs at ${target}, which is not an absolute path in the container: Docker refuses it`,
        `write it from the root: /${target}`,
        Array.isArray(raw.tmpfs) ? ["services", id, "tmpfs", index] : ["services", id, "tmpfs"],
      );
  });
}

/** What a container running in another's network stack cannot set for itself, with what it is. */
const SHARED_STACK_KEYS = [
  ["hostname", "a host name"],
  ["links", "links"],
  ["dns", "DNS servers"],
  ["extra_hosts", "host entries"],
  ["expose", "exposed ports"],
] as const;

/** The keys that say how many containers a service runs. */
const COUNT_KEYS = [["deploy", "replicas"], ["scale"]];

/** A negative count, which Compose does not refuse when it reads the file but crashes on at `up`. */
function countRefusals(id: string, raw: Json, report: Report): void {
  for (const path of COUNT_KEYS) {
    const value = valueAt(raw, path);
    if (typeof value === "number" && value < 0)
      report(
        "runtime-refused",
        (written) =>
          `'${id}' asks for ${written(["services", id, ...path], value)} containers (${path.join(".")}), which Compose cannot run: \`up\` stops with an internal error`,
        "give 0 or more; 0 defines the service without running it",
        ["services", id, ...path],
      );
  }
}

export function runtimeRefusals(id: string, raw: Json, report: Report): void {
  volumeRefusals(id, raw, report);
  propagationRefusals(id, raw, report);
  stopSignalRefusal(id, raw, report);
  healthRefusals(id, raw, report);
  sysctlValueRefusals(id, raw, report);
  memoryRefusals(id, raw, report);
  countRefusals(id, raw, report);
  const networkMode = typeof raw.network_mode === "string" ? raw.network_mode : undefined;
  // Docker: "conflicting options: port publishing and the container sharing network namespace".
  const shared = networkMode && /^(?:service|container):(.+)$/.exec(networkMode)?.[1];
  if (shared && hasEntries(raw.ports))
    report(
      "compose-conflicting-keys",
      `'${id}' publishes ports, but runs in the network stack of '${shared}' (network_mode: ${networkMode}), where Docker refuses to publish any`,
      `publish them on '${shared}', whose network '${id}' shares`,
      ["services", id, "ports"],
    );
  // The rest of what belongs to a network stack, which Docker refuses to set on a shared one
  // ("conflicting options: hostname and the network mode"), a classic of services behind a VPN container.
  for (let i = 0; i < SHARED_STACK_KEYS.length; i++) {
    const key = SHARED_STACK_KEYS[i]![0];
    const what = SHARED_STACK_KEYS[i]![1];
    if (shared && (hasEntries(raw[key]) || (typeof raw[key] === "string" && raw[key] !== "")))
      report(
        "compose-conflicting-keys",
        `'${id}' sets ${what} (${key}), but runs in the network stack of '${shared}' (network_mode: ${networkMode}), where Docker refuses it`,
        `set it on '${shared}', whose network '${id}' shares, or leave it out`,
        ["services", id, key],
      );
  }
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
  for (const { name: written, step } of writtenEntries(raw.sysctls)) {
    const name = written.trim();
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
}
