/**
 * A kernel parameter set to what the kernel does not read: Docker passes the value on as text and
 * the container runtime writes it under /proc/sys, where a parameter of numbers refuses anything
 * else ("write sysctl key …: invalid argument") and the container does not start. Only parameters
 * known to take numbers are held to it: others take text (net.ipv4.tcp_congestion_control: bbr,
 * kernel.hostname, an address for stable_secret), and one not known here is given the benefit of
 * the doubt.
 */
import type { Json } from "../json.js";
import type { Report } from "./consistency.js";
import { IPC_SYSCTLS } from "./ipc-sysctls.js";
import { writtenEntries } from "./written-entries.js";

/** Parameters of one or more whole numbers, a container may set (the namespaced ones). */
const NUMERIC = new Set([
  "net.core.somaxconn",
  "net.ipv4.ip_forward",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_nonlocal_bind",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.ping_group_range",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_max_syn_backlog",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.tcp_tw_reuse",
  "net.ipv4.tcp_wmem",
  "net.ipv6.ip_nonlocal_bind",
  ...IPC_SYSCTLS,
]);

/** Whether the kernel reads the parameter as numbers: every per-interface one but IPv6's stable secret. */
function takesNumbers(name: string): boolean {
  if (NUMERIC.has(name) || name.startsWith("fs.mqueue.")) return true;
  const perInterface = name.startsWith("net.ipv4.conf.") || name.startsWith("net.ipv6.conf.");
  return perInterface && name.split(".").length === 5 && !name.endsWith(".stable_secret");
}

export function sysctlValueRefusals(id: string, raw: Json, report: Report): void {
  if (raw.sysctls === undefined) return;
  const numbers = /^-?\d+(?:\s+-?\d+)*$/;
  for (const { name: written, value, step } of writtenEntries(raw.sysctls)) {
    const name = written.trim();
    const text = value?.trim() ?? "";
    // Nothing written is a variable not set here, reported with the variable.
    if (text === "" || !takesNumbers(name) || numbers.test(text)) continue;
    report(
      "runtime-refused",
      `'${id}' sets the kernel parameter ${name} to '${text}', where the kernel takes a number: the container runtime fails to start the container (invalid argument)`,
      "give a whole number, such as 1 for on and 0 for off",
      ["services", id, "sysctls", step],
    );
  }
}
