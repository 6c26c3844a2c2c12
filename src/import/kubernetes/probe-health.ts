/**
 * A container's probe as the model's health check. The liveness probe is the one (it restarts the
 * container, as Compose's health check does), else the readiness or startup probe; the generator
 * gives it the start period, which the readiness probe does not wait.
 */
import type { ServiceInputType } from "../../model/schema.js";
import { asText } from "../json.js";
import { asObject, isObject, type Json } from "./objects.js";

const seconds = (value: unknown) => (typeof value === "number" ? `${value}s` : undefined);

const withPort = (port: string | number | undefined) => (port === undefined ? {} : { port });

/** The probe and the field it is in; `portOf` reads a probe's port as the model names it. */
export function probeHealth(
  container: Json,
  portOf: (port: unknown) => string | number | undefined,
): { health: NonNullable<ServiceInputType["health"]>; field: string } | undefined {
  const field = ["livenessProbe", "readinessProbe", "startupProbe"].find((p) => isObject(container[p]));
  if (!field) return undefined;
  const probe = asObject(container[field]);
  const timing = {
    ...(seconds(probe.periodSeconds) ? { interval: seconds(probe.periodSeconds)! } : {}),
    ...(seconds(probe.timeoutSeconds) ? { timeout: seconds(probe.timeoutSeconds)! } : {}),
    ...(typeof probe.failureThreshold === "number" ? { retries: probe.failureThreshold } : {}),
    ...(seconds(probe.initialDelaySeconds) ? { "start-period": seconds(probe.initialDelaySeconds)! } : {}),
  };
  const exec = asObject(probe.exec);
  let health: ServiceInputType["health"];
  if (isObject(probe.httpGet)) {
    const http = probe.httpGet;
    health = {
      http: typeof http.path === "string" ? http.path : "/",
      ...withPort(portOf(http.port)),
      ...timing,
    };
  } else if (isObject(probe.tcpSocket) || isObject(probe.grpc)) {
    const port = portOf(asObject(isObject(probe.tcpSocket) ? probe.tcpSocket : probe.grpc).port);
    health = port === undefined ? undefined : { tcp: port, ...timing };
  } else if (Array.isArray(exec.command)) health = { command: exec.command.map(asText), ...timing };
  return health ? { health, field } : undefined;
}
