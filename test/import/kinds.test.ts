import { describe, expect, it } from "vitest";
import { guessKind } from "../../src/import/compose/kinds.js";

describe("a service's kind, guessed", () => {
  it("comes from its name and image first", () => {
    expect(guessKind("db", "mcr.microsoft.com/mssql/server:2022-CU12-ubuntu-22.04")).toBe("database");
    expect(guessKind("events", "redpandadata/redpanda:v24.1.1")).toBe("broker");
    expect(guessKind("postgrest", "postgrest/postgrest:v12.0.2")).toBe("api");
    // A pooler in front of a database keeps nothing of its own.
    expect(guessKind("supavisor", "supabase/supavisor:2.7.4", [5432])).toBe("proxy");
    expect(guessKind("pgbouncer", "edoburu/pgbouncer:1.22")).toBe("proxy");
    // A name that says what it is wins over the port it listens on.
    expect(guessKind("billing-api", "acme/billing:1.0", [5432])).toBe("api");
    // A project name that a store also has is no store.
    expect(guessKind("artemis-api", "acme/artemis:2.1")).toBe("api");
    // An exporter is named after what it watches, and is no store.
    expect(guessKind("exporter", "quay.io/prometheuscommunity/postgres-exporter:v0.15.0")).toBe(
      "observability",
    );
    expect(guessKind("redis-exporter", "oliver006/redis_exporter:v1.62.0")).toBe("observability");
    expect(guessKind("mysqld-exporter", "prom/mysqld-exporter:v0.15.1")).toBe("observability");
    // PostgreSQL with extensions, whatever the service is called; a vector store is no log shipper.
    expect(guessKind("gis", "postgis/postgis:16-3.4")).toBe("database");
    expect(guessKind("embeddings", "pgvector/pgvector:pg16")).toBe("database");
    expect(guessKind("vectors", "ankane/pgvector")).toBe("database");
    // Search engines keep their indexes as Elasticsearch does, and etcd is a store of keys.
    expect(guessKind("search", "getmeili/meilisearch:v1.6")).toBe("database");
    expect(guessKind("search", "typesense/typesense:0.25.2")).toBe("database");
    expect(guessKind("index", "solr:9.5")).toBe("database");
    expect(guessKind("kv", "quay.io/coreos/etcd:v3.5.12")).toBe("database");
    // DocumentDB keeps MongoDB's documents in PostgreSQL, under a name that says neither.
    expect(guessKind("docs", "ghcr.io/documentdb/documentdb/documentdb-local:pg17-0.112.0")).toBe("database");
  });

  it("takes what runs beside a store for what it is: a connector, a REST proxy, an admin page, a client", () => {
    expect(guessKind("connect", "confluentinc/cp-kafka-connect:7.6.0")).toBe("worker");
    expect(guessKind("connect", "cnfldemos/cp-server-connect-datagen:0.6.4-7.6.0")).toBe("worker");
    expect(guessKind("cdc", "debezium/connect:2.5")).toBe("worker");
    expect(guessKind("ksqldb-server", "confluentinc/cp-ksqldb-server:7.6.0")).toBe("worker");
    expect(guessKind("rest-proxy", "confluentinc/cp-kafka-rest:7.6.0")).toBe("api");
    expect(guessKind("kafdrop", "obsidiandynamics/kafdrop:4.0.1")).toBe("tool");
    expect(guessKind("akhq", "tchiotludo/akhq:0.24.0")).toBe("tool");
    expect(guessKind("elastic-hq", "elastichq/elasticsearch-hq:release-v3.5.12")).toBe("tool");
    expect(guessKind("cerebro", "lmenezes/cerebro:0.9.4")).toBe("tool");
    expect(guessKind("mysql-client", "mysql:8.0")).toBe("tool");
    expect(guessKind("redis-cli", "redis:7.2")).toBe("tool");
    // Confluent's broker is its server image, whatever the service is called.
    expect(guessKind("broker", "confluentinc/cp-server:7.6.0")).toBe("broker");
    expect(guessKind("kafka", "confluentinc/cp-kafka:7.6.0")).toBe("broker");
  });

  it("takes a step that sets the others up and exits for a job, whatever image it runs", () => {
    expect(guessKind("setup", undefined)).toBe("job");
    expect(guessKind("db-migrate", "acme/api:1.4")).toBe("job");
    expect(guessKind("postgres-init", "postgres:16")).toBe("job");
    expect(guessKind("minio-createbuckets", "minio/mc:RELEASE.2024-01-01")).toBe("job");
    expect(guessKind("kibana-genkeys", undefined)).toBe("job");
    expect(guessKind("schema", "flyway/flyway:10")).toBe("job");
    // Words that only contain one are no step.
    expect(guessKind("initiative-api", "acme/initiative:1")).toBe("api");
    expect(guessKind("seedvault", "acme/seedvault:1")).toBe("other");
  });

  it("else from the port a datastore listens on by default", () => {
    expect(guessKind("store", "acme/store:1.0", [8080, 5432])).toBe("database");
    expect(guessKind("sessions", "acme/kv:2", [6379])).toBe("cache");
    expect(guessKind("bus", "acme/bus:2", [5672])).toBe("broker");
    expect(guessKind("thing", "acme/thing:1", [8080])).toBe("other");
  });
});
