/**
 * Liveness and readiness probes from the model's health check. Kubernetes probes HTTP and TCP
 * itself (no program needed in the image), so those win over a command; a command runs as exec.
 */
import type { IProbe } from "kubernetes-models/v1/Probe";
import type { HealthCheck } from "../../model/types.js";
import { durationSeconds } from "./quantity.js";

function handler(health: HealthCheck): IProbe | undefined {
  if (health.type === "http" && health.port) {
    return { httpGet: { path: health.path ?? "/", port: health.port.port } };
  }
  if (health.type === "tcp" && health.port) return { tcpSocket: { port: health.port.port } };
  if (health.command !== undefined) {
    const words = typeof health.command === "string" ? ["sh", "-c", health.command] : health.command;
    // The model writes a dollar sign as Compose does, $$; a probe's command is run as written.
    return { exec: { command: words.map((word) => word.replaceAll("$$", "$")) } };
  }
  return undefined;
}

export interface Probes {
  liveness: IProbe;
  readiness: IProbe;
}

export function probes(health: HealthCheck | undefined): Probes | undefined {
  if (!health) return undefined;
  const base = handler(health);
  if (!base) return undefined;
  const timing: IProbe = {};
  const period = durationSeconds(health.interval);
  const timeout = durationSeconds(health.timeout);
  if (period) timing.periodSeconds = period;
  if (timeout) timing.timeoutSeconds = timeout;
  if (health.retries !== undefined) timing.failureThreshold = Math.max(1, health.retries);
  const start = durationSeconds(health.startPeriod);
  // Liveness waits out the start period so a slow start is not taken for a hang; readiness need not.
  return {
    liveness: { ...base, ...timing, ...(start ? { initialDelaySeconds: start } : {}) },
    readiness: { ...base, ...timing },
  };
}
