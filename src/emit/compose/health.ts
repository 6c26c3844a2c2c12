/**
 * A Compose healthcheck from the model's health check. An HTTP or TCP check needs a program inside
 * the image; we never assume `curl` is there. The model's own command wins; otherwise busybox `wget`
 * / `nc` for images known to carry busybox (alpine, busybox); otherwise no check and a warning.
 */
import type { HealthCheck, Instance } from "../../model/types.js";

export interface ComposeHealthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

function hasBusybox(image: string | undefined): boolean {
  return image !== undefined && /(^|[/:-])(alpine|busybox)/.test(image);
}

function commandTest(command: string | string[]): string[] {
  return typeof command === "string" ? ["CMD-SHELL", command] : ["CMD", ...command];
}

function probe(health: HealthCheck, image: string | undefined): string[] | undefined {
  if (health.command !== undefined) return commandTest(health.command);
  if (!hasBusybox(image) || !health.port) return undefined;
  if (health.type === "http")
    return ["CMD", "wget", "-q", "--spider", `http://localhost:${health.port.port}${health.path ?? "/"}`];
  if (health.type === "tcp") return ["CMD", "nc", "-z", "localhost", String(health.port.port)];
  return undefined;
}

/** The healthcheck, or undefined when the model gives no way to run it in this image. */
export function composeHealthcheck(instance: Instance): ComposeHealthcheck | undefined {
  const health = instance.service.health;
  if (!health) return undefined;
  const test = probe(health, instance.image);
  if (!test) return undefined;
  const check: ComposeHealthcheck = { test };
  if (health.interval) check.interval = health.interval;
  if (health.timeout) check.timeout = health.timeout;
  if (health.retries !== undefined) check.retries = health.retries;
  if (health.startPeriod) check.start_period = health.startPeriod;
  return check;
}
