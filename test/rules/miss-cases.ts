/**
 * For each rule, a model or files close to what it flags, written as they should be: the rule
 * finds nothing there. The hits, with their exact positions, are in cases.ts.
 */
import {
  claim,
  disruptionBudget,
  head,
  networkPolicy,
  oneContainer,
  type RuleCase,
  selectsNothing,
  service,
  workloadHead,
} from "./cases.js";

export const missCases: RuleCase[] = [
  {
    // Secrets that hold nothing yet: the token the cluster fills in, values left empty or null or
    // to be filled in at deploy time, and a certificate, which is public.
    rule: "plaintext-secret",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        "apiVersion: v1",
        "kind: Secret",
        "metadata: { name: api-token, annotations: { kubernetes.io/service-account.name: api } }",
        "type: kubernetes.io/service-account-token",
        "---",
        "apiVersion: v1",
        "kind: Secret",
        "metadata: { name: db }",
        "data:",
        '  empty: ""',
        "  unset:",
        "  changeme: Y2hhbmdlbWU=",
        "stringData:",
        "  later: ~",
        "  password: ${DB_PASSWORD}",
        "  token: $(API_TOKEN)",
        '  key: "{{ .Values.apiKey }}"',
        "  user: <username>",
        "  other: REPLACE_ME",
        "  url: postgres://shop:${DB_PASSWORD}@db:5432/shop",
        "---",
        "apiVersion: v1",
        "kind: Secret",
        "metadata: { name: ca }",
        "data:",
        "  ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUI=",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // One replica, a claim several nodes can mount, and a claim per replica.
    rule: "claim-shared-by-replicas",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...claim("uploads", "ReadWriteOnce"),
        "---",
        ...claim("shared", "ReadWriteMany"),
        "---",
        ...workloadHead("Deployment", "web"),
        "    spec: { containers: [{ name: web, image: 'web:1.0' }], volumes: [{ name: up, persistentVolumeClaim: { claimName: uploads } }] }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0' }], volumes: [{ name: sh, persistentVolumeClaim: { claimName: shared } }] }",
        "---",
        "apiVersion: apps/v1",
        "kind: StatefulSet",
        "metadata: { name: db }",
        "spec:",
        "  replicas: 3",
        "  serviceName: db",
        "  selector: { matchLabels: { app: db } }",
        "  template:",
        "    metadata: { labels: { app: db } }",
        "    spec: { containers: [{ name: db, image: 'postgres:16', volumeMounts: [{ name: data, mountPath: /var/lib/postgresql/data }] }] }",
        "  volumeClaimTemplates: [{ metadata: { name: data }, spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } } } }]",
        "---",
        ...service("db", "{ clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }"),
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // A migration that uses the database's image but exits when done: nothing says it runs on.
    rule: "wait-for-server-exit",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  migrate: { image: 'postgres:16', command: [psql, -f, /init.sql], restart: 'no' }",
        "  api: { image: 'shop/api:1.0', depends_on: { migrate: { condition: service_completed_successfully } } }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // One volume at two paths, and one path twice in two containers, are mounts Docker and Kubernetes take.
    rule: "duplicate-mount-path",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  a: { image: a:1, volumes: ['data:/a', 'data:/b/', './c:/c'] }\n  b: { image: b:1, volumes: ['data:/a'] }\nvolumes: { data: {} }\n",
    },
    expected: [],
  },
  {
    rule: "duplicate-mount-path",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - { name: api, image: 'api:1.0', volumeMounts: [{ name: conf, mountPath: /etc/a, subPath: a }, { name: conf, mountPath: /etc/b, subPath: b }] }",
        "        - { name: agent, image: 'agent:1.0', volumeMounts: [{ name: conf, mountPath: /etc/a }] }",
        "      volumes: [{ name: conf, configMap: { name: conf, optional: true } }]",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "writable-root-filesystem",
    text: `${head}services:\n  a: { kind: api, image: "a:1", security: { read-only-root: true }, volumes: { tmp: /tmp } }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: {}, b: { workload: Process } } } } }\n`,
    // A service that runs as a process on the host has no container to harden.
    expected: [],
  },
  {
    rule: "net-raw-not-dropped",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - { name: api, image: 'api:1.0', securityContext: { capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] } } }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web: { image: 'nginx:1.27', ports: ['80:80'], container_name: web, profiles: [prod] }",
        "  devweb: { image: 'nginx:1.27', ports: ['80:80'], container_name: web, profiles: [dev, debug] }",
        "",
      ].join("\n"),
    },
    // Services of different profiles are alternatives: they never start together.
    expected: [],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  media: { image: 'media:1', ports: ['8000-8010:8000-8010'], profiles: [media] }",
        "  web: { image: 'web:1', ports: ['8005:80'], profiles: [web] }",
        "",
      ].join("\n"),
    },
    // A range clashes only with what starts with it.
    expected: [],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  one: { image: 'a:1.0', ports: ['127.0.0.1:7000:7000'] }",
        "  zero: { image: 'b:1.0', ports: ['127.0.0.1:7000:7000'], deploy: { replicas: 0 } }",
        "",
      ].join("\n"),
    },
    // Scaled to none, it starts no container to take the port.
    expected: [],
  },
  {
    rule: "container-name-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web: { image: 'nginx:1.27', container_name: web, profiles: [prod] }",
        "  devweb: { image: 'nginx:1.27', container_name: web, profiles: [dev] }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "replicas-without-disruption-budget",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "  replicas: 3",
        "---",
        ...disruptionBudget(
          "api",
          "{ maxUnavailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchExpressions: [{ key: app, operator: In, values: [api] }] } }",
        ),
        "",
      ].join("\n"),
    },
    // A budget that selects its pods with an expression guards them as well as one with labels.
    expected: [],
  },
  {
    rule: "autoscaler-targets-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0', resources: { requests: { cpu: 100m } } }] }",
        "---",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: { name: api }",
        "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }, minReplicas: 2, maxReplicas: 4 }",
        "---",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: { name: canary }",
        "spec: { scaleTargetRef: { apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: canary }, maxReplicas: 4 }",
        "",
      ].join("\n"),
    },
    // A Rollout is a kind the manifests' reader leaves alone: nothing to compare it with.
    expected: [],
  },
  {
    // An empty podSelector selects every pod of its namespace (a default deny); the others select
    // the pods of api by a label and by a requirement.
    rule: "network-policy-selects-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...networkPolicy("default-deny", "{ podSelector: {}, policyTypes: [Ingress, Egress] }"),
        "---",
        ...networkPolicy("api", "{ podSelector: { matchLabels: { app: api } }, policyTypes: [Ingress] }"),
        "---",
        ...networkPolicy(
          "not-canary",
          "{ podSelector: { matchExpressions: [{ key: track, operator: NotIn, values: [canary] }] } }",
        ),
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "disruption-budget-selects-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...disruptionBudget(
          "api",
          "{ minAvailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: api } } }",
        ),
        "---",
        ...disruptionBudget(
          "tier",
          "{ maxUnavailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchExpressions: [{ key: app, operator: In, values: [api, web] }] } }",
        ),
        "",
      ].join("\n"),
    },
    // Written with an expression, the second budget guards the same pods.
    expected: [],
  },
  {
    rule: "disruption-budgets-overlap",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api", "shop"),
        "    spec: { containers: [{ name: api, image: 'api:1.0' }] }",
        "---",
        ...workloadHead("Deployment", "api", "staging"),
        "    spec: { containers: [{ name: api, image: 'api:1.0' }] }",
        "---",
        ...workloadHead("Deployment", "web", "shop"),
        "    spec: { containers: [{ name: web, image: 'web:1.0' }] }",
        "---",
        "apiVersion: policy/v1",
        "kind: PodDisruptionBudget",
        "metadata: { name: api, namespace: shop }",
        "spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: api } } }",
        "---",
        "apiVersion: policy/v1",
        "kind: PodDisruptionBudget",
        "metadata: { name: api, namespace: staging }",
        "spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: api } } }",
        "---",
        "apiVersion: policy/v1",
        "kind: PodDisruptionBudget",
        "metadata: { name: web, namespace: shop }",
        "spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: web } } }",
        "",
      ].join("\n"),
    },
    // Each budget guards pods no other budget of their namespace guards.
    expected: [],
  },
  {
    rule: "bind-mount-in-cluster",
    text: `${head}services:\n  a: { kind: api, image: "a:1", volumes: { logs: "/var/log:/host/log:ro" } }\n  b: { kind: api, image: "b:1", volumes: { app: "./app:/srv/app" } }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: [a] } } }\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    // An absolute host path is on every node (a hostPath); the project folder is bound on a host only.
    expected: [],
  },
  {
    // Compose takes it from where it runs; the cluster's instance is given a value.
    rule: "host-variable-in-cluster",
    text: `${head}services:\n  a: { kind: api, image: "a:1", env: { LOG_LEVEL: null } }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { env: { LOG_LEVEL: info } } } } } }\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: [],
  },
  {
    rule: "build-and-image",
    text: `${head}services:\n  a: { kind: api, image: "a:1", build: ./a, pull: build }\n  b: { kind: api, image: "b:1", build: ./b, pull: never }\n  c: { kind: api, build: ./c }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }\n`,
    // pull: build and pull: never say the image is the one the build makes.
    expected: [],
  },
  {
    rule: "deprecated-service-account-field",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        "apiVersion: v1",
        "kind: ServiceAccount",
        "metadata: { name: payments }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      serviceAccountName: payments",
        "      containers: [{ name: api, image: 'api:1.0' }]",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "disruption-budget-without-eviction-policy",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...disruptionBudget(
          "api",
          "{ minAvailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: api } } }",
        ),
        "---",
        ...oneContainer("Deployment", "web"),
        "---",
        ...disruptionBudget(
          "web",
          "{ maxUnavailable: 1, unhealthyPodEvictionPolicy: IfHealthyBudget, selector: { matchLabels: { app: web } } }",
        ),
        "---",
        ...oneContainer("Deployment", "old"),
        "---",
        // policy/v1beta1, served until Kubernetes 1.25, has no unhealthyPodEvictionPolicy to set.
        ...disruptionBudget("old", "{ minAvailable: 1, selector: { matchLabels: { app: old } } }").map(
          (line) => line.replace("policy/v1", "policy/v1beta1"),
        ),
        "",
      ].join("\n"),
    },
    // The default written out is a choice made: the rule asks only that one be made.
    expected: [],
  },
  {
    rule: "docker-socket-mounted",
    text: `${head}services:\n  a: { kind: api, image: "a:1", env: { DOCKER_HOST: "tcp://socket-proxy:2375" }, volumes: { sock: "/var/run/postgresql:/var/run/postgresql", docker: "/srv/docker:/data" } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    // Another program's socket, and a folder that only names Docker; Docker itself through a proxy.
    expected: [],
  },
  {
    rule: "duplicate-names",
    text: `${head}services:\n  a: { kind: api, name: Public API, image: "a:1" }\n  b: { kind: api, name: Admin API, image: "b:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, name: Host, run: [a, b] } } }\n  prod: { platform: compose, nodes: { h: { kind: host, name: Host, run: [a, b] } } }\n`,
    // Nodes of the same name in two environments are told apart by their environment.
    expected: [],
  },
  {
    rule: "duplicate-variable",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    environment:",
        "      - LOG_LEVEL=info",
        "      - PORT=8080",
        "  worker:",
        "    image: worker:1.0",
        "    environment: [LOG_LEVEL=debug, PORT=8080]",
        "",
      ].join("\n"),
    },
    // Each list sets each variable once; two services may set the same one.
    expected: [],
  },
  {
    rule: "exposed-datastore",
    text: `${head}services:\n  db: { kind: database, image: "pg:16", ports: { pg: 5432 }, volumes: { d: /data } }\n  cache: { kind: cache, image: "redis:7", ports: { redis: 6379 }, volumes: { d: /data } }\nenvironments:\n  prod: { platform: compose, nodes: { h: { kind: host, run: { db: { publish: { pg: { host: 5432, bind: 127.0.0.1 } } }, cache: } } } }\n`,
    // Published on localhost only, and not published at all.
    expected: [],
  },
  {
    rule: "exposed-datastore",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  db:\n    image: postgres:16\n    volumes: [data:/var/lib/postgresql/data]\n    ports: ['127.0.0.1:5432:5432', '[::1]:5433:5432', '::1:5434:5432', { target: 5432, published: 5435, host_ip: 127.0.0.1 }, '127.0.0.2:5436:5432', { target: 5432, published: 5437, host_ip: 127.1.2.3 }]\n  exporter:\n    image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0\n    ports: ['9187:9187']\nvolumes: { data: {} }\n",
    },
    // Localhost in every way Compose writes it (all of 127.0.0.0/8, IPv6 with and without brackets);
    // an exporter named after the database it watches is no database.
    expected: [],
  },
  {
    rule: "exposed-datastore",
    text: "",
    files: {
      "docker-compose.dev.yml":
        "services:\n  db:\n    image: postgres:16\n    volumes: [data:/var/lib/postgresql/data]\n    ports: ['5432:5432']\nvolumes: { data: {} }\n",
    },
    // Named for development, the file runs there.
    expected: [],
  },
  {
    rule: "exposed-datastore",
    text: "",
    files: {
      "docker-compose.dev.yml":
        "services:\n  db:\n    image: postgres:16\n    network_mode: host\n    volumes: [data:/var/lib/postgresql/data]\nvolumes: { data: {} }\n",
    },
    // On the host's network of a developer's machine.
    expected: [],
  },
  {
    rule: "health-port-undeclared",
    text: `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 }, health: { tcp: 80 } }\n  b: { kind: api, image: "b:1", ports: { http: 80 }, health: { tcp: http } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    // The declared port by its number and by its name.
    expected: [],
  },
  {
    rule: "host-namespace",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: w:1",
        "    network_mode: bridge",
        "    ipc: shareable",
        "    ports: ['8080:80']",
        "  sidecar:",
        "    image: s:1",
        "    network_mode: 'service:web'",
        "    pid: 'service:web'",
        "    uts: 'service:web'",
        "    cgroup: private",
        "",
      ].join("\n"),
    },
    // Another container's namespaces, or a private one, are not the host's.
    expected: [],
  },
  {
    rule: "hpa-without-cpu-request",
    text: `${head}services:\n  a: { kind: api, image: "a:1", cpu: { request: 250m, limit: 1 } }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: { min: 2, max: 4 } }, b: { replicas: 2 } } } } }\n`,
    // A fixed number of replicas needs no CPU request to scale by.
    expected: [],
  },
  {
    rule: "hpa-without-cpu-request",
    text: `${head}services:\n  a: { kind: api, image: "a:1", memory: { request: 256Mi } }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: { min: 2, max: 4, memory-target: 70 } }, b: { replicas: { min: 2, max: 4, custom-metrics: true } } } } } }\n`,
    // Scaled on memory, which it requests, and on the application's own metrics: neither needs CPU.
    expected: [],
  },
  {
    rule: "image-latest-tag",
    text: `${head}services:\n  a: { kind: api, image: "a:1.2" }\n  b: { kind: api, image: "localhost:5000/b:v2" }\n  c: { kind: api, image: "c@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" }\n  d: { kind: api, image: "shop/d:latest", build: ./d }\n  e: { kind: api, image: "e:1.4-alpine" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c, d, e] } } }\n`,
    // A registry's port is no tag; a digest pins; an image the service builds has nothing to pin; a
    // version with a variant after it is a version.
    expected: [],
  },
  {
    rule: "image-latest-tag",
    text: `${head}services:\n  a: { kind: api, image: "debian:bookworm-slim" }\n  b: { kind: api, image: "ubuntu:jammy" }\n  c: { kind: api, image: "node:iron-alpine" }\n  d: { kind: api, image: "buildpack-deps:noble-scm" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c, d] } } }\n`,
    // A release's code name (Debian's, Ubuntu's, a Node.js LTS line's) pins it as its major version does.
    expected: [],
  },
  {
    rule: "invalid-port-name",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: api:1.0",
        "          ports: [{ name: prom-metrics-01, containerPort: 9090 }, { name: http, containerPort: 80 }, { name: grpc-web, containerPort: 81 }]",
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 80, targetPort: 8080, name: a }, { port: 81, targetPort: grpc-web, name: b }] }",
        ),
        "",
      ].join("\n"),
    },
    // Fifteen characters is the most Kubernetes takes; a target port given as a number has no name.
    expected: [],
  },
  {
    // A Service's own port name may start with a digit and run past fifteen characters, as a DNS label may.
    rule: "invalid-port-name",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 80, name: 8080-tcp }, { port: 81, name: prometheus-metrics-endpoint }] }",
        ),
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "memory-over-capacity",
    text: `${head}services:\n  api: { kind: api, image: "a:1", memory: 512Mi }\n  web: { kind: web, image: "w:1", memory: { request: 256Mi, limit: 512Mi } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, capacity: { memory: 1Gi }, run: [api, web] } } }\n`,
    // Their limits together fill the machine exactly.
    expected: [],
  },
  {
    rule: "missing-health-check",
    text: `${head}services:\n  a: { kind: api, image: "a:1", health: { http: /health } }\n  j: { kind: job, image: "j:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, j] } } }\n`,
    // A job runs once and ends: there is nothing to check.
    expected: [],
  },
  {
    rule: "missing-health-check",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  migrate: { build: ., command: [alembic, upgrade, head], restart: 'no' }",
        "  seed: { image: 'shop/api:1.0', command: npm run seed }",
        "  api:",
        "    image: shop/api:1.0",
        "    healthcheck: { test: [CMD, curl, -f, http://localhost:8000/health] }",
        "    depends_on:",
        "      migrate: { condition: service_completed_successfully }",
        "      seed: { condition: service_completed_successfully }",
        "",
      ].join("\n"),
      Dockerfile: "FROM python:3.12\n",
    },
    // What another waits on to exit is a job, though its name says nothing of it, or its image is
    // the api's, run once.
    expected: [],
  },
  {
    rule: "missing-health-check",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  server: { image: 'ghcr.io/immich-app/immich-server:v1.99.0', healthcheck: { disable: false } }",
        "  timed: { image: 'acme/api:1.0', healthcheck: { interval: 30s } }",
        "  proxy:",
        "    image: 'nginx:1.25'",
        "    healthcheck: { test: [CMD, 'true'] }",
        "    depends_on: { server: { condition: service_healthy }, timed: { condition: service_healthy } }",
        "",
      ].join("\n"),
    },
    // A healthcheck with no test that does not turn it off keeps the image's own, which Compose runs.
    expected: [],
  },
  {
    rule: "missing-health-check",
    text: "",
    files: {
      "compose.yaml": ["services:", "  frontend:", "    ports: ['${HTTP_PUBLISH_PORT:-8080}:8080']", ""].join(
        "\n",
      ),
    },
    // A file that adds to another's services (an override checked alone): no-image says what is
    // missing, and whether the image it does not name checks its own health cannot be told.
    expected: [],
  },
  {
    rule: "wait-without-health-check",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  server: { image: 'ghcr.io/immich-app/immich-server:v1.99.0', healthcheck: { disable: false } }",
        "  proxy:",
        "    image: 'nginx:1.25'",
        "    healthcheck: { test: [CMD, 'true'] }",
        "    depends_on: { server: { condition: service_healthy } }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "use-port-undeclared",
    text: `${head}services:\n  api: { kind: api, image: "a:1", ports: { http: 8080 } }\n  web: { kind: web, image: "w:1", uses: { api: { port: http } }, env: { API: { endpoint: api, port: 8080 } } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api, web] } } }\n`,
    expected: [],
  },
  {
    rule: "no-image",
    text: `${head}services:\n  api: { kind: api, image: "a:1" }\n  web: { kind: web, build: ./web }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api, web] } } }\n`,
    expected: [],
  },
  {
    rule: "no-resource-limits",
    text: `${head}services:\n  a: { kind: api, image: "a:1", memory: { request: 256Mi, limit: 512Mi }, cpu: { request: 250m } }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: , b: { memory: 128Mi, cpu: 100m } } } } }\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    // Memory and CPU given by the instance count; a compose environment is not asked for them.
    expected: [],
  },
  {
    // On the host's network Docker discards what a service publishes (host-namespace says so).
    rule: "port-on-all-interfaces",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  vpn:\n    image: v:1\n    network_mode: host\n    ports: ['51820:51820/udp']\n",
    },
    expected: [],
  },
  {
    // With no network there is none to publish on.
    rule: "port-on-all-interfaces",
    text: "",
    files: {
      "compose.yaml": "services:\n  keys:\n    image: k:1\n    network_mode: none\n    ports: ['8080:80']\n",
    },
    expected: [],
  },
  {
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: w:1",
        "    environment:",
        "      DB_PASSWORD: ${DB_PASSWORD}",
        "      DB_PASSWORD_FILE: /run/secrets/db_password",
        "      DATABASE_PASSWORD: /run/secrets/db_password",
        "      DATABASE_URL: postgres://app@db/app",
        "      LEVEL: info",
        "      TOKEN_TTL: 3600",
        "      PASSWORD_MIN_LENGTH: 8",
        "      MAX_PASSWORD_AGE_DAYS: 90",
        "      API_KEY_HEADER: X-Api-Key",
        "      TOKEN_ENDPOINT: https://auth.example.com/oauth/token",
        "      SECRET_NAME: db-credentials",
        "      ENABLE_API_KEY_AUTH: 'yes'",
        "      AUTH_TOKEN_ENABLED: false",
        "      REFRESH_TOKEN: 30d",
        "      MAX_TOKENS: '4096'",
        "      LLM_MAX_TOKENS: 1000",
        "      TOKENIZER: cl100k_base",
        "      CONN: Server=db;User Id=sa;Password=${DB_PASSWORD};",
        "      JDBC_URL: jdbc:postgresql://db/shop?user=shop&password=${DB_PASSWORD}",
        "      PG_CONNINFO: host=db user=shop password=${DB_PASSWORD}",
        "      CONN_EXAMPLE: Server=db;User Id=sa;Password=<your password>;",
        "      MYSQL_RANDOM_ROOT_PASSWORD: '1'",
        "      MYSQL_ALLOW_EMPTY_PASSWORD: 1",
        "      MARIADB_RANDOM_ROOT_PASSWORD: 0",
        "      N8N_BASIC_AUTH_USER: admin",
        "      BASIC_AUTH_USERNAME: ops",
        "      TOKEN_ISSUER_EMAIL: ops@example.com",
        "      SECRET_STORE_LOGIN: vault-reader",
        "      SECRET_KEY_BASE_DUMMY: 1",
        "      TOKEN_CACHE: redis",
        "      API_KEY_ACCOUNT: main",
        "      RESET_PAGE: https://shop.example/account?reset=password&password=",
        "    secrets: [db_password]",
        "secrets:",
        "  db_password: { file: ./db_password.txt }",
        "",
      ].join("\n"),
      ".env.example": "DB_PASSWORD=\n",
      "db_password.txt": "kept out of version control\n",
    },
    // The environment supplies the password, a _FILE variable (or any) names the file it is in, the
    // URL has none; the others are settings about a secret (how long it lives, where it is sent, how
    // many a model reads), or switches.
    expected: [],
  },
  {
    rule: "privilege-escalation-allowed",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      initContainers:",
        "        - { name: setup, image: 'setup:1.0', securityContext: { allowPrivilegeEscalation: false } }",
        "      containers:",
        "        - name: api",
        "          image: 'api:1.0'",
        "          securityContext: { allowPrivilegeEscalation: false }",
        "        - name: agent",
        "          image: 'agent:1.0'",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "privileged-container",
    text: "",
    files: {
      "compose.yaml": 'services:\n  api:\n    image: a:1\n    user: "1000:1000"\n    privileged: false\n',
    },
    expected: [],
  },
  {
    rule: "replicas-with-fixed-host-port",
    text: `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 } }\n  b: { kind: api, image: "b:1", ports: { http: 80 } }\n  p: { kind: proxy, image: "p:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { replicas: 3, publish: { http: {} } }, b: { replicas: 3 }, p: { publish: { http: 8080 } } } } } }\n`,
    // Where the system picks the host port each replica gets one; the one proxy holds the fixed port.
    expected: [],
  },
  {
    rule: "replicas-with-fixed-host-port",
    text: `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { replicas: 2, publish: { http: { host: 8090, host-last: 8091 } } } } } } }\n`,
    // A pool of as many host ports as replicas: each takes one.
    expected: [],
  },
  {
    rule: "route-port-undeclared",
    text: `${head}services:\n  p: { kind: proxy, image: "p:1", routes: { /a: "b:80", /b: "b:http", /c: b } }\n  b: { kind: api, image: "b:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [p, b] } } }\n`,
    // The declared port by number and by name, or no port at all.
    expected: [],
  },
  {
    rule: "runs-as-root",
    text: `${head}services:\n  a: { kind: api, image: "a:1", security: { run-as-non-root: true, user: 1000 } }\n  b: { kind: api, image: "b:1", security: { user: "1000:0" } }\n  c: { kind: api, image: "c:1", security: { user: "10001:10001" } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }\n`,
    // The root group does not make the process root.
    expected: [],
  },
  {
    rule: "secret-without-source",
    text: `${head}services:\n  api: { kind: api, image: "a:1", env: { PW: { secret: pw } } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api] } } }\n`,
    // The head declares pw with its source.
    expected: [],
  },
  {
    rule: "secret-in-command",
    text: `${head}services:\n  a: { kind: api, image: "a:1", command: [server], env: { SERVER_PASSWORD: { secret: pw } } }\n  b: { kind: api, image: "b:1", command: [server, "--password=\${PW}", --token-file, /run/secrets/t] }\n  d: { kind: cache, image: "redis:7", command: "redis-server --requirepass $$REDIS_PASSWORD" }\n  m: { kind: database, image: "mysql:8", volumes: { d: /var/lib/mysql }, health: { command: [sh, -c, 'mysqladmin ping --password="$(cat /run/secrets/db-password)"'] } }\n  s: { kind: api, image: "s:1", command: 'sh -c "api --token \\"$$API_TOKEN\\""' }\n  c: { kind: job, image: "c:1", command: 'sh -c "curl -fsu elastic:$$ELASTIC_PASSWORD http://es:9200 && curl -u admin http://api/ && curl http://user:@api/"' }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, d, m, s, c] } } }\n`,
    // A variable (quoted inside a quoted line too), a file's path, and a command's output are no secrets written out.
    expected: [],
  },
  {
    rule: "service-deployed-nowhere",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  old: { kind: api, image: "o:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  legacy: { platform: compose, nodes: { h: { kind: host, run: [old] } } }\n`,
    // Placed in one environment is deployed somewhere.
    expected: [],
  },
  {
    rule: "service-selects-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        selectsNothing.replace("app: api-v1", "app: api").trimEnd(),
        "---",
        ...service("mail", "{ type: ExternalName, externalName: mail.example.com }"),
        "",
      ].join("\n"),
    },
    // A Service without a selector chooses no pods on purpose.
    expected: [],
  },
  {
    rule: "service-selects-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("ReplicaSet", "web"),
        "---",
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: legacy }",
        "spec:",
        "  template:",
        "    metadata: { labels: { app: legacy } }",
        "    spec: { containers: [{ name: legacy, image: 'legacy:1.0' }] }",
        "---",
        ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
        "---",
        ...service("legacy", "{ selector: { app: legacy }, ports: [{ port: 80 }] }"),
        "",
      ].join("\n"),
    },
    // A ReplicaSet's and a ReplicationController's pods are selected as a Deployment's are.
    expected: [],
  },
  {
    rule: "single-replica-in-production",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1", cpu: { request: 250m } }\n  db: { kind: database, image: "pg:16", volumes: { d: /data } }\nenvironments:\n  staging: { platform: kubernetes, nodes: { c: { kind: cluster, run: [a, b, db] } } }\n  production: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: 2 }, b: { replicas: { min: 2, max: 4 } }, db: } } } }\n`,
    // A database keeps state, and one replica outside production is fine.
    expected: [],
  },
  {
    rule: "single-replica-in-production",
    text: `${head}services:\n  agent: { kind: api, image: "a:1" }\nenvironments:\n  production: { platform: kubernetes, nodes: { c: { kind: cluster, run: { agent: { workload: DaemonSet } } } } }\n`,
    // A DaemonSet runs a pod on every node.
    expected: [],
  },
  {
    // An image that names no kind of service, with no Service in front: a consumer of a queue, say.
    rule: "single-replica-in-production",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "cart", "production"),
        "    spec: { containers: [{ name: cart, image: 'myorg/cart:1.0', ports: [{ containerPort: 8080 }] }] }",
        "  replicas: 1",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "starts-before-healthy",
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: { db: { wait: healthy }, q: { wait: started } } }\n  b: { kind: api, image: "b:1", uses: [db] }\n  db: { kind: database, image: "pg:16", health: { command: [pg_isready] }, volumes: { d: /data } }\n  q: { kind: queue, image: "q:1", volumes: { d: /data } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, db, q] } } }\n`,
    // Waiting for the start of a dependency with no health check is all there is to wait for.
    expected: [],
  },
  {
    rule: "stateful-without-volume",
    text: `${head}services:\n  db: { kind: database, image: "postgres:16", volumes: { data: /var/lib/postgresql/data } }\n  cache: { kind: cache, image: "redis:7", stateful: false }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [db, cache] } } }\n`,
    // A cache marked stateful: false keeps nothing worth a volume.
    expected: [],
  },
  {
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  moved: { image: 'postgres:16.2', volumes: ['pgdata:/data'], environment: { PGDATA: /data/pg } }",
        "  above: { image: 'postgres:18', volumes: ['pgdata:/var/lib/postgresql'] }",
        "  datadir: { image: 'mysql:8.4', volumes: ['my:/srv/mysql'], command: --datadir=/srv/mysql }",
        "  elastic: { image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', volumes: ['es:/usr/share/elasticsearch/data'] }",
        "  unknown: { image: 'bitnami/postgresql:16', volumes: ['pgdata:/bitnami/postgresql'] }",
        "volumes: { pgdata: {}, my: {}, es: {} }",
        "",
      ].join("\n"),
    },
    // Its data folder moved where the volume is, a volume above it, or an image not known here.
    expected: [],
  },
  {
    rule: "unconfined-profile",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  debug:\n    image: d:1\n    security_opt: [no-new-privileges:true, apparmor=docker-default, label=type:container_t]\n",
    },
    // Options that keep or name a profile, rather than turn it off.
    expected: [],
  },
  {
    rule: "unknown-service-account",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        "apiVersion: v1",
        "kind: ServiceAccount",
        "metadata: { name: payments, namespace: shop }",
        "---",
        "apiVersion: v1",
        "kind: ServiceAccount",
        "metadata: { name: payments, namespace: mail }",
        "---",
        ...workloadHead("Deployment", "pay", "shop"),
        "    spec: { serviceAccountName: payments, containers: [{ name: c, image: 'c:1' }] }",
        "---",
        ...workloadHead("Deployment", "mail", "mail"),
        "    spec: { serviceAccountName: payments, containers: [{ name: c, image: 'c:1' }] }",
        "---",
        ...workloadHead("Deployment", "web", "shop"),
        "    spec: { serviceAccountName: default, containers: [{ name: c, image: 'c:1' }] }",
        "---",
        ...workloadHead("Deployment", "ship", "shop"),
        "    spec: { containers: [{ name: c, image: 'c:1' }] }",
        "",
      ].join("\n"),
    },
    // Each account defined in the workload's own namespace; default is in every one.
    expected: [],
  },
  {
    rule: "unsafe-sysctl",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      securityContext:",
        "        sysctls:",
        "          - { name: net.ipv4.ip_local_port_range, value: '1024 65000' }",
        "          - { name: net/ipv4/tcp_syncookies, value: '1' }",
        "          - { name: kernel.shm_rmid_forced, value: '1' }",
        "      containers: [{ name: api, image: 'api:1.0' }]",
        "",
      ].join("\n"),
    },
    // Only the safe set, in either spelling.
    expected: [],
  },
  {
    rule: "used-service-not-deployed",
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: { db: , mail: { optional: true } }, env: { DB: { endpoint: db } } }\n  db: { kind: database, image: "pg:16", volumes: { d: /d } }\n  mail: { kind: api, image: "m:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, db] } } }\n  prod: { platform: compose, nodes: { h: { kind: host, run: [a, db, mail] } } }\n`,
    // The relation to mail is optional where it does not run.
    expected: [],
  },
  {
    rule: "volume-without-backup",
    text: `${head}services:\n  db: { kind: database, image: "pg:16", volumes: { data: { path: /data, backup: nightly pg_dump to S3 }, conf: "./conf:/etc/pg" } }\n  cache: { kind: cache, image: "redis:7", volumes: { data: /data } }\nenvironments:\n  production: { platform: compose, nodes: { h: { kind: host, run: [db] } } }\n  staging: { platform: compose, nodes: { h: { kind: host, run: [db, cache] } } }\n`,
    // A bind mount is the host's folder, not a volume; outside production no backup is asked for.
    expected: [],
  },
  {
    rule: "wait-without-health-check",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  app:",
        "    image: a:1",
        "    depends_on:",
        "      db: { condition: service_healthy }",
        "      cache: { condition: service_started }",
        "      setup: { condition: service_completed_successfully }",
        "  db:",
        "    image: mysql:8.0",
        "    healthcheck: { test: [CMD, mysqladmin, ping] }",
        "  cache:",
        "    image: redis:7",
        "  setup:",
        "    image: s:1",
        "",
      ].join("\n"),
    },
    // Only the wait for health needs a check; the others wait for a start or an end.
    expected: [],
  },
];
