/** A first guess at a service's kind from its name and image; init marks it for a person to confirm. */
import { serviceKindNames } from "../../model/kinds.js";
import type { ServiceKind } from "../../model/types.js";

const patterns: [RegExp, ServiceKind][] = [
  // What sets the others up and exits: named for the step (setup, db-migrate, minio-createbuckets),
  // whatever image it runs, a database's client included.
  [
    /(?:^|[\s/_-])(?:setup|init|migrate|migrations?|seed|seeder|bootstrap|createbuckets|genkeys|provision(?:er)?)(?:$|[\s_-])/,
    "job",
  ],
  [/flyway|liquibase/, "job"],
  // A metrics exporter is named after what it watches (postgres-exporter, redis_exporter) and keeps nothing.
  [/exporter|prometheus/, "observability"],
  // Tools and APIs named after the database they serve come before the databases themselves.
  [/postgrest|postgres-meta|pg-meta|hasura/, "api"],
  // Connection poolers and routers stand in front of a database and keep nothing of their own.
  [/pgbouncer|supavisor|pgpool|pgcat|odyssey|proxysql|mysql-router|maxscale/, "proxy"],
  [
    /pgadmin|adminer|phpmyadmin|mongo-express|redis-commander|redisinsight|kafka-ui|kafdrop|akhq|elastichq|elasticsearch-hq|cerebro|mailhog|mailpit/,
    "tool",
  ],
  // A store's client run by itself (mysql-client, redis-cli) serves and keeps nothing.
  [/(?:postgres|psql|mysql|mariadb|mongo|redis|valkey)[-_]?(?:client|cli|shell)\b/, "tool"],
  // What runs beside a broker keeps its state in the broker's topics: connectors, stream processors.
  [/kafka-connect|server-connect|debezium\/connect|ksqldb|ksql-/, "worker"],
  [/kafka-rest/, "api"],
  // Confluent's broker is its server image, which the words for an API would take for one.
  [/confluentinc\/cp-server(?=$|[\s:@])/, "broker"],
  [
    /postgres|postgis|pgvector|mysql|mariadb|percona|mssql|sqlserver|oracle\/database|oracle-(?:xe|free)|mongo|couchdb|couchbase|cassandra|scylla|clickhouse|dgraph|neo4j|memgraph|arangodb|rethinkdb|surrealdb|questdb|yugabyte|pingcap\/tidb|weaviate|qdrant|milvus|elasticsearch|opensearch|meilisearch|typesense|influxdb|timescale|cockroach|supabase\/postgres|documentdb/,
    "database",
  ],
  // Short names only where they are the whole image's or service's name: solr, not consolr.
  [/(?:^|[\s/])(?:solr|etcd)(?=$|[\s:@])/, "database"],
  [/redis|valkey|memcached|keydb|dragonfly|hazelcast|microsoft\/garnet/, "cache"],
  [/rabbitmq|kafka|redpanda|nats|mosquitto|emqx|vernemq|hivemq|activemq|pulsar|zookeeper/, "broker"],
  [/minio|seaweedfs|garage|azurite/, "storage"],
  [/nginx|traefik|caddy|haproxy|envoy|kong/, "proxy"],
  [/prometheus|grafana|loki|promtail|jaeger|tempo|otel|alertmanager|vector|fluent/, "observability"],
  [/keycloak|authelia|authentik|gotrue|hydra|dex/, "auth"],
  [/ollama|vllm|llama|text-generation/, "ai"],
  [/airflow-scheduler|scheduler|cron/, "scheduler"],
  [/worker|celery|sidekiq|queue/, "worker"],
  [/frontend|web|ui|nextjs|store-front|store-admin/, "web"],
  [/api|backend|server|service/, "api"],
];

export const serviceKinds: ReadonlySet<string> = new Set(serviceKindNames);

/** The ports datastores listen on by default, for a service whose name and image say nothing. */
const datastorePorts = new Map<number, ServiceKind>([
  ...[5432, 3306, 1433, 1521, 27017, 9042, 7687, 26257, 5984, 8086].map(
    (port) => [port, "database"] as const,
  ),
  ...[6379, 11211].map((port) => [port, "cache"] as const),
  ...[5672, 9092, 4222, 1883, 61616].map((port) => [port, "broker"] as const),
]);

export function guessKind(id: string, image: string | undefined, ports: readonly number[] = []): ServiceKind {
  const haystack = `${image ?? ""} ${id}`.toLowerCase();
  for (let i = 0; i < patterns.length; i++) if (patterns[i]![0].test(haystack)) return patterns[i]![1];
  for (const port of ports) {
    const kind = datastorePorts.get(port);
    if (kind) return kind;
  }
  return "other";
}
