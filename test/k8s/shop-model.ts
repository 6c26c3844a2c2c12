/** A small shop on Kubernetes (and on compose, for refusals), and a helper to emit and read it. */
import { expect } from "vitest";
import { emitKubernetes } from "../../src/emit/k8s/index.js";
import { loadModelText } from "../../src/load/index.js";
import { manifestObjects, type ParsedObject } from "./validate.js";

export function k8s(text: string, env = "prod") {
  const loaded = loadModelText(text, "model.yaml");
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const result = emitKubernetes(loaded.model!, env);
  const objects = result.files
    .filter((f) => f.path !== "kustomization.yaml")
    .flatMap((f) => manifestObjects(f.content));
  const find = (kind: string, name: string): ParsedObject | undefined =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);
  return { ...result, loaded, objects, find };
}

export const shop = `system: { name: Shop }
secrets:
  db-password: { description: Database password, source: vault }
  api-token: { description: Token of the payment provider, source: vault, env: PAYMENT_TOKEN }
services:
  api:
    kind: api
    image: shop/api:1.4.2
    ports: { http: 8080, metrics: { port: 9100, protocol: http } }
    health: { http: /health, interval: 15s, timeout: 3s, retries: 4, start-period: 1m }
    security: { run-as-non-root: true, user: "1000:1000", read-only-root: true }
    env:
      DB_PASSWORD: { secret: db-password }
      PAYMENT: { secret: api-token, key: token }
      DB_URL: { endpoint: db, path: /shop }
      CACHE_URL: { endpoint: cache }
      MODE: production
    uses: { db: SQL, cache: sessions }
  web:
    kind: web
    build: ./web
    ports: { http: 3000 }
    health: { tcp: http }
    uses: { api: REST }
  db:
    kind: database
    image: postgres:16-alpine
    ports: { postgres: 5432 }
    health: { command: [pg_isready, -U, shop] }
    memory: { request: 1Gi, limit: 2Gi }
    volumes: { data: /var/lib/postgresql/data }
    env: { POSTGRES_PASSWORD: { secret: db-password } }
  cache: { kind: cache, image: "redis:7-alpine", ports: { redis: 6379 }, health: { command: "redis-cli ping" } }
environments:
  prod:
    platform: kubernetes
    infrastructure: { TLS: cert-manager with Let's Encrypt, DNS: shop.example.org }
    nodes:
      cluster:
        kind: cluster
        nodes:
          edge:
            kind: ingress
            technology: ingress-nginx
            routes: { /: web, /api/*: api }
          shop:
            kind: namespace
            run:
              api: { replicas: { min: 2, max: 6, cpu-target: 65 }, cpu: { request: 250m, limit: 1 }, memory: { request: 256Mi, limit: 512Mi } }
              web: { replicas: 2 }
          data:
            kind: namespace
            run:
              db: { storage: { data: 20Gi } }
              cache:
  staging:
    platform: kubernetes
    nodes:
      k3s:
        kind: cluster
        technology: k3s on Raspberry Pi 4
        nodes:
          proxy: { kind: ingress, technology: Traefik, routes: { /: web } }
          all: { kind: namespace, run: [api, web, db, cache] }
  dev:
    platform: compose
    nodes: { laptop: { kind: host, run: [api, db, cache] } }
`;
