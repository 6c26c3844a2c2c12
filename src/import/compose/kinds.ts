/** A first guess at a service's kind from its name and image; init marks it for a person to confirm. */
import { serviceKindNames } from "../../model/kinds.js";
import type { ServiceKind } from "../../model/types.js";

const patterns: [RegExp, ServiceKind][] = [
  // Tools and APIs named after the database they serve come before the databases themselves.
  [/postgrest|postgres-meta|pg-meta|hasura/, "api"],
  [/pgadmin|adminer|phpmyadmin|mongo-express|redis-commander|redisinsight|kafka-ui|mailhog|mailpit/, "tool"],
  [
    /postgres|mysql|mariadb|mongo|couchdb|cassandra|clickhouse|dgraph|neo4j|weaviate|qdrant|elasticsearch|opensearch|influxdb|timescale|cockroach|supabase\/postgres/,
    "database",
  ],
  [/redis|valkey|memcached|keydb|dragonfly/, "cache"],
  [/rabbitmq|kafka|nats|mosquitto|emqx|activemq|pulsar|zookeeper/, "broker"],
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

export function guessKind(id: string, image: string | undefined): ServiceKind {
  const haystack = `${image ?? ""} ${id}`.toLowerCase();
  return patterns.find(([pattern]) => pattern.test(haystack))?.[1] ?? "other";
}
