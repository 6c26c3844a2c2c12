import { describe, expect, it } from "vitest";
import { healthSuggestion } from "../../src/model/health-suggestion.js";
import type { Service } from "../../src/model/types.js";

const service = (
  image: string | undefined,
  ports: { port: number; protocol?: string }[] = [],
  kind = "web",
) =>
  ({
    image,
    kind,
    ports: ports.map(({ port, protocol }) => ({ name: `p${port}`, port, protocol: protocol ?? "http" })),
  }) as unknown as Service;

describe("the health check suggested for a service without one", () => {
  it("is the client a known store's image ships with, whatever registry or tag it is pulled by", () => {
    expect(healthSuggestion(service("postgres:16.2", [{ port: 5432 }]), "compose")).toBe(
      'add a healthcheck: { test: ["CMD", "pg_isready", "-U", "postgres"] }',
    );
    expect(healthSuggestion(service("docker.io/library/redis:7.2"), "kubernetes")).toBe(
      'add a readinessProbe (and a livenessProbe): { exec: { command: ["redis-cli", "ping"] } }',
    );
    expect(healthSuggestion(service("valkey/valkey:8.0"), "model")).toBe(
      'add health: { command: ["valkey-cli", "ping"] }',
    );
    // PostgreSQL's image with extensions ships its client too.
    expect(healthSuggestion(service("postgis/postgis:16-3.4", [{ port: 5432 }]), "model")).toBe(
      'add health: { command: ["pg_isready", "-U", "postgres"] }',
    );
  });

  it("probes the port the service listens on in its container, never one it is published on", () => {
    // nginx published as 8080:80 listens on 80 in its container.
    expect(healthSuggestion(service("nginx:1.25", [{ port: 80 }]), "compose")).toContain(
      "http://localhost:80/health",
    );
    expect(
      healthSuggestion(service("acme/dns:1.0", [{ port: 53, protocol: "udp" }]), "compose"),
    ).not.toContain("localhost");
    // SSH's port, or a log shipper's input, speak no HTTP: the suggestion names no port.
    const gitea = (ports: number[]) =>
      healthSuggestion(
        service(
          "gitea/gitea:1.21",
          ports.map((port) => ({ port, protocol: "tcp" })),
        ),
        "compose",
      );
    expect(gitea([22])).not.toContain("localhost");
    expect(gitea([22, 3000])).toContain("http://localhost:3000/health");
    // A web port before a TLS one; a port also taken on UDP carries media, not pages.
    const chat = (ports: { port: number; protocol: string }[]) =>
      healthSuggestion(service("acme/chat:9.1", ports), "compose");
    expect(
      chat([
        { port: 8443, protocol: "tcp" },
        { port: 8080, protocol: "tcp" },
      ]),
    ).toContain('"-f", "http://localhost:8080/health"');
    expect(chat([{ port: 443, protocol: "tcp" }])).toContain('"-fk", "https://localhost:443/health"');
    expect(
      chat([
        { port: 8443, protocol: "udp" },
        { port: 8443, protocol: "tcp" },
      ]),
    ).not.toContain("localhost");
    expect(
      healthSuggestion(service("acme/chat:9.1", [{ port: 8443, protocol: "tcp" }]), "kubernetes"),
    ).toContain("port: 8443, scheme: HTTPS");
    // A store of another publisher may ship other clients; it speaks no HTTP either.
    expect(
      healthSuggestion(service("bitnami/postgresql:16", [{ port: 5432 }], "database"), "kubernetes"),
    ).toContain("tcpSocket: { port: 5432 }");
  });
});
