/**
 * A health check to suggest for a service that has none: the client a known store's image ships
 * with (pg_isready, redis-cli ping), else an HTTP request to the port the service listens on in its
 * container (never a host port), written as the model, Compose or Kubernetes has it.
 */
import { baseImage } from "./image-name.js";
import { KNOWN_IMAGES } from "./known-images.js";
import type { Service } from "./types.js";

/** Ports HTTP servers listen on by convention. */
const HTTP_PORTS: ReadonlySet<number> = new Set([
  80, 3000, 4000, 5000, 8000, 8008, 8080, 8081, 8888, 9000, 9090, 9200,
]);

/** Ports HTTPS servers listen on by convention: asked last, as https, where no plain one is. */
const HTTPS_PORTS: ReadonlySet<number> = new Set([443, 8443]);

/** Kinds that speak a protocol of their own, not HTTP. */
const STORES: ReadonlySet<string> = new Set(["database", "cache", "queue", "broker", "storage", "search"]);

export type HealthLanguage = "model" | "compose" | "kubernetes";

const flow = (words: readonly string[]) => `[${words.map((w) => JSON.stringify(w)).join(", ")}]`;

/** How to add a health check to `service`, in the terms of the files it was read from. */
export function healthSuggestion(service: Service, language: HealthLanguage): string {
  const image = service.image === undefined ? undefined : baseImage(service.image);
  const client = image === undefined ? undefined : KNOWN_IMAGES.get(image.name)?.check;
  if (client)
    return {
      model: `add health: { command: ${flow(client)} }`,
      compose: `add a healthcheck: { test: ${flow(["CMD", ...client])} }`,
      kubernetes: `add a readinessProbe (and a livenessProbe): { exec: { command: ${flow(client)} } }`,
    }[language];
  // The port it listens on in its container (a host port it is published on is not there), where
  // it speaks HTTP by its protocol or by its number: never SSH's 22 or a log shipper's input.
  // A number it also takes UDP on carries media or a protocol of its own (a call server's 8443), not a web page.
  const udp = new Set(service.ports.filter((p) => /^udp$/i.test(p.protocol)).map((p) => p.port));
  const tcp = service.ports.filter((p) => !/^(udp|sctp)$/i.test(p.protocol) && !udp.has(p.port));
  const http =
    tcp.find((p) => /^http$/i.test(p.protocol)) ??
    tcp.find((p) => HTTP_PORTS.has(p.port)) ??
    tcp.find((p) => /^https$/i.test(p.protocol) || HTTPS_PORTS.has(p.port));
  const port = STORES.has(service.kind) ? tcp[0]?.port : http?.port;
  const tls = http !== undefined && (/^https$/i.test(http.protocol) || HTTPS_PORTS.has(http.port));
  if (port === undefined)
    return {
      model: "add health: { command: [...] }, a command that fails when it is not working",
      compose: 'add a healthcheck: { test: ["CMD", …] }, a command that fails when it is not working',
      kubernetes:
        "add a readinessProbe (and a livenessProbe): exec with a command that fails when it is not working",
    }[language];
  // A store speaks its own protocol, not HTTP: its port open, or better its own client.
  if (STORES.has(service.kind))
    return {
      model: `add health: { tcp: ${service.ports.find((p) => p.port === port)?.name ?? port} }, or better { command: [...] } with the image's own client`,
      compose: `add a healthcheck: { test: ["CMD", …] } with the image's own client, which asks the server on port ${port} whether it is ready`,
      kubernetes: `add a readinessProbe (and a livenessProbe): { tcpSocket: { port: ${port} } }, or better exec with the image's own client`,
    }[language];
  return {
    model: "add health: { http: /health }, { tcp: port } or { command: [...] }",
    compose: `add a healthcheck: { test: ["CMD", "curl", "${tls ? "-fk" : "-f"}", "${tls ? "https" : "http"}://localhost:${port}/health"] }, or one with a client the image has (wget, its own)`,
    kubernetes: `add a readinessProbe (and a livenessProbe): { httpGet: { path: /health, port: ${port}${tls ? ", scheme: HTTPS" : ""} } }, or tcpSocket or exec`,
  }[language];
}
