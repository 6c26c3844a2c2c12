/**
 * A container's probe as the model's health check. The liveness probe is the one (it restarts the
 * container, as Compose's health check does), else the readiness or startup probe; the generator
 * gives it the start period, which the readiness probe does not wait.
 */
import type { ServiceInputType } from "../../model/schema.js";
import { asText } from "../json.js";
import { asObject, isObject, type Json } from "./objects.js";

const seconds = (value: unknown) => (typeof value === "number" ? `${value}s` : undefined);

export const PROBE_FIELDS = ["livenessProbe", "readinessProbe", "startupProbe"] as const;

/**
 * The probe and the field it is in; `portOf` reads a probe's port as the model names it, undefined
 * where the container has no such port. A probe that says no way to probe, or probes a port that
 * cannot be named so (a name the container does not give, a number that is no port), is passed
 * over for the next: the model never takes another port for the one written.
 */
export function probeHealth(
  container: Json,
  portOf: (port: unknown) => string | number | undefined,
): { health: NonNullable<ServiceInputType["health"]>; field: string } | undefined {
  for (const field of PROBE_FIELDS) {
    if (!isObject(container[field])) continue;
    const health = healthOf(container[field], portOf);
    if (health) return { health, field };
  }
  return undefined;
}

function healthOf(
  probe: Json,
  portOf: (port: unknown) => string | number | undefined,
): ServiceInputType["health"] | undefined {
  const timing = {
    ...(seconds(probe.periodSeconds) ? { interval: seconds(probe.periodSeconds)! } : {}),
    ...(seconds(probe.timeoutSeconds) ? { timeout: seconds(probe.timeoutSeconds)! } : {}),
    ...(typeof probe.failureThreshold === "number" ? { retries: probe.failureThreshold } : {}),
    ...(seconds(probe.initialDelaySeconds) ? { "start-period": seconds(probe.initialDelaySeconds)! } : {}),
  };
  const exec = asObject(probe.exec);
  if (isObject(probe.httpGet)) {
    const http = probe.httpGet;
    const port = portOf(http.port);
    return port === undefined
      ? undefined
      : { http: typeof http.path === "string" ? http.path : "/", port, ...timing };
  }
  if (isObject(probe.tcpSocket) || isObject(probe.grpc)) {
    const port = portOf(asObject(isObject(probe.tcpSocket) ? probe.tcpSocket : probe.grpc).port);
    return port === undefined ? undefined : { tcp: port, ...timing };
  }
  if (Array.isArray(exec.command)) return { command: exec.command.map(asText), ...timing };
  return undefined;
}
