/** One case per rule at least: a model that trips it (with exact positions) and one that does not. */
export interface RuleCase {
  rule: string;
  text: string;
  /** "line:column" of each finding of `rule`; empty for a miss. */
  expected: string[];
  /** A compose project instead of a model (`text` unused): file name → text, the compose file first. */
  files?: Record<string, string>;
  /** The files are Kubernetes manifests, read as a folder. */
  manifests?: boolean;
  /** The severity the findings are made at, where it is below the rule's own. */
  severity?: "warning" | "info";
}

/** What every model of the cases opens with: the system, and the secret pw with its source. */
export const head = "system: { name: Shop }\nsecrets: { pw: { source: vault } }\n";

const rootAndPrivileged = 'services:\n  api:\n    image: a:1\n    user: "0:0"\n    privileged: true\n';

/** The lines that open a workload whose selector matches its pods: its pod spec follows. */
export function workloadHead(kind: string, name: string, namespace?: string): string[] {
  return [
    "apiVersion: apps/v1",
    `kind: ${kind}`,
    `metadata: { name: ${name}${namespace ? `, namespace: ${namespace}` : ""} }`,
    "spec:",
    `  selector: { matchLabels: { app: ${name} } }`,
    "  template:",
    `    metadata: { labels: { app: ${name} } }`,
  ];
}

/** A workload whose pod runs one container, named as it is, of the image `<name>:1.0`. */
export function oneContainer(kind: string, name: string): string[] {
  return [...workloadHead(kind, name), `    spec: { containers: [{ name: ${name}, image: '${name}:1.0' }] }`];
}

/** A workload whose container asks for host port 8080 (line 8 of it, column 96 for a name of three letters), with more spec after. */
function hostPortWorkload(kind: string, name: string, ...spec: string[]): string[] {
  return [
    ...workloadHead(kind, name),
    `    spec: { containers: [{ name: ${name}, image: '${name}:1.0', ports: [{ containerPort: 80, hostPort: 8080 }] }] }`,
    ...spec,
  ];
}

/** A policy/v1 PodDisruptionBudget: its name and its spec, written as one flow mapping. */
export function disruptionBudget(name: string, spec: string): string[] {
  return [
    "apiVersion: policy/v1",
    "kind: PodDisruptionBudget",
    `metadata: { name: ${name} }`,
    `spec: ${spec}`,
  ];
}

/** A networking.k8s.io/v1 NetworkPolicy: its name, its spec as one flow mapping, and its namespace. */
export function networkPolicy(name: string, spec: string, namespace?: string): string[] {
  return [
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    `metadata: { name: ${name}${namespace ? `, namespace: ${namespace}` : ""} }`,
    `spec: ${spec}`,
  ];
}

/** A v1 Service: its name and its spec, written as one flow mapping. */
export function service(name: string, spec: string): string[] {
  return ["apiVersion: v1", "kind: Service", `metadata: { name: ${name} }`, `spec: ${spec}`];
}

/** A PersistentVolumeClaim of 5Gi that nodes mount as `mode` says (ReadWriteOnce, ReadWriteMany). */
export function claim(name: string, mode: string): string[] {
  return [
    "apiVersion: v1",
    "kind: PersistentVolumeClaim",
    `metadata: { name: ${name} }`,
    `spec: { accessModes: [${mode}], resources: { requests: { storage: 5Gi } } }`,
  ];
}

/** A Deployment, the Service in front of it, and one whose selector matches no pods (line 18). */
export const selectsNothing = [
  ...oneContainer("Deployment", "api"),
  "---",
  ...service("api", "{ selector: { app: api }, ports: [{ port: 80 }] }"),
  "---",
  ...service("old", "{ selector: { app: api-v1 }, ports: [{ port: 80 }] }"),
  "",
].join("\n");

export const cases: RuleCase[] = [
  {
    rule: "memory-over-budget",
    text: `${head}services:\n  api: { kind: api, image: "a:1", memory: 2Gi, health: { tcp: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, budget: { memory: 1Gi }, run: [api] } } }\n`,
    expected: ["6:38"],
  },
  {
    rule: "memory-over-budget",
    text: `${head}services:\n  api: { kind: api, image: "a:1", memory: 512Mi }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, budget: { memory: 1Gi }, run: [api] } } }\n`,
    expected: [],
  },
  {
    rule: "memory-over-capacity",
    text: `${head}services:\n  api: { kind: api, image: "a:1", memory: 2Gi }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, capacity: { memory: 1Gi }, run: [api] } } }\n`,
    expected: ["6:38"],
  },
  {
    rule: "cpu-over-capacity",
    text: `${head}services:\n  api: { kind: api, image: "a:1", cpu: 3 }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, capacity: { cpu: 2 }, run: [api] } } }\n`,
    expected: ["6:38"],
  },
  {
    rule: "cpu-over-capacity",
    text: `${head}services:\n  api: { kind: api, image: "a:1", cpu: { request: 1, limit: 4 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, capacity: { cpu: 2 }, run: [api] } } }\n`,
    expected: [],
  },
  {
    rule: "host-port-conflict",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 } }\n  b: { kind: web, image: "b:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { publish: [http] }, b: { publish: [http] } } } } }\n`,
    expected: ["7:101"],
  },
  {
    rule: "host-port-conflict",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 } }\n  b: { kind: web, image: "b:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { publish: [http] }, b: { publish: { http: 81 } } } } } }\n`,
    expected: [],
  },
  {
    // On the host's network a service listens on its own ports on the host: another may not publish them.
    rule: "host-port-conflict",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 }, network-mode: host }\n  b: { kind: web, image: "b:1", ports: { http: 80 } }\n  c: { kind: web, image: "c:1", ports: { http: 8080 }, network-mode: host }\n  d: { kind: web, image: "d:1", ports: { http: 8080 }, network-mode: host }\n  e: { kind: web, image: "e:1", ports: { http: 9090 }, network-mode: host }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: , b: { publish: [http] }, c: , d: , e: } } } }\n`,
    expected: ["10:82", "7:42"],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web: { image: 'nginx:1.27', ports: ['80:80'], profiles: [prod] }",
        "  devweb: { image: 'nginx:1.27', ports: ['80:80'], profiles: [dev, prod] }",
        "  api: { image: 'shop/api:1.0', ports: ['8080:80'] }",
        "  admin: { image: 'shop/admin:1.0', ports: ['8080:80'], profiles: [admin] }",
        "",
      ].join("\n"),
    },
    // Services that share a profile start together, and one in no profile starts with every other.
    expected: ["3:42", "5:45"],
  },
  // Alternatives in profiles of their own each clash with one in no profile, in whatever order:
  // named together where it comes last, each found where it comes first or between them.
  ...[
    ["blue", "green", ""],
    ["", "blue", "green"],
    ["blue", "", "green"],
  ].map((order) => ({
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        ...order.map(
          (profile) =>
            `  web-${profile || "any"}: { image: 'web:1', ports: ['8080:80']${profile ? `, profiles: [${profile}]` : ""} }`,
        ),
        "",
      ].join("\n"),
    },
    expected: order[2] === "" ? ["4:38"] : order[0] === "" ? ["3:39", "4:40"] : ["3:38", "4:40"],
  })),
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a: { image: 'a:1', ports: ['8080:80'] }",
        "  b: { image: 'b:1', ports: ['0.0.0.0:8080:80'] }",
        "  c: { image: 'c:1', ports: ['127.0.0.1:8080:81', '127.0.0.1:9000:82', '8080:83/udp'] }",
        "  d: { image: 'd:1', ports: ['127.0.0.2:9000:80', '[::1]:9000:81', '53:53/udp', '53:53'] }",
        "  e: { image: 'e:1', ports: ['53:53/udp'] }",
        "",
      ].join("\n"),
    },
    // Every interface takes the port on each address; two addresses of their own do not meet.
    expected: ["3:30", "4:30", "6:30"],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a: { image: 'a:1', ports: ['0.0.0.0:8080:80', '[::]:9000:80'] }",
        "  b: { image: 'b:1', ports: ['[::1]:8080:80', '127.0.0.1:9000:80'] }",
        "  c: { image: 'c:1', ports: ['8080:80'] }",
        "",
      ].join("\n"),
    },
    // 0.0.0.0 is every IPv4 address and [::] every IPv6 one, each apart from the other family's
    // addresses; no address at all is both wildcards.
    expected: ["4:30"],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a: { image: 'a:1', network_mode: bridge, ports: ['8080:80'] }",
        "  b: { image: 'b:1', network_mode: bridge, ports: ['8080:80'] }",
        "  c: { image: 'c:1', network_mode: host, ports: ['8080:80'] }",
        "  d: { image: 'd:1', network_mode: none, ports: ['8080:80'] }",
        "",
      ].join("\n"),
    },
    // On a bridge a service publishes as on its project's network; on the host's network (host-namespace
    // says so) or in none, it publishes nothing.
    expected: ["3:52"],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  media: { image: 'media:1', ports: ['10000-10100:10000-10100/udp', '8000-8010:8000-8010'] }",
        "  web: { image: 'web:1', ports: ['8005:80', '10050:10050'] }",
        "  turn: { image: 'turn:1', ports: [{ target: 10090-10200, published: 10090-10200, protocol: udp }] }",
        "  pick: { image: 'pick:1', ports: ['8010-8011:80', '127.0.0.1:10001:10001/udp'] }",
        "",
      ].join("\n"),
    },
    // A range to one container port takes any free one of it; TCP and UDP ports do not meet.
    expected: ["3:34", "4:59", "5:52"],
  },
  {
    // The scheduler counts a native sidecar's host port, not an init container's that is done.
    rule: "host-port-conflict",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("DaemonSet", "agent"),
        "    spec: { containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 9100 }] }] }",
        "---",
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      initContainers:",
        "        - { name: warm, image: 'w:1', ports: [{ containerPort: 80, hostPort: 9100 }] }",
        "        - { name: proxy, image: 'p:1', restartPolicy: Always, ports: [{ containerPort: 80, hostPort: 9100 }] }",
        "      containers: [{ name: c, image: 'c:1' }]",
        "",
      ].join("\n"),
    },
    expected: ["20:102"],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a: { image: 'a:1', ports: ['8001:80'] }",
        "  b: { image: 'b:1', ports: ['8005:80'] }",
        "  r: { image: 'r:1', ports: ['8000-8010:8000-8010'] }",
        "",
      ].join("\n"),
    },
    // A range written after the ports it takes clashes with each of them.
    expected: ["4:30", "4:30"],
  },
  {
    rule: "host-port-conflict",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("DaemonSet", "agent"),
        "    spec: { containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 9100 }] }] }",
        "---",
        ...workloadHead("Deployment", "web"),
        "    spec: { containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 9100 }] }] }",
        "---",
        ...workloadHead("DaemonSet", "exporter"),
        "    spec: { containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 9100 }] }] }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 8080 }] }] }",
        "---",
        ...workloadHead("Deployment", "api2"),
        "    spec: { containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 8080 }] }] }",
        "---",
        ...workloadHead("DaemonSet", "edge"),
        "    spec: { nodeSelector: { role: edge }, containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 8443 }] }] }",
        "---",
        ...workloadHead("Deployment", "tls"),
        "    spec: { containers: [{ name: c, image: 'c:1', ports: [{ containerPort: 80, hostPort: 8443 }] }] }",
        "",
      ].join("\n"),
    },
    // The DaemonSet that runs on every node holds its port there; the one kept to some nodes does not.
    expected: ["17:90", "26:90"],
  },
  {
    rule: "stateful-without-volume",
    text: `${head}services:\n  db: { kind: database, image: "postgres:16" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [db] } } }\n`,
    expected: ["4:3"],
  },
  {
    // A cache told to write its data to disk keeps state; one that is not, or is told not to, keeps none.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  aof: { image: 'redis:7.2', command: [redis-server, --appendonly, 'yes'] }",
        "  snapshots: { image: 'valkey/valkey:8.0', command: redis-server --save 60 1 }",
        "  plain: { image: 'redis:7.2' }",
        "  off: { image: 'redis:7.2', command: redis-server --save '' --appendonly no }",
        "",
      ].join("\n"),
    },
    expected: ["2:3", "3:3"],
  },
  {
    // A tmpfs or a read-only mount keeps nothing; a volume elsewhere than the image's data folder keeps none of its data.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  in-memory: { image: 'postgres:16.2', tmpfs: [/var/lib/postgresql/data] }",
        "  elsewhere: { image: 'postgres:16.2', volumes: ['pgdata:/data'] }",
        "  config-only: { image: 'mariadb:11.2', volumes: ['./conf.d:/etc/mysql/conf.d:ro'] }",
        "  mongo: { image: 'docker.io/library/mongo:7', volumes: ['mongo:/data/configdb'] }",
        "  redis: { image: 'redis:7', command: redis-server --appendonly yes, volumes: ['rdata:/var/lib/redis'] }",
        "volumes: { pgdata: {}, mongo: {}, rdata: {} }",
        "",
      ].join("\n"),
      "conf.d/my.cnf": "[mysqld]\n",
    },
    expected: ["2:3", "4:3", "3:3", "5:3", "6:3"],
  },
  {
    // A named volume mounted read-only, or as a tmpfs, is state the service reads, not state it keeps.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web: { image: 'nginx:1.27', volumes: ['static:/usr/share/nginx/html:ro'] }",
        "  reader: { image: 'busybox:1.36', volumes: [{ type: volume, source: static, target: /srv, read_only: true }] }",
        "  writer: { image: 'busybox:1.36', volumes: ['static:/srv'] }",
        "volumes: { static: {} }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // A folder written with a trailing slash is the same folder to Docker, the image's and the volume's alike.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  db: { image: 'postgres:16.2', volumes: ['pgdata:/var/lib/postgresql/data/'] }",
        "  moved: { image: 'postgres:16.2', environment: { PGDATA: /srv/pg/ }, volumes: ['pg2:/srv/pg'] }",
        "  mysql: { image: 'mysql:8.4', volumes: [{ type: volume, source: my, target: /var/lib/mysql/ }] }",
        "volumes: { pgdata: {}, pg2: {}, my: {} }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // From PostgreSQL 18 on, the data is kept in a folder of the major version under /var/lib/postgresql.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  old-mount: { image: 'postgres:18.1-alpine', volumes: ['aa:/var/lib/postgresql/data'] }",
        "  latest: { image: postgres, volumes: ['bb:/var/lib/postgresql/data'] }",
        "  new-mount: { image: 'postgres:18', volumes: ['cc:/var/lib/postgresql'] }",
        "  its-folder: { image: 'postgres:19', volumes: ['dd:/var/lib/postgresql/19/docker'] }",
        "  seventeen: { image: 'postgres:17.6', volumes: ['ee:/var/lib/postgresql/data'] }",
        // Pinned by a digest alone, it names no major version: the newest, as latest is.
        `  digest: { image: 'postgres@sha256:1${"f".repeat(63)}', volumes: ['ff:/var/lib/postgresql/data'] }`,
        `  both: { image: 'postgres:16@sha256:${"a".repeat(64)}', volumes: ['gg:/var/lib/postgresql/data'] }`,
        "volumes: { aa: {}, bb: {}, cc: {}, dd: {}, ee: {}, ff: {}, gg: {} }",
        "",
      ].join("\n"),
    },
    expected: ["2:3", "3:3", "7:3"],
  },
  {
    // Images built on PostgreSQL's with extensions keep its data where it does, by the major version their tag names.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  gis: { image: 'postgis/postgis:16-3.4', volumes: ['aa:/data'] }",
        "  vector: { image: 'pgvector/pgvector:pg16', volumes: ['bb:/var/lib/postgresql/data'] }",
        "  newer: { image: 'pgvector/pgvector:0.8.0-pg18', volumes: ['cc:/var/lib/postgresql/data'] }",
        "  ankane: { image: 'ankane/pgvector', volumes: ['dd:/var/lib/postgresql/data'] }",
        "  timescale: { image: 'timescale/timescaledb:2.14.2-pg16', volumes: ['ee:/srv'] }",
        "volumes: { aa: {}, bb: {}, cc: {}, dd: {}, ee: {} }",
        "",
      ].join("\n"),
    },
    expected: ["2:3", "4:3", "6:3"],
  },
  {
    // Grafana, Prometheus, Nextcloud and WordPress keep their data in a folder of their own, under their publishers' names too.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  grafana: { image: 'grafana/grafana:11.1.0', volumes: ['aa:/etc/grafana'] }",
        "  prometheus: { image: 'prom/prometheus:v2.53.0', volumes: ['bb:/data'] }",
        "  nextcloud: { image: 'nextcloud:29-apache', volumes: ['cc:/var/www/html/data'] }",
        "  wordpress: { image: 'wordpress:6.5', volumes: ['dd:/var/www/html/wp-content'] }",
        "  kept: { image: 'grafana/grafana-oss:10.4.2', volumes: ['ee:/var/lib/grafana'] }",
        "  moved: { image: 'quay.io/prometheus/prometheus:v2.53.0', command: ['--storage.tsdb.path=/data'], volumes: ['ff:/data'] }",
        "  site: { image: 'wordpress:6.5', volumes: ['gg:/var/www/html'] }",
        "volumes: { aa: {}, bb: {}, cc: {}, dd: {}, ee: {}, ff: {}, gg: {} }",
        "",
      ].join("\n"),
    },
    expected: ["2:3", "3:3", "4:3", "5:3"],
  },
  {
    // Bitnami's images keep their data under /bitnami, not where the official ones do; a variable moves it.
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  pg: { image: 'bitnami/postgresql:16.2.0', volumes: ['aa:/var/lib/postgresql/data'] }",
        "  my: { image: 'docker.io/bitnami/mysql:8.0', volumes: ['bb:/var/lib/mysql'] }",
        "  maria: { image: 'bitnami/mariadb:11.2', volumes: ['cc:/bitnami/mariadb'] }",
        "  mongo: { image: 'bitnami/mongodb:7.0', volumes: ['dd:/bitnami/mongodb/data'] }",
        "  kept: { image: 'bitnami/postgresql:16.2.0', volumes: ['ee:/bitnami/postgresql'] }",
        "  moved: { image: 'bitnami/postgresql:16', environment: { POSTGRESQL_DATA_DIR: /srv/pg }, volumes: ['ff:/srv/pg'] }",
        "volumes: { aa: {}, bb: {}, cc: {}, dd: {}, ee: {}, ff: {} }",
        "",
      ].join("\n"),
    },
    expected: ["2:3", "3:3"],
  },
  {
    // Nor are they taken for anything but a database for lack of postgres in their names.
    rule: "exposed-datastore",
    text: "",
    files: {
      "compose.prod.yaml": [
        "services:",
        "  gis: { image: 'postgis/postgis:16-3.4', ports: ['5432:5432'], volumes: ['aa:/var/lib/postgresql/data'] }",
        "  vec: { image: 'pgvector/pgvector:pg16', ports: ['5433:5432'], volumes: ['bb:/var/lib/postgresql/data'] }",
        "  old: { image: 'ankane/pgvector:v0.5.1', ports: ['5434:5432'], volumes: ['cc:/var/lib/postgresql/data'] }",
        "volumes: { aa: {}, bb: {}, cc: {} }",
        "",
      ].join("\n"),
    },
    expected: ["2:51", "3:51", "4:51"],
  },
  {
    // A private key written into the compose file as a config's content; a config of plain settings is none.
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  mail: { image: 'mail:1.0', configs: [tls-key, main-cf], healthcheck: { test: [CMD, 'true'] } }",
        "configs:",
        "  tls-key:",
        "    content: |",
        "      -----BEGIN EC PRIVATE KEY-----",
        "      MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oTuUfFwVfaUYoAoGCCqGSM49",
        "      -----END EC PRIVATE KEY-----",
        "  main-cf:",
        "    content: 'relayhost = [smtp.example.com]:587'",
        "",
      ].join("\n"),
    },
    expected: ["5:14"],
  },
  {
    // A config of settings, one a line, with a password among them: found at the line that writes it.
    // Settings about a secret, or that take it from a variable, are none.
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { image: 'api:1.0', configs: [app, limits], healthcheck: { test: [CMD, 'true'] } }",
        "configs:",
        "  app:",
        "    content: |",
        "      db.host=db",
        "      db.password = hunter2hunter2",
        "  limits:",
        "    content: |",
        "      password_min_length: 12",
        "      token_ttl: 3600",
        "      api_key: ${API_KEY}",
        "      key: app",
        "",
      ].join("\n"),
      ".env.example": "API_KEY=\n",
    },
    expected: ["7:21"],
  },
  {
    // A disk or network share written in the pod keeps its data as a claim does; scratch space keeps none.
    rule: "stateful-without-volume",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ["nfs", "nfs: { server: nfs.example.com, path: /exports/pg }"],
        ["cinder", "cinder: { volumeID: bd82f7e2 }"],
        ["csi", "csi: { driver: disk.csi.example.com }"],
        ["scratch", "emptyDir: {}"],
        ["memory", "emptyDir: { medium: Memory }"],
      ]
        .map(([name, source]) =>
          [
            ...workloadHead("Deployment", name!),
            `    spec: { containers: [{ name: pg, image: 'postgres:16.2', volumeMounts: [{ name: data, mountPath: /var/lib/postgresql/data }] }], volumes: [{ name: data, ${source} }] }`,
          ].join("\n"),
        )
        .join("\n---\n"),
    },
    expected: ["30:13", "39:13"],
  },
  {
    // A backup run from the database's image runs its client, and so does a Pod not restarted when it exits.
    rule: "stateful-without-volume",
    text: "",
    manifests: true,
    files: {
      "backup.yaml": [
        "apiVersion: batch/v1",
        "kind: CronJob",
        "metadata: { name: pg-backup }",
        "spec:",
        "  schedule: '0 2 * * *'",
        "  jobTemplate:",
        "    spec:",
        "      template:",
        "        spec:",
        "          restartPolicy: OnFailure",
        "          containers:",
        "            - { name: dump, image: 'postgres:16.4', command: [sh, -c, 'pg_dump -h db app > /backup/app.sql'], volumeMounts: [{ name: backup, mountPath: /backup }] }",
        "          volumes: [{ name: backup, persistentVolumeClaim: { claimName: backups } }]",
        "---",
        "apiVersion: v1",
        "kind: PersistentVolumeClaim",
        "metadata: { name: backups }",
        "spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 5Gi } } }",
        "---",
        "apiVersion: v1",
        "kind: Pod",
        "metadata: { name: dbcheck }",
        "spec:",
        "  restartPolicy: Never",
        "  containers: [{ name: check, image: 'postgres:16.4', command: [pg_isready, -h, db] }]",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "secret-without-source",
    text: `system: { name: Shop }\nservices:\n  api: { kind: api, image: "a:1", env: { PW: { secret: pw } } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api] } } }\n`,
    expected: ["3:42"],
  },
  {
    // Other secrets declared, and an environment of any platform: a finding all the same, not a model refused.
    rule: "secret-without-source",
    text: `${head}services:\n  api: { kind: api, image: "a:1", env: { PW: { secret: pw }, TOKEN: { secret: pww } } }\nenvironments:\n  prod: { platform: kubernetes, nodes: { c: { kind: cluster, run: { api: { env: { KEY: { secret: key } } } } } } }\n`,
    expected: ["4:62", "6:83"],
  },
  {
    rule: "no-image",
    text: `${head}services:\n  api: { kind: api }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api] } } }\n`,
    expected: ["6:61"],
  },
  {
    // A service written with nothing is one Compose runs with nothing, and refuses.
    rule: "no-image",
    text: "",
    files: { "compose.yaml": "services:\n  web:\n  api: { image: 'nginx:1.27' }\n" },
    expected: ["2:3"],
  },
  {
    rule: "dependency-cycle",
    // One finding for the cycle, at its first instance; c, which waits on it from outside, is named there.
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: [b] }\n  b: { kind: api, image: "b:1", uses: [a] }\n  c: { kind: api, image: "c:1", uses: [a] }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }\n`,
    expected: ["8:61"],
  },
  {
    rule: "dependency-cycle",
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: [b] }\n  b: { kind: api, image: "b:1", uses: { a: { optional: true } } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    expected: [],
  },
  {
    rule: "dependency-cycle",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ["proxy", "ADMIN_URL", "http://admin:8080"],
        ["admin", "PUBLIC_URL", "http://proxy:8080/admin"],
      ]
        .map(([name, variable, value]) =>
          [
            ...workloadHead("Deployment", name!),
            `    spec: { containers: [{ name: ${name}, image: '${name}:1.0', env: [{ name: ${variable}, value: '${value}' }], ports: [{ containerPort: 8080 }] }] }`,
            "---",
            ...service(name!, `{ selector: { app: ${name} }, ports: [{ port: 8080 }] }`),
          ].join("\n"),
        )
        .join("\n---\n"),
    },
    // Kubernetes starts both at once: two workloads that name each other wait on nothing.
    expected: [],
  },
  {
    rule: "dependency-cycle",
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: [b, a] }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    // A service in its own uses, where it is written.
    expected: ["4:43"],
  },
  {
    rule: "image-latest-tag",
    text: `${head}services:\n  a: { kind: api, image: "a:latest" }\n  b: { kind: api, image: "b" }\n  c: { kind: api, image: "c:1.2" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }\n  prod: { platform: compose, nodes: { h: { kind: host, run: { a: null, c: { image: "c:latest" } } } } }\n`,
    // Where the image is named, once however many environments run it; an instance's own image at the instance.
    expected: ["4:26", "5:26", "9:84"],
  },
  {
    // A variable that names the registry leaves the tag to judge; one in the tag or the name cannot be judged.
    rule: "image-latest-tag",
    text: `${head}services:\n  a: { kind: api, image: "\${REGISTRY}/a" }\n  b: { kind: api, image: "\${REGISTRY}/b:1.2" }\n  c: { kind: api, image: "c:\${TAG}" }\n  d: { kind: api, image: "\${IMAGE}" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c, d] } } }\n`,
    expected: ["4:26"],
  },
  {
    rule: "image-latest-tag",
    text: `${head}services:\n  a: { kind: api, image: "redis:alpine" }\n  b: { kind: api, image: "relay:nightly" }\n  c: { kind: api, image: "kafka:latest-kafka-3.7.0" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }\n`,
    // Tags the publisher moves: a variant without a version, a channel, latest with a suffix.
    expected: ["4:26", "5:26", "6:26"],
  },
  {
    rule: "image-latest-tag",
    text: `${head}services:\n  a: { kind: api, image: "node:lts-alpine3.19" }\n  b: { kind: api, image: "nginx:stable-alpine3.19" }\n  c: { kind: api, image: "nginx:1.25-alpine3.19" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }\n`,
    // A channel with a variant after it moves with the channel: the version is the variant's.
    expected: ["4:26", "5:26"],
  },
  {
    // At the value, which is what to take out of the file; the name stays.
    rule: "plaintext-secret",
    text: `${head}services:\n  a: { kind: api, image: "a:1", env: { DB_PASSWORD: hunter2, URL: "postgres://u:p@db/x", LEVEL: info, TOKEN: { secret: pw } } }\nenvironments:\n  prod: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["4:53", "4:67"],
  },
  {
    // A value written in the long form, with a description beside it.
    rule: "plaintext-secret",
    text: `${head}services:\n  a:\n    kind: api\n    image: "a:1"\n    env:\n      API_TOKEN: { description: the API's token, value: tok-4f9a8c7e2b1d }\nenvironments:\n  prod: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["8:57"],
  },
  {
    rule: "exposed-datastore",
    text: `${head}services:\n  db: { kind: database, image: "pg:16", ports: { pg: 5432 }, volumes: { d: /data } }\nenvironments:\n  prod: { platform: compose, nodes: { h: { kind: host, run: { db: { publish: [pg] } } } } }\n  dev: { platform: compose, nodes: { h: { kind: host, run: { db: { publish: [pg] } } } } }\n`,
    expected: ["6:79"],
  },
  {
    // Loopback written as IPv6 does: an IPv4 loopback address mapped into IPv6, and ::1 written out.
    rule: "exposed-datastore",
    text: `${head}services:\n  db: { kind: database, image: "pg:16", ports: { pg: 5432 }, volumes: { d: /data } }\nenvironments:\n  prod: { platform: compose, nodes: { h: { kind: host, run: { a: { service: db, publish: { pg: { host: 5001, bind: "::ffff:127.0.0.1" } } }, b: { service: db, publish: { pg: { host: 5002, bind: "0:0:0:0:0:0:0:1" } } }, c: { service: db, publish: { pg: { host: 5003, bind: "::ffff:10.0.0.5" } } } } } } }\n`,
    expected: ["6:249"],
  },
  {
    rule: "missing-health-check",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  j: { kind: job, image: "j:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, j] } } }\n`,
    expected: ["4:3"],
  },
  {
    // A step that sets the others up and exits, and a tool with no network, are no long-running services.
    rule: "missing-health-check",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { image: 'acme/api:1.4' }",
        "  setup: { image: 'acme/api:1.4', command: [setup] }",
        "  keys: { image: 'acme/kibana:8.15', command: [genkeys], network_mode: none }",
        "  db-migrate: { image: 'acme/api:1.4', command: [migrate] }",
        "",
      ].join("\n"),
    },
    expected: ["2:3"],
  },
  {
    // What is built from a Dockerfile with a HEALTHCHECK has one, unless the compose file or the Dockerfile turns it off.
    rule: "missing-health-check",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { build: ./api }",
        "  worker: { build: { context: ./api, dockerfile: Dockerfile.worker } }",
        '  inline: { build: { context: ., dockerfile_inline: "FROM alpine:3.20\\nHEALTHCHECK CMD true" } }',
        "  off: { build: ./api, healthcheck: { disable: true } }",
        "  early: { build: { context: ./api, target: base } }",
        "  lower: { build: ./lower }",
        "",
      ].join("\n"),
      // Docker reads a context's dockerfile in lower case too where it has no Dockerfile.
      "lower/dockerfile": "FROM alpine:3.20\nHEALTHCHECK CMD true\n",
      "api/Dockerfile":
        "FROM node:20 AS base\nFROM base\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/health || exit 1\n",
      "api/Dockerfile.worker": "FROM node:20\nHEALTHCHECK CMD node check.js\nHEALTHCHECK NONE\n",
    },
    // Built to a stage before the one with the check, it has none; the Dockerfile of ./api is read
    // once for the three that build it, and its stages told apart by target all the same.
    expected: ["3:3", "6:3"],
  },
  {
    rule: "volume-without-backup",
    text: `${head}services:\n  db: { kind: database, image: "pg:16", volumes: { data: /data, logs: { path: /logs, backup: none needed } } }\nenvironments:\n  production: { platform: compose, nodes: { h: { kind: host, run: [db] } } }\n`,
    expected: ["4:52"],
  },
  {
    rule: "single-replica-in-production",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  production: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: , b: { replicas: 2 } } } } }\n`,
    expected: ["7:75"],
  },
  {
    // An image that names no kind of service, which a Service sends traffic to: it serves requests.
    rule: "single-replica-in-production",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "cart", "production"),
        "    spec: { containers: [{ name: cart, image: 'myorg/cart:1.0', ports: [{ containerPort: 8080 }] }] }",
        "  replicas: 1",
        "---",
        "apiVersion: v1",
        "kind: Service",
        "metadata: { name: cart, namespace: production }",
        "spec: { selector: { app: cart }, ports: [{ port: 80, targetPort: 8080 }] }",
        "",
      ].join("\n"),
    },
    expected: ["9:13"],
  },
  {
    rule: "no-resource-limits",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1", memory: 128Mi }\n  c: { kind: api, image: "c:1", cpu: 250m }\n  d: { kind: api, image: "d:1", memory: 128Mi, cpu: 250m }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: [a, b, c, d] } } }\n`,
    expected: ["9:65", "9:68", "9:71"],
  },
  {
    // A native sidecar (an init container that restarts Always) runs beside the containers, packed
    // with them; an init container that is done before they start is packed by what it states too.
    rule: "no-resource-limits",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      initContainers:",
        "        - { name: migrate, image: 'api:1.0' }",
        "        - { name: proxy, image: 'proxy:1.0', restartPolicy: Always }",
        "      containers:",
        "        - { name: api, image: 'api:1.0', resources: { requests: { cpu: 250m, memory: 64Mi }, limits: { memory: 64Mi } } }",
        "",
      ].join("\n"),
    },
    expected: ["10:19", "11:19"],
  },
  {
    rule: "hpa-without-cpu-request",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: { min: 2, max: 4 } } } } } }\n`,
    expected: ["6:66"],
  },
  {
    rule: "hpa-without-cpu-request",
    text: `${head}services:\n  a: { kind: api, image: "a:1", cpu: { request: 250m } }\n  b: { kind: api, image: "b:1", memory: { request: 256Mi } }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: { min: 2, max: 4, memory-target: 70 } }, b: { replicas: { min: 2, max: 4, cpu-target: 60, memory-target: 70 } } } } } }\n`,
    // Scaled on memory with no memory request; on CPU as well, with none for CPU.
    expected: ["7:66", "7:122"],
  },
  {
    rule: "disruption-budget-blocks-eviction",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1" }\n  c: { kind: api, image: "c:1" }\nenvironments:\n  k:\n    platform: kubernetes\n    nodes:\n      c:\n        kind: cluster\n        run:\n          a: { replicas: 2, disruption-budget: { min-available: 2 } }\n          b: { replicas: { min: 2, max: 6 }, disruption-budget: { max-unavailable: "0%" } }\n          c: { replicas: 3, disruption-budget: { min-available: "100%" } }\n`,
    expected: ["14:65", "15:84", "16:65"],
  },
  {
    rule: "disruption-budget-blocks-eviction",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1" }\n  c: { kind: api, image: "c:1" }\nenvironments:\n  k:\n    platform: kubernetes\n    nodes:\n      c:\n        kind: cluster\n        run:\n          a: { replicas: 3, disruption-budget: { min-available: 2 } }\n          b: { replicas: { min: 2, max: 6 }, disruption-budget: { max-unavailable: 1 } }\n          c: { replicas: 3, disruption-budget: { min-available: "50%" } }\n          d: { service: c, replicas: 0, disruption-budget: { min-available: 0 } }\n`,
    expected: [],
  },
  {
    // A share of the pods is rounded up, as the disruption controller does: 90% of 3 is 3, 50% of 1 is 1.
    rule: "disruption-budget-blocks-eviction",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1" }\n  c: { kind: api, image: "c:1" }\nenvironments:\n  k:\n    platform: kubernetes\n    nodes:\n      c:\n        kind: cluster\n        run:\n          a: { replicas: 3, disruption-budget: { min-available: "90%" } }\n          b: { replicas: 1, disruption-budget: { min-available: "50%" } }\n          c: { replicas: 2, disruption-budget: { min-available: "60%" } }\n          d: { service: c, replicas: 3, disruption-budget: { max-unavailable: "10%" } }\n`,
    expected: ["14:65", "15:65", "16:65"],
  },
  {
    rule: "replicas-without-disruption-budget",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: 3, disruption-budget: false }, b: { replicas: 3 } } } } }\n`,
    // At the replicas, what a budget is for; the hint names the key that switched it off.
    expected: ["7:81"],
  },
  {
    rule: "replicas-without-disruption-budget",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: 1, disruption-budget: false } } } } }\n`,
    expected: [],
  },
  {
    rule: "replicas-without-spreading",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  b: { kind: api, image: "b:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: { min: 1, max: 4 }, spread: false }, b: { replicas: 3, spread: zone } } } } }\n`,
    expected: ["7:81"],
  },
  {
    rule: "replicas-without-spreading",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { replicas: 1, spread: false } } } } }\n`,
    expected: [],
  },
  {
    rule: "undocumented-variable",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  api:\n    image: shop/api:${API_TAG:-1}\n    environment:\n      # ${IN_A_COMMENT}\n      DB: ${DB_URL}\n      PRICE: $$5\n",
      ".env.example": "API_TAG=1.4.2\n# OPTIONAL=\n",
      ".env": "DB_URL=postgres://db/app\n",
    },
    expected: ["6:11"],
  },
  {
    rule: "undocumented-variable",
    text: "",
    files: {
      "compose.yaml": "services:\n  api:\n    image: shop/api:${API_TAG:-1}\n    command: run ${OPTIONAL-}\n",
      ".env.example": "API_TAG=1.4.2\n# OPTIONAL=--verbose\n",
    },
    expected: [],
  },
  {
    rule: "undocumented-variable",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  api:\n    image: shop/api:${API_TAG:-1}\n    command: run ${MODE:?set MODE}\n",
      "example.env": "API_TAG=1.4.2\n",
      "README.md": "MODE=fast\n",
      ".env": "MODE=fast\n",
    },
    expected: ["4:18"],
  },
  {
    // An example named without the leading dot is the example all the same.
    rule: "undocumented-variable",
    text: "",
    files: {
      "compose.yaml": "services:\n  api:\n    image: shop/api:${API_TAG}\n    command: run ${MODE}\n",
      "env.example": "API_TAG=1.4.2\n",
      ".env": "API_TAG=1.4.2\nMODE=fast\n",
    },
    expected: ["4:18"],
  },
  {
    // A variable with a default need not be set: only a use without one makes it required, and is where it is reported.
    rule: "undocumented-variable",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  api:\n    image: shop/api:${API_TAG:-1}\n    command: run ${MODE:-fast} ${LEVEL-info}\n    environment:\n      TAG: ${API_TAG}\n",
      ".env.example": "DB_URL=\n",
      ".env": "API_TAG=1.4.2\n",
    },
    expected: ["6:12"],
  },
  {
    rule: "runs-as-root",
    text: `${head}services:\n  a: { kind: api, image: "a:1", security: { user: 0 } }\n  b: { kind: api, image: "b:1", security: { user: 1000 } }\n  c: { kind: api, image: "c:1", security: { user: "root:root" } }\n  d: { kind: api, image: "d:1", security: { user: "1000:0" } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c, d] } } }\n`,
    expected: ["4:51", "6:51"],
  },
  {
    rule: "privileged-container",
    text: `${head}services:\n  a: { kind: api, image: "a:1", security: { privileged: true } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["4:57"],
  },
  {
    rule: "host-namespace",
    text: `${head}services:\n  a: { kind: api, image: "a:1", network-mode: host, pid: host, ipc: host }\n  b: { kind: api, image: "b:1", network-mode: bridge, ipc: shareable }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    expected: ["4:33", "4:53", "4:64"],
  },
  {
    rule: "host-namespace",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  cache:\n    image: redis:7\n    network_mode: host\n  worker:\n    image: w:1\n    ipc: host\n    pid: host\n",
    },
    expected: ["4:5", "8:5", "7:5"],
  },
  {
    rule: "host-namespace",
    text: `${head}services:\n  a: { kind: api, image: "a:1", userns-mode: host, uts: host, cgroup: host }\n  b: { kind: api, image: "b:1", cgroup: private }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    expected: ["4:33", "4:52", "4:63"],
  },
  {
    rule: "host-namespace",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  monitor:\n    image: m:1\n    userns_mode: host\n    uts: host\n    cgroup: host\n",
    },
    expected: ["4:5", "5:5", "6:5"],
  },
  {
    rule: "host-namespace",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  monitor:\n    image: m:1\n    network_mode: host\n    ports: ['127.0.0.1:9100:9100']\n  web:\n    image: w:1\n    ports: ['8080:80']\n",
    },
    // The ports of the service on the host's network, which Docker discards; the other's are its own.
    expected: ["4:5", "5:13"],
  },
  {
    rule: "runs-as-root",
    text: "",
    files: { "compose.yaml": rootAndPrivileged },
    expected: ["4:11"],
  },
  {
    // A pod that states no user runs as the image's, root for most images: kube-linter's
    // run-as-non-root and the restricted Pod Security Standard ask for runAsNonRoot or a user.
    rule: "runs-as-root",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "open"),
        "---",
        ...workloadHead("Deployment", "denied"),
        "    spec:",
        "      securityContext: { runAsNonRoot: false }",
        "      containers: [{ name: c, image: 'c:1' }]",
        "---",
        ...workloadHead("Deployment", "nonroot"),
        "    spec:",
        "      securityContext: { runAsNonRoot: true }",
        "      containers: [{ name: c, image: 'c:1' }]",
        "---",
        ...workloadHead("Deployment", "user"),
        "    spec: { containers: [{ name: c, image: 'c:1', securityContext: { runAsUser: 1000 } }] }",
        "",
      ].join("\n"),
    },
    expected: ["3:13", "18:40"],
  },
  {
    // A sidecar or init container that states no user, beside a first container that does, runs as
    // its image's user all the same; one that inherits a safe pod setting, or sets its own, does not.
    rule: "runs-as-root",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      initContainers: [{ name: setup, image: 's:1', securityContext: { runAsUser: 1000 } }]",
        "      containers:",
        "        - { name: api, image: 'api:1', securityContext: { runAsNonRoot: true, runAsUser: 1000 } }",
        "        - { name: shipper, image: 'fluent-bit:2' }",
        "        - { name: agent, image: 'agent:1', securityContext: { readOnlyRootFilesystem: true } }",
        "---",
        ...workloadHead("Deployment", "safe"),
        "    spec:",
        "      securityContext: { runAsNonRoot: true }",
        "      containers: [{ name: safe, image: 'safe:1' }, { name: side, image: 'side:1' }]",
        "",
      ].join("\n"),
    },
    expected: ["12:19", "13:61"],
  },
  {
    rule: "privileged-container",
    text: "",
    files: { "compose.yaml": rootAndPrivileged },
    expected: ["5:17"],
  },
  {
    // Compose reads a boolean written as text, or filled in by a variable, as the boolean.
    rule: "privileged-container",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a: { image: 'a:1', privileged: 'true' }",
        "  b: { image: 'b:1', privileged: '${PRIVILEGED:-yes}' }",
        "  c: { image: 'c:1', privileged: 'false' }",
        "",
      ].join("\n"),
    },
    expected: ["2:34", "3:34"],
  },
  {
    rule: "disruption-budgets-overlap",
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
    // The later budget, at its selector: the one that took pods another already guarded.
    expected: ["18:79"],
  },
  {
    rule: "writable-root-filesystem",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a: { image: 'a:1', read_only: 'true' }",
        "  b: { image: 'b:1', read_only: '${READ_ONLY:-off}' }",
        "",
      ].join("\n"),
    },
    expected: ["3:3"],
  },
  {
    rule: "starts-before-healthy",
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: { db: { wait: started }, q: { wait: started } } }\n  b: { kind: api, image: "b:1", uses: [db] }\n  db: { kind: database, image: "pg:16", health: { command: [pg_isready] }, volumes: { d: /data } }\n  q: { kind: queue, image: "q:1", volumes: { d: /data } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, db, q] } } }\n`,
    expected: ["4:41"],
  },
  {
    rule: "starts-before-healthy",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: a:1",
        "    depends_on: [db, cache, setup]",
        "  web:",
        "    image: w:1",
        "    depends_on:",
        "      db: { condition: service_healthy }",
        "      cache: { condition: service_started }",
        "      api: { condition: service_started }",
        "  db:",
        "    image: postgres:16",
        "    healthcheck: { test: [CMD, pg_isready] }",
        "  cache:",
        "    image: redis:7",
        "    healthcheck: { test: [CMD, redis-cli, ping] }",
        "  setup:",
        "    image: s:1",
        "    healthcheck: { test: [NONE] }",
        "",
      ].join("\n"),
    },
    // The list form waits for the start only; a check of NONE is no check.
    expected: ["4:18", "4:22", "9:7"],
  },
  {
    rule: "port-on-all-interfaces",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: a:1",
        "    ports: ['8080:80', '127.0.0.1:9090:90', '0.0.0.0:7070:70', '6000', { target: 5000, published: 5001, host_ip: 10.0.0.5 }]",
        "",
      ].join("\n"),
    },
    expected: ["4:13", "4:64"],
  },
  {
    rule: "port-on-all-interfaces",
    // A local environment's Compose binds what has no address to localhost; Kubernetes publishes otherwise.
    text: `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, access: local, nodes: { h: { kind: host, run: { a: { publish: { http: 8080 } } } } } }\n  prod: { platform: compose, access: public, nodes: { h: { kind: host, run: { a: { publish: { http: { host: 8080, bind: 10.0.0.5 } } } } } } }\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { a: { publish: { http: 30080 } } } } } }\n`,
    expected: [],
  },
  {
    rule: "missing-path",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { image: a:1, build: ./api }",
        "  web: { image: w:1, build: { context: ./web } }",
        "secrets:",
        "  pw: { file: ./pw.txt }",
        "",
      ].join("\n"),
      "web/README.md": "no Dockerfile here\n",
    },
    expected: ["2:29", "3:40", "5:15"],
  },
  {
    rule: "missing-path",
    text: "",
    files: {
      "compose.yaml": "services:\n  api: { image: a:1, build: ./api }\nsecrets:\n  pw: { file: ./pw.txt }\n",
      "api/Dockerfile": "FROM alpine:3.20\n",
      "pw.txt": "not read\n",
    },
    expected: [],
  },
  {
    rule: "compose-obsolete-version",
    text: "",
    files: { "compose.yaml": 'version: "3.8"\nservices:\n  api:\n    image: a:1\n' },
    expected: ["1:1"],
  },
  {
    rule: "compose-obsolete-version",
    text: "",
    files: { "compose.yaml": "services:\n  api:\n    image: a:1\n" },
    expected: [],
  },
  {
    // Compose fills ${APP_DIR} in from its own environment, where the service meant its own APP_DIR;
    // $$ leaves it to the container, and a variable the service itself takes from Compose's is meant so.
    rule: "container-variable-from-host",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a:",
        "    image: alpine:3.20",
        '    command: sh -c "ls ${APP_DIR}/x; echo $$APP_DIR"',
        '    healthcheck: { test: [CMD-SHELL, "test -f $APP_DIR/ok && test $$HOME"] }',
        "    environment:",
        "      APP_DIR: /srv",
        "  b:",
        "    image: alpine:3.20",
        '    entrypoint: ["serve", "--port", "${PORT:-3000}"]',
        "    environment:",
        "      PORT: ${PORT:-3000}",
        "  c:",
        "    image: alpine:3.20",
        '    command: ["echo", "${GREETING:-hi}", "$MODE"]',
        "    environment: [MODE=prod, GREETING]",
        "",
      ].join("\n"),
    },
    expected: ["4:24", "5:47", "15:43"],
  },
  {
    rule: "container-variable-from-host",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a:",
        "    image: alpine:3.20",
        '    command: sh -c "ls $$APP_DIR"',
        "    environment: { APP_DIR: /srv, TAG: '${TAG:-1}' }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // Defined again by the including file: refused by Compose 2, merged over the included one by Compose 5.
    rule: "include-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "include: [db/compose.yaml]",
        "services:",
        "  db:",
        "    image: postgres:16.4",
        "    volumes: [pg:/var/lib/postgresql/data]",
        "  api: { image: 'shop/api:1.0', depends_on: [db] }",
        "volumes:",
        "  pg: { driver: local }",
        "",
      ].join("\n"),
      "db/compose.yaml": [
        "services:",
        "  db:",
        "    image: postgres:16.4",
        "    volumes: [pg:/var/lib/postgresql/data]",
        "    restart: always",
        "volumes:",
        "  pg: {}",
        "",
      ].join("\n"),
    },
    expected: ["3:3", "8:3"],
  },
  {
    // Two included files that define one network differently; the files of one entry merge as -f files do.
    rule: "include-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "include:",
        "  - path: [a.yaml, a-local.yaml]",
        "  - b.yaml",
        "services:",
        "  api: { image: 'shop/api:1.0', depends_on: [a, b] }",
        "",
      ].join("\n"),
      "a.yaml": "services:\n  a: { image: 'a:1', networks: [data] }\nnetworks:\n  data: { driver: bridge }\n",
      "a-local.yaml": "networks:\n  data: { driver: bridge, internal: true }\n",
      "b.yaml":
        "services:\n  b: { image: 'b:1', networks: [data] }\nnetworks:\n  data: { driver: overlay }\n",
    },
    expected: ["3:5"],
  },
  {
    // The same definition in both is taken once, as Compose takes it.
    rule: "include-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "include: [db/compose.yaml]",
        "services:",
        "  api: { image: 'shop/api:1.0', depends_on: [db] }",
        "volumes:",
        "  pg: {}",
        "",
      ].join("\n"),
      "db/compose.yaml": [
        "services:",
        "  db: { image: 'postgres:16.4', volumes: ['pg:/var/lib/postgresql/data'] }",
        "volumes:",
        "  pg: {}",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "starts-before-healthy",
    text: "",
    files: {
      "compose.yaml": [
        "x-app: &app",
        "  image: a:1",
        "  depends_on:",
        "    db: { condition: service_started }",
        "services:",
        "  web: { <<: *app }",
        "  worker: { <<: *app }",
        "  db:",
        "    image: postgres:16",
        "    healthcheck: { test: [CMD, pg_isready] }",
        "",
      ].join("\n"),
    },
    // Once, in the anchor both services take it from.
    expected: ["4:5"],
  },
  {
    // A health check its image gives, or the Dockerfile it builds, is waited for the same as one written here.
    rule: "starts-before-healthy",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: a:1",
        "    depends_on: [db, app, plain]",
        "  db:",
        "    image: postgres:16",
        "    healthcheck: { interval: 5s }",
        "  app: { build: ./app }",
        "  plain: { build: ./plain }",
        "",
      ].join("\n"),
      "app/Dockerfile": "FROM alpine:3.20\nHEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1\n",
      "plain/Dockerfile": "FROM alpine:3.20\n",
    },
    expected: ["4:18", "4:22"],
  },
  {
    rule: "workload-selector-mismatch",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: api }",
        "spec:",
        "  selector: { matchLabels: { app: api-server } }",
        "  template:",
        "    metadata: { labels: { app: api } }",
        "    spec: { containers: [{ name: api, image: 'api:1.0' }] }",
        "---",
        "apiVersion: apps/v1",
        "kind: DaemonSet",
        "metadata: { name: agent }",
        "spec:",
        "  template:",
        "    metadata: { labels: { app: agent } }",
        "    spec: { containers: [{ name: agent, image: 'agent:1.0' }] }",
        "---",
        "apiVersion: apps/v1",
        "kind: StatefulSet",
        "metadata: { name: db }",
        "spec:",
        "  selector: { matchExpressions: [{ key: tier, operator: NotIn, values: [db] }] }",
        "  template:",
        "    metadata: { labels: { app: db, tier: db } }",
        "    spec: { containers: [{ name: db, image: 'postgres:16' }] }",
        "",
      ].join("\n"),
    },
    expected: ["5:13", "13:1", "22:13"],
  },
  {
    // A ReplicationController selects by the labels themselves; left out, it takes its template's.
    rule: "workload-selector-mismatch",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: web }",
        "spec:",
        "  selector: { app: web-server }",
        "  template:",
        "    metadata: { labels: { app: web } }",
        "    spec: { containers: [{ name: web, image: 'web:1.0' }] }",
        "---",
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: cache }",
        "spec:",
        "  template:",
        "    metadata: { labels: { app: cache } }",
        "    spec: { containers: [{ name: cache, image: 'redis:7.2' }] }",
        "---",
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: queue }",
        "spec:",
        "  selector: { app: queue }",
        "  template:",
        "    metadata: { labels: { app: queue, tier: back } }",
        "    spec: { containers: [{ name: queue, image: 'rabbitmq:3.13' }] }",
        "",
      ].join("\n"),
    },
    expected: ["5:13"],
  },
  {
    rule: "privileged-container",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("ReplicaSet", "web"),
        "    spec: { containers: [{ name: web, image: 'web:1.0', securityContext: { privileged: true } }] }",
        "---",
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: legacy }",
        "spec:",
        "  template:",
        "    metadata: { labels: { app: legacy } }",
        "    spec: { containers: [{ name: legacy, image: 'legacy:1.0', securityContext: { privileged: true } }] }",
        "",
      ].join("\n"),
    },
    expected: ["8:88", "16:94"],
  },
  {
    rule: "workload-selector-mismatch",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: api }",
        "spec:",
        "  selector:",
        "    matchLabels: { app: api }",
        "    matchExpressions: [{ key: tier, operator: In, values: [web, api] }, { key: legacy, operator: DoesNotExist }]",
        "  template:",
        "    metadata: { labels: { app: api, tier: api, version: '2' } }",
        "    spec: { containers: [{ name: api, image: 'api:1.0' }] }",
        "---",
        "apiVersion: batch/v1",
        "kind: Job",
        "metadata: { name: migrate }",
        "spec: { template: { spec: { restartPolicy: Never, containers: [{ name: m, image: 'api:1.0' }] } } }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // An env_file beside the list does not hide what the list repeats.
    rule: "duplicate-variable",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  app:",
        "    image: nextcloud:27-apache",
        "    env_file: db.env",
        "    environment:",
        "      - REDIS_HOST=redis",
        "      - REDIS_HOST=cache",
        "",
      ].join("\n"),
      "db.env": "POSTGRES_DB=nextcloud\n",
    },
    expected: ["7:9"],
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
        "      - LOG_LEVEL=debug",
        "      - PORT=8080",
        "      - LOG_LEVEL=info",
        "  worker:",
        "    image: worker:1.0",
        "    environment: { LOG_LEVEL: debug, PORT: 8080 }",
        "",
      ].join("\n"),
    },
    expected: ["7:9"],
  },
  {
    rule: "duplicate-variable",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: api:1.0",
        "          env: [{ name: MODE, value: a }, { name: PORT, value: '80' }, { name: MODE, value: b }]",
        "        - name: proxy",
        "          image: proxy:1.0",
        "          env: [{ name: MODE, value: a }]",
        "",
      ].join("\n"),
    },
    expected: ["12:80"],
  },
  {
    rule: "service-target-port-unknown",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - { name: api, image: 'api:1.0', ports: [{ name: web, containerPort: 8080 }] }",
        "        - { name: metrics, image: 'exporter:1.0', ports: [{ name: metrics, containerPort: 9100 }] }",
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 80, targetPort: http, name: a }, { port: 9100, targetPort: metrics, name: b }] }",
        ),
        "",
      ].join("\n"),
    },
    expected: ["16:65"],
  },
  {
    // Kubernetes looks a name up in the containers and the native sidecars, not in an init container
    // that is done before the pod serves: a Service aimed at the setup step's port sends nowhere.
    rule: "service-target-port-unknown",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      initContainers:",
        "        - { name: setup, image: 'setup:1.0', ports: [{ name: admin, containerPort: 9000 }] }",
        "        - { name: proxy, image: 'proxy:1.0', restartPolicy: Always, ports: [{ name: envoy, containerPort: 9901 }] }",
        "      containers:",
        "        - { name: api, image: 'api:1.0', ports: [{ name: web, containerPort: 8080 }] }",
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 9000, targetPort: admin, name: a }, { port: 9901, targetPort: envoy, name: b }] }",
        ),
        "",
      ].join("\n"),
    },
    expected: ["18:67"],
  },
  {
    rule: "service-target-port-unknown",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - { name: api, image: 'api:1.0', ports: [{ name: web, containerPort: 8080 }] }",
        "        - { name: metrics, image: 'exporter:1.0', ports: [{ name: metrics, containerPort: 9100 }] }",
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 80, targetPort: web, name: a }, { port: 9100, name: b }] }",
        ),
        "---",
        ...workloadHead("Deployment", "quiet"),
        "    spec: { containers: [{ name: quiet, image: 'quiet:1.0' }] }",
        "---",
        ...service("quiet", "{ selector: { app: quiet }, ports: [{ port: 80, targetPort: 8081 }] }"),
        "",
      ].join("\n"),
    },
    // A port the containers declare, by name or number (a targetPort left out is the port); and a
    // number for containers that declare none, which may listen anywhere.
    expected: [],
  },
  {
    rule: "removed-api-version",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        "apiVersion: extensions/v1beta1",
        "kind: Deployment",
        "metadata: { name: api }",
        "spec: { template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: 'api:1.0' }] } } }",
        "---",
        "apiVersion: policy/v1beta1",
        "kind: PodDisruptionBudget",
        "metadata: { name: api }",
        "spec: { maxUnavailable: 1, selector: { matchLabels: { app: api } } }",
        "",
      ].join("\n"),
    },
    expected: ["1:13", "6:13"],
  },
  {
    rule: "removed-api-version",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        "apiVersion: flowcontrol.apiserver.k8s.io/v1beta2",
        "kind: FlowSchema",
        "metadata: { name: fs }",
        "spec: { priorityLevelConfiguration: { name: global-default } }",
        "---",
        "apiVersion: batch/v2alpha1",
        "kind: CronJob",
        "metadata: { name: nightly }",
        "spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: c, image: 'c:1.0' }] } } } } }",
        "",
      ].join("\n"),
    },
    expected: ["10:13", "15:13"],
  },
  {
    rule: "removed-api-version",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: api }",
        "spec: { selector: { matchLabels: { app: api } }, template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: 'api:1.0' }] } } }",
        "---",
        ...disruptionBudget("api", "{ maxUnavailable: 1, selector: { matchLabels: { app: api } } }"),
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    rule: "invalid-image-name",
    text: "",
    files: {
      "compose.yaml": [
        "x-base: &base { image: MyOrg/Api:1.2 }",
        "services:",
        "  api: { <<: *base }",
        "  worker: { <<: *base }",
        "  web: { image: 'ghcr.io/acme/web:release 2' }",
        "  db: { image: 'postgres:16@sha256:abc' }",
        "",
      ].join("\n"),
    },
    // Once where the anchor names it, for both services.
    expected: ["1:24", "5:17", "6:16"],
  },
  {
    rule: "invalid-image-name",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { image: 'localhost:5000/acme/api:v1.2_rc-1' }",
        "  web: { image: 'ghcr.io/acme/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }",
        "  proxy: { image: '${REGISTRY:-docker.io}/library/nginx:1.27' }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // Compose fills the variables in; a cluster would pull "${REGISTRY}/api:1.4" as it is.
    rule: "invalid-image-name",
    text: [
      head.trimEnd(),
      "services:",
      '  api: { kind: api, image: "${REGISTRY}/api:1.4" }',
      '  web: { kind: web, image: "shop/web:${TAG:-1.0}" }',
      "environments:",
      "  dev: { platform: compose, nodes: { h: { kind: host, run: [api, web] } } }",
      "  prod:",
      "    platform: kubernetes",
      '    nodes: { c: { kind: cluster, nodes: { ns: { kind: namespace, run: { api: , web: { image: "shop/web:1.0" } } } } } }',
      "",
    ].join("\n"),
    expected: ["4:28"],
  },
  {
    rule: "governing-service-not-headless",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("StatefulSet", "db"),
        "    spec: { containers: [{ name: db, image: 'postgres:16' }] }",
        "  serviceName: db",
        "---",
        ...service("db", "{ selector: { app: db }, ports: [{ port: 5432 }] }"),
        "",
      ].join("\n"),
    },
    expected: ["9:16"],
  },
  {
    rule: "governing-service-not-headless",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("StatefulSet", "db"),
        "    spec: { containers: [{ name: db, image: 'postgres:16' }] }",
        "  serviceName: db",
        "---",
        ...service("db", "{ clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }"),
        "",
      ].join("\n"),
    },
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
        ...workloadHead("Deployment", "pay", "shop"),
        "    spec: { serviceAccountName: payments, containers: [{ name: c, image: 'c:1' }] }",
        "---",
        ...workloadHead("Deployment", "ship", "shop"),
        "    spec: { serviceAccountName: shipping, containers: [{ name: c, image: 'c:1' }] }",
        "---",
        ...workloadHead("Deployment", "mail", "mail"),
        "    spec: { serviceAccount: payments, containers: [{ name: c, image: 'c:1' }] }",
        "---",
        ...workloadHead("Deployment", "web", "shop"),
        "    spec: { serviceAccountName: default, containers: [{ name: c, image: 'c:1' }] }",
        "",
      ].join("\n"),
    },
    // Defined in another namespace is not defined in the workload's.
    expected: ["21:33", "30:29"],
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
        "          ports: [{ name: prometheus-metrics, containerPort: 9090 }, { name: HTTP, containerPort: 80 }, { name: grpc-web, containerPort: 81 }]",
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 80, targetPort: '8080', name: a }, { port: 81, targetPort: grpc-web, name: b }] }",
        ),
        "",
      ].join("\n"),
    },
    expected: ["12:27", "12:78", "17:65"],
  },
  {
    // A Service's own port name is a DNS label: up to 63 lower-case letters, digits and '-'.
    rule: "invalid-port-name",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 80, name: HTTP }, { port: 81, name: web_http }, { port: 82, name: -web }] }",
        ),
        "",
      ].join("\n"),
    },
    expected: ["13:59", "13:85", "13:115"],
  },
  {
    // A probe's port quoted is a name to the API server, which refuses one of digits alone.
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
        "          ports: [{ name: http, containerPort: 8080 }]",
        "          readinessProbe: { httpGet: { path: /ready, port: '8080' } }",
        "          livenessProbe: { tcpSocket: { port: http } }",
        "          startupProbe: { tcpSocket: { port: 8080 } }",
        "",
      ].join("\n"),
    },
    expected: ["13:60"],
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
        "          - { name: net.core.somaxconn, value: '1024' }",
        "      containers: [{ name: api, image: 'api:1.0' }]",
        "",
      ].join("\n"),
    },
    // The safe ones, in either spelling, are left alone.
    expected: ["13:21"],
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
        "        - { name: setup, image: 'setup:1.0', securityContext: { allowPrivilegeEscalation: true } }",
        "      containers:",
        "        - name: api",
        "          image: 'api:1.0'",
        "          securityContext: { allowPrivilegeEscalation: true }",
        "        - name: agent",
        "          image: 'agent:1.0'",
        "          securityContext: { allowPrivilegeEscalation: false }",
        "",
      ].join("\n"),
    },
    // Written as true, in the init container and the workload's own; false and unset are left alone.
    expected: ["10:91", "14:56"],
  },
  {
    rule: "deprecated-service-account-field",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      serviceAccount: default",
        "      containers: [{ name: api, image: 'api:1.0' }]",
        "---",
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      serviceAccountName: default",
        "      containers: [{ name: web, image: 'web:1.0' }]",
        "",
      ].join("\n"),
    },
    expected: ["9:7"],
  },
  {
    rule: "disruption-budget-without-eviction-policy",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...disruptionBudget("api", "{ minAvailable: 1, selector: { matchLabels: { app: api } } }"),
        "---",
        ...oneContainer("Deployment", "web"),
        "---",
        ...disruptionBudget(
          "web",
          "{ minAvailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: web } } }",
        ),
        "",
      ].join("\n"),
    },
    expected: ["12:19"],
  },
  {
    rule: "ssh-port-exposed",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  git:",
        "    image: gitea/gitea:1.21",
        '    ports: ["3000:3000", "2222:22", "5353:22/udp"]',
        "",
      ].join("\n"),
    },
    // TCP only: 22 over UDP is not SSH.
    expected: ["4:26"],
  },
  {
    rule: "ssh-port-exposed",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  sshd:",
        "    image: linuxserver/openssh-server:9.6",
        '    ports: ["22:2222"]',
        "",
      ].join("\n"),
    },
    // Its SSH port inside is 2222; the host's 22 is what scanners reach.
    expected: ["4:13"],
  },
  {
    rule: "ssh-port-exposed",
    text: `${head}services:\n  api: { kind: api, image: "a:1", ports: { http: 8080, dns: { port: 22, protocol: udp } } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api] } } }\n`,
    expected: [],
  },
  {
    // A port only a Service names is found where the Service sends traffic to it, not at the workload.
    rule: "ssh-port-exposed",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...service(
          "api-ssh",
          "{ selector: { app: api }, ports: [{ name: ssh, port: 2222, targetPort: 22 }] }",
        ),
        "",
      ].join("\n"),
    },
    expected: ["13:78"],
  },
  {
    rule: "autoscaler-targets-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: { name: web }",
        "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }, minReplicas: 2, maxReplicas: 4 }",
        "",
      ].join("\n"),
    },
    expected: ["13:72"],
  },
  {
    // A DaemonSet, a Job and a Pod have no scale subresource: the autoscaler finds nothing to scale.
    rule: "autoscaler-targets-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("DaemonSet", "agent"),
        "---",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: { name: agent }",
        "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: DaemonSet, name: agent }, maxReplicas: 4 }",
        "",
      ].join("\n"),
    },
    expected: ["13:54"],
  },
  {
    // apps/v1 has no kind Deploymnet: the autoscaler finds no resource to scale.
    rule: "autoscaler-targets-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: { name: api }",
        "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deploymnet, name: api }, maxReplicas: 4 }",
        "",
      ].join("\n"),
    },
    expected: ["13:54"],
  },
  {
    // A label no pod carries, and a requirement no pod meets; in another namespace, pods do not count.
    rule: "network-policy-selects-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        ...networkPolicy(
          "api",
          "{ podSelector: { matchLabels: { app: api-server } }, policyTypes: [Ingress] }",
        ),
        "---",
        ...networkPolicy(
          "canary",
          "{ podSelector: { matchExpressions: [{ key: track, operator: In, values: [canary] }] } }",
        ),
        "---",
        ...networkPolicy("elsewhere", "{ podSelector: { matchLabels: { app: api } } }", "mail"),
        "",
      ].join("\n"),
    },
    expected: ["13:44", "18:22", "23:44"],
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
          "{ minAvailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: { matchLabels: { app: api-server } } }",
        ),
        "",
      ].join("\n"),
    },
    expected: ["13:99"],
  },
  {
    rule: "writable-root-filesystem",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - { name: api, image: 'api:1.0' }",
        "        - { name: agent, image: 'agent:1.0', securityContext: { runAsNonRoot: true } }",
        "        - { name: proxy, image: 'proxy:1.0', securityContext: { readOnlyRootFilesystem: true } }",
        "",
      ].join("\n"),
    },
    // The workload's own container is the service; a sidecar is found where it is written.
    expected: ["11:46", "3:13"],
  },
  {
    rule: "net-raw-not-dropped",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { image: 'api:1.0' }",
        "  web: { image: 'web:1.0', cap_drop: [CHOWN] }",
        "  db: { image: 'db:1.0', cap_drop: [ALL] }",
        "  cache: { image: 'cache:1.0', cap_drop: [CAP_NET_RAW] }",
        "",
      ].join("\n"),
    },
    expected: ["2:3", "3:3"],
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
        "        - { name: api, image: 'api:1.0', securityContext: { capabilities: { drop: [NET_RAW] } } }",
        "        - { name: agent, image: 'agent:1.0' }",
        "",
      ].join("\n"),
    },
    expected: ["11:19"],
  },
  {
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "x-env: &env",
        "  DATABASE_URL: postgres://app:s3cr3t@db/app",
        "services:",
        "  web: { image: w:1, environment: *env }",
        "  worker: { image: w:1, environment: { <<: *env, MODE: worker } }",
        "",
      ].join("\n"),
    },
    // Once, at the value in the anchor both services take it from.
    expected: ["2:17"],
  },
  {
    rule: "container-name-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a: { image: nginx:1.27, container_name: web }",
        "  b: { image: nginx:1.27, container_name: web }",
        "  c: { image: nginx:1.27, container_name: worker, deploy: { replicas: 2 } }",
        "  d: { image: nginx:1.27, container_name: other }",
        // scale, the older way to say deploy.replicas.
        "  e: { image: nginx:1.27, container_name: batch, scale: 3 }",
        "",
      ].join("\n"),
    },
    expected: ["3:43", "4:43", "6:43"],
  },
  // Alternatives in profiles of their own each clash with one in no profile, in whatever order:
  // named together where it comes last, each found where it comes first or between them.
  ...[
    ["blue", "green", ""],
    ["", "blue", "green"],
    ["blue", "", "green"],
  ].map((order) => ({
    rule: "container-name-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        ...order.map(
          (profile) =>
            `  web-${profile || "any"}: { image: 'web:1', container_name: web${profile ? `, profiles: [${profile}]` : ""} }`,
        ),
        "",
      ].join("\n"),
    },
    expected: order[2] === "" ? ["4:46"] : order[0] === "" ? ["3:47", "4:48"] : ["3:46", "4:48"],
  })),
  {
    rule: "container-name-conflict",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  one: { platform: compose, nodes: { h: { kind: host, run: { a: { container-name: shop-a } } } } }\n  two: { platform: compose, nodes: { h: { kind: host, run: { a: { container-name: shop-a } } } } }\n`,
    // Each environment is a host of its own.
    expected: [],
  },
  {
    rule: "exposed-datastore",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  db: { image: postgres:16, ports: ['5432'], volumes: ['pg:/var/lib/postgresql/data'] }",
        "  cache: { image: redis:7, ports: ['127.0.0.1::6379'], volumes: ['redis:/data'] }",
        "volumes: { pg: {}, redis: {} }",
        "",
      ].join("\n"),
    },
    // "5432" publishes on every interface, on a port the system picks.
    expected: ["2:37"],
  },
  {
    // On the host's network a datastore listens on the host's interfaces, with nothing published.
    rule: "exposed-datastore",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  db: { image: postgres:16, network_mode: host, volumes: ['pg:/var/lib/postgresql/data'] }",
        "  api: { image: acme/api:1.0, network_mode: host }",
        "volumes: { pg: {} }",
        "",
      ].join("\n"),
    },
    expected: ["2:29"],
  },
  {
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  a: { image: a:1, ports: ['80'], deploy: { replicas: 2 } }\n  b: { image: b:1, ports: ['80'] }\n",
    },
    // Ports the system picks never clash, whatever the replicas.
    expected: [],
  },
  {
    // A node port is the cluster's, across namespaces; one Service may take it for TCP and UDP both.
    rule: "host-port-conflict",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "web"),
        "---",
        ...oneContainer("Deployment", "dns"),
        "---",
        "apiVersion: v1",
        "kind: Service",
        "metadata: { name: web, namespace: shop }",
        "spec: { type: NodePort, selector: { app: web }, ports: [{ name: a, port: 80, nodePort: 30080 }, { name: b, port: 81, nodePort: 0 }] }",
        "---",
        "apiVersion: v1",
        "kind: Service",
        "metadata: { name: dns }",
        "spec:",
        "  type: NodePort",
        "  selector: { app: dns }",
        "  ports:",
        "    - { name: tcp, port: 53, nodePort: 30053 }",
        "    - { name: udp, port: 53, nodePort: 30053, protocol: UDP }",
        "    - { name: web, port: 80, nodePort: 30080 }",
        "    - { name: any, port: 81, nodePort: 0 }",
        "",
      ].join("\n"),
    },
    expected: ["33:40"],
  },
  {
    rule: "image-latest-tag",
    text: "",
    files: {
      "compose.yaml": [
        "x-worker: &worker",
        "  image: shop/worker",
        "services:",
        "  mail: { <<: *worker }",
        "  jobs: { <<: *worker }",
        "  api: { build: ., image: shop/api:latest }",
        "",
      ].join("\n"),
      Dockerfile: "FROM node:20\n",
    },
    // Once, in the anchor; an image the service builds names the build's result.
    expected: ["2:10"],
  },
  {
    // At the anchor's value, where it is fixed, not at the aliases that take it: once, however many do.
    rule: "image-latest-tag",
    text: "",
    files: {
      "compose.yaml": [
        "x-image: &image shop/worker:latest",
        "services:",
        "  mail: { image: *image }",
        "  jobs:",
        "    image: *image",
        "",
      ].join("\n"),
    },
    expected: ["1:17"],
  },
  {
    // An image another service of the project builds is that build's result, written with its tag or without.
    rule: "image-latest-tag",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web: { build: ., image: myapp }",
        "  worker: { image: myapp, command: [worker] }",
        "  beat: { image: 'myapp:latest', command: [beat] }",
        "  cache: { image: redis }",
        "",
      ].join("\n"),
      Dockerfile: "FROM node:20\n",
    },
    expected: ["5:19"],
  },
  {
    rule: "service-selects-nothing",
    text: "",
    manifests: true,
    files: {
      "app.yaml": selectsNothing,
    },
    expected: ["18:26"],
  },
  {
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web:",
        "    build:",
        "      context: .",
        "      args:",
        "        NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789",
        "        GITHUB_TOKEN: ${GITHUB_TOKEN}",
        "        NODE_ENV: production",
        "  worker:",
        "    build: { context: ., args: [API_KEY=k3y-abcdef123456, VERSION=1.2] }",
        "",
      ].join("\n"),
      ".env.example": "GITHUB_TOKEN=\n",
      Dockerfile: "FROM node:20\n",
    },
    // A build argument that is only a variable is passed through from the environment. At the value,
    // as a variable's is: what to take out of the file.
    expected: ["6:20", "10:33"],
  },
  {
    // A password in a connection string, and one that is all digits.
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    environment:",
        "      CONN: Server=db;User Id=sa;Password=Str0ngP@ss;",
        "      ADMIN_PASSWORD: 123456",
        "      TOKEN_TTL: 3600",
        "",
      ].join("\n"),
    },
    expected: ["5:13", "6:23"],
  },
  {
    // A password in a URL's query (JDBC, libpq URIs) or in libpq's key=value form, whatever the variable is called.
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    environment:",
        "      JDBC_URL: jdbc:postgresql://db:5432/shop?user=shop&password=Secr3tpw",
        "      DSN: postgres://db/shop?sslmode=disable&password=Secr3tpw",
        "      PG_CONNINFO: host=db user=shop password=Secr3tpw dbname=shop",
        "",
      ].join("\n"),
    },
    expected: ["5:17", "6:12", "7:20"],
  },
  {
    rule: "dangerous-capability",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  vpn:\n    image: v:1\n    cap_add: [SYS_ADMIN, NET_BIND_SERVICE, cap_net_admin]\n",
    },
    expected: ["4:15", "4:44"],
  },
  {
    rule: "dangerous-capability",
    text: `${head}services:\n  a: { kind: api, image: "a:1", security: { capabilities: [NET_BIND_SERVICE] } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: [],
  },
  {
    rule: "unconfined-profile",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  debug:\n    image: d:1\n    security_opt: [no-new-privileges:true, seccomp:unconfined, apparmor=unconfined]\n",
    },
    expected: ["4:44", "4:64"],
  },
  {
    rule: "unconfined-profile",
    text: `${head}services:\n  a: { kind: api, image: "a:1", security: { unconfined: [selinux] } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["4:58"],
  },
  {
    rule: "unconfined-profile",
    text: `${head}services:\n  a: { kind: api, image: "a:1", security: { unconfined: [seccomp] } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["4:58"],
  },
  {
    // SELinux separation turned off: Docker's label=disable (or label:disable), and the
    // super-privileged spc_t type a pod or container asks for in Kubernetes.
    rule: "unconfined-profile",
    text: "",
    files: {
      "compose.yaml":
        "services:\n  a:\n    image: a:1\n    security_opt: [label=disable]\n  b:\n    image: b:1\n    security_opt: ['label:disable', 'label=type:container_t']\n",
    },
    expected: ["4:20", "7:20"],
  },
  {
    rule: "unconfined-profile",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "agent"),
        "    spec:",
        "      securityContext: { seLinuxOptions: { type: spc_t } }",
        "      containers: [{ name: agent, image: 'agent:1.0' }]",
        "---",
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      securityContext: { seLinuxOptions: { type: spc_t } }",
        "      containers: [{ name: web, image: 'web:1.0', securityContext: { seLinuxOptions: { type: container_t } } }]",
        "",
      ].join("\n"),
    },
    // The container's own type stands for it, where it sets one.
    expected: ["9:42"],
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
        "      cache: { condition: service_healthy }",
        "      setup: { condition: service_completed_successfully }",
        "  db:",
        "    image: mysql:8.0",
        "    healthcheck: { disable: true }",
        "  cache:",
        "    image: redis:7",
        "    healthcheck: { test: [CMD, redis-cli, ping] }",
        "  setup:",
        "    image: s:1",
        "",
      ].join("\n"),
    },
    expected: ["5:7"],
  },
  {
    // A health check turned off, and a mount made read-only, in text Compose reads as true.
    rule: "wait-without-health-check",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  app: { image: 'a:1', depends_on: { db: { condition: service_healthy } } }",
        "  db: { image: 'd:1', healthcheck: { disable: 'true' } }",
        "",
      ].join("\n"),
    },
    expected: ["2:38"],
  },
  {
    rule: "stateful-without-volume",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  db:",
        "    image: mysql:8.0",
        "    volumes: [{ type: volume, source: my, target: /var/lib/mysql, read_only: 'yes' }]",
        "volumes: { my: {} }",
        "",
      ].join("\n"),
    },
    expected: ["2:3"],
  },
  {
    rule: "docker-socket-mounted",
    text: `${head}services:\n  a: { kind: api, image: "a:1", volumes: { sock: "/var/run/docker.sock:/var/run/docker.sock" } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["4:44"],
  },
  {
    rule: "docker-socket-mounted",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("DaemonSet", "agent"),
        "    spec:",
        "      containers: [{ name: agent, image: 'agent:1.0', volumeMounts: [{ name: c, mountPath: /run/containerd/containerd.sock }, { name: crio, mountPath: /host/crio.sock }] }]",
        "      volumes: [{ name: c, hostPath: { path: /run/containerd/containerd.sock } }, { name: crio, hostPath: { path: /var/run/crio/crio.sock } }]",
        "",
      ].join("\n"),
    },
    // containerd's and CRI-O's sockets give the host as Docker's does.
    expected: ["9:70", "9:127"],
  },
  {
    // A mount written as a mapping is pointed at the path it mounts, not at the start of its entry.
    rule: "docker-socket-mounted",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  agent:",
        "    image: agent:1.0",
        "    volumes:",
        "      - type: bind",
        "        source: /var/run/docker.sock",
        "        target: /var/run/docker.sock",
        "",
      ].join("\n"),
    },
    expected: ["6:9"],
  },
  {
    // A port written as a mapping is pointed at the host port it is published on.
    rule: "exposed-datastore",
    text: "",
    files: {
      "compose.prod.yaml": [
        "services:",
        "  db:",
        "    image: postgres:16",
        "    volumes: ['pg:/var/lib/postgresql/data']",
        "    ports:",
        "      - target: 5432",
        "        published: 5432",
        "      - mode: host",
        "        target: 5433",
        "        published: '5433'",
        "volumes: { pg: {} }",
        "",
      ].join("\n"),
    },
    expected: ["7:9", "10:9"],
  },
  {
    rule: "sensitive-host-mount",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  exporter:",
        "    image: prom/node-exporter:v1.8.0",
        "    volumes:",
        "      - /:/rootfs:ro",
        "      - /etc/localtime:/etc/localtime:ro",
        "      - ./config:/config",
        "      - { type: bind, source: /proc/, target: /host/proc }",
        "",
      ].join("\n"),
    },
    // A file inside /etc, and a folder of the project, are not the host's system.
    expected: ["5:9", "8:23"],
  },
  {
    // A user's credentials: SSH keys, cloud and cluster credentials, registry logins.
    rule: "sensitive-host-mount",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  deployer:",
        "    image: deployer:1.0",
        "    volumes:",
        "      - ~/.ssh:/root/.ssh:ro",
        "      - /home/ci/.aws/:/root/.aws",
        "      - { type: bind, source: /root/.kube, target: /kube }",
        "      - ~/.docker/config.json:/config.json:ro",
        "      - ~/.config/gcloud:/gcloud",
        "      - ./.ssh-known-hosts:/known_hosts",
        "      - ~/projects/app/.sshd:/etc/sshd",
        "",
      ].join("\n"),
    },
    // A file in one (a registry login) as well; a project's own folders are not a user's.
    expected: ["5:9", "6:9", "7:23", "8:9", "9:9"],
  },
  {
    rule: "sensitive-host-mount",
    text: `${head}services:\n  a: { kind: api, image: "a:1", volumes: { tz: { path: /etc/localtime, type: bind, source: /etc/localtime }, data: { path: /etc, source: etc } } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: [],
  },
  {
    rule: "ingress-without-tls",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 } }\nenvironments:\n  production: { platform: kubernetes, access: public, nodes: { c: { kind: cluster, run: [a], nodes: { in: { kind: ingress, routes: { /: a } } } } } }\n`,
    expected: ["6:103"],
  },
  {
    // Saying there is none is not stating TLS: TLS: none, a TODO, "no TLS yet".
    rule: "ingress-without-tls",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 } }\nenvironments:\n  production:\n    platform: kubernetes\n    access: public\n    infrastructure: { TLS: none, Certificates: "disabled (plain HTTP)" }\n    nodes: { c: { kind: cluster, run: [a], nodes: { in: { kind: ingress, routes: { /: a }, notes: "TODO: no TLS yet" } } } }\n`,
    expected: ["10:53"],
  },
  {
    // A node's own TLS that denies it is where TLS is to be stated: the finding points at its value.
    rule: "ingress-without-tls",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 } }\nenvironments:\n  production:\n    platform: kubernetes\n    access: public\n    nodes: { c: { kind: cluster, run: [a], nodes: { in: { kind: ingress, routes: { /: a }, properties: { TLS: none } } } } }\n`,
    expected: ["9:111"],
  },
  {
    rule: "ingress-without-tls",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 } }\nenvironments:\n  production: { platform: kubernetes, access: public, infrastructure: { TLS: cert-manager }, nodes: { c: { kind: cluster, run: [a], nodes: { in: { kind: ingress, routes: { /: a } } } } } }\n`,
    expected: [],
  },
  {
    rule: "ingress-without-tls",
    text: `${head}services:\n  a: { kind: web, image: "a:1", ports: { http: 80 } }\nenvironments:\n  production: { platform: kubernetes, access: public, nodes: { c: { kind: cluster, run: [a], nodes: { in: { kind: ingress, routes: { /: a }, properties: { TLS: cert-manager } } } } } }\n`,
    expected: [],
  },
  {
    // Each Ingress for itself: one with spec.tls does not cover another, nor one whose backend leads
    // nowhere here; one that routes nothing is none.
    rule: "ingress-without-tls",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "web"),
        "---",
        ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
        "---",
        ...service("orphan", "{ selector: { app: gone }, ports: [{ port: 80 }] }"),
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: shop }",
        "spec:",
        "  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]",
        "  defaultBackend: { service: { name: web, port: { number: 80 } } }",
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: admin }",
        "spec:",
        "  defaultBackend: { service: { name: web, port: { number: 80 } } }",
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: legacy }",
        "spec:",
        "  defaultBackend: { service: { name: orphan, port: { number: 80 } } }",
        "---",
        "# Routes nothing: no way in.",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: placeholder }",
        "spec: { ingressClassName: nginx, rules: [{ host: shop.example.com }] }",
        "",
      ].join("\n"),
    },
    expected: ["30:1", "36:1"],
  },
  {
    // An Ingress of several hosts is one finding, at its spec, not one for each host.
    rule: "ingress-without-tls",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: { name: shop }",
        "spec:",
        "  rules:",
        ...["shop.example.com", "api.example.com"].map(
          (host) =>
            `    - { host: ${host}, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }`,
        ),
        "",
      ].join("\n"),
    },
    expected: ["9:1"],
  },
  {
    rule: "duplicate-mount-path",
    text: `${head}services:\n  web:\n    kind: web\n    image: "nginx:1.27"\n    volumes: { html: { path: /srv/www, type: bind, source: ./html }, static: /srv/www/ }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [web] } } }\n`,
    expected: ["7:70"],
  },
  {
    // A named volume, a bind mount and a tmpfs, as Compose writes them.
    rule: "duplicate-mount-path",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    volumes: ['./html:/usr/share/nginx/html', 'static:/usr/share/nginx/html/', 'static:/srv/static']",
        "    tmpfs: [/srv/static]",
        "volumes: { static: {} }",
        "",
      ].join("\n"),
    },
    expected: ["4:47", "5:13"],
  },
  {
    // A ConfigMap's mount, which the model keeps as a note, and a sidecar's, found in the manifest.
    rule: "duplicate-mount-path",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - { name: api, image: 'api:1.0', volumeMounts: [{ name: conf, mountPath: /etc/app }, { name: scratch, mountPath: /etc/app/ }] }",
        "        - { name: agent, image: 'agent:1.0', volumeMounts: [{ name: scratch, mountPath: /tmp }, { name: conf, mountPath: /tmp }] }",
        "      volumes: [{ name: conf, configMap: { name: conf, optional: true } }, { name: scratch, emptyDir: {} }]",
        "",
      ].join("\n"),
    },
    expected: ["10:122", "11:122"],
  },
  {
    // A service in no profile, and one in a profile its dependency lacks; the misses beside them:
    // a dependency in every profile of its dependent, one in none, and one that is not required.
    rule: "dependency-outside-profile",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  mailer: { image: 'shop/mailer:2.0', profiles: [mail, full] }",
        "  api: { image: 'shop/api:1.0', depends_on: [mailer] }",
        "  worker: { image: 'shop/worker:1.0', profiles: [mail, batch], depends_on: [mailer] }",
        "  notifier: { image: 'shop/notifier:1.0', profiles: [mail], depends_on: [mailer, api] }",
        "  web:",
        "    image: shop/web:1.0",
        "    depends_on: { mailer: { condition: service_started, required: false } }",
        "",
      ].join("\n"),
    },
    expected: ["3:46", "4:77"],
  },
  {
    rule: "dependency-outside-profile",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  mailer: { image: 'shop/mailer:2.0', profiles: [mail] }",
        "  worker: { image: 'shop/worker:1.0', profiles: [mail], depends_on: [mailer] }",
        "  web: { image: 'shop/web:1.0', depends_on: { mailer: { condition: service_started, required: false } } }",
        "",
      ].join("\n"),
    },
    expected: [],
  },
  {
    // In a model the same holds of uses in a compose environment; Kubernetes has no profiles.
    rule: "dependency-outside-profile",
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: [b] }\n  b: { kind: worker, image: "b:1", profiles: [debug] }\n  c: { kind: api, image: "c:1", uses: [b] }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n  prod: { platform: kubernetes, nodes: { k: { kind: cluster, run: [c, b] } } }\n`,
    expected: ["4:40"],
  },
  {
    // Compose's service_completed_successfully on a database, a server that publishes ports and one that always restarts.
    rule: "wait-for-server-exit",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  db: { image: 'postgres:16', volumes: ['data:/var/lib/postgresql/data'], healthcheck: { test: [CMD, pg_isready] } }",
        "  web: { image: 'nginx:1.27', ports: ['8080:80'] }",
        "  agent: { image: 'shop/agent:1.0', restart: always }",
        "  cache: { image: 'redis:7.2' }",
        "  api:",
        "    image: shop/api:1.0",
        "    depends_on:",
        "      db: { condition: service_completed_successfully }",
        "      web: { condition: service_completed_successfully }",
        "      agent: { condition: service_completed_successfully }",
        "      cache: { condition: service_completed_successfully }",
        "volumes: { data: {} }",
        "",
      ].join("\n"),
    },
    // The cache says nothing of how it runs, but its image runs a server.
    expected: ["9:7", "10:7", "11:7", "12:7"],
  },
  {
    // Replicas by count, by autoscaler and on every node; the miss cases are beside them.
    rule: "claim-shared-by-replicas",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...claim("uploads", "ReadWriteOnce"),
        "---",
        ...claim("shared", "ReadWriteMany"),
        "---",
        ...workloadHead("Deployment", "web").slice(0, 4),
        "  replicas: 2",
        ...workloadHead("Deployment", "web").slice(4),
        "    spec: { containers: [{ name: web, image: 'web:1.0' }], volumes: [{ name: up, persistentVolumeClaim: { claimName: uploads } }] }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0' }], volumes: [{ name: up, persistentVolumeClaim: { claimName: uploads } }] }",
        "---",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: { name: api }",
        "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }, minReplicas: 1, maxReplicas: 4 }",
        "---",
        ...workloadHead("DaemonSet", "agent"),
        "    spec: { containers: [{ name: agent, image: 'agent:1.0' }], volumes: [{ name: up, persistentVolumeClaim: { claimName: uploads } }, { name: sh, persistentVolumeClaim: { claimName: shared } }] }",
        "",
      ].join("\n"),
    },
    expected: ["19:118", "28:118", "42:122"],
  },
  {
    rule: "build-and-image",
    text: `${head}services:\n  a: { kind: api, image: "a:1", build: ./a }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["4:3"],
  },
  {
    rule: "production-without-gate",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  staging: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  production: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["7:3"],
  },
  {
    rule: "production-without-gate",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  staging: { platform: compose, promotes-to: { production: tests pass }, nodes: { h: { kind: host, run: [a] } } }\n  production: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: [],
  },
  {
    // Pre-production and non-production are not production; a production of a region is.
    rule: "production-without-gate",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  pre-prod: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  np: { name: Non production, platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  prod-eu: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["8:3"],
  },
  {
    // A gate an environment states to itself gates nothing.
    rule: "production-without-gate",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  staging: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  production: { platform: compose, promotes-to: { production: approved }, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["7:3"],
  },
  {
    rule: "service-deployed-nowhere",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\n  old: { kind: api, image: "o:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["5:3"],
  },
  {
    rule: "used-service-not-deployed",
    text: `${head}services:\n  a: { kind: api, image: "a:1", uses: [db], env: { DB: { endpoint: db } } }\n  db: { kind: database, image: "pg:16", volumes: { d: /d } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    // At the use and the variable, where the dependency is written.
    expected: ["4:40", "4:52"],
  },
  {
    rule: "used-service-not-deployed",
    text: `${head}services:\n  p: { kind: proxy, image: "p:1", routes: { /api: a, /: w } }\n  a: { kind: api, image: "a:1" }\n  w: { kind: web, image: "w:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [p, w] } } }\n`,
    // A proxy whose route goes to a service its environment does not run: at the route.
    expected: ["4:45"],
  },
  {
    rule: "health-port-undeclared",
    text: `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 }, health: { tcp: 9090 } }\n  b: { kind: api, image: "b:1", ports: { http: 80 }, health: { tcp: http } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    expected: ["4:69"],
  },
  {
    // An HTTP check that names no port probes the service's first, and 'a' declares none; a check
    // with a command of its own runs that.
    rule: "health-port-undeclared",
    text: `${head}services:\n  a: { kind: web, image: "a:1", health: { http: /h } }\n  b: { kind: web, image: "b:1", ports: { http: 80 }, health: { http: /h } }\n  c: { kind: web, image: "c:1", health: { http: /h, command: [wget, -q, "http://localhost/h"] } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }\n`,
    expected: ["4:33"],
  },
  {
    rule: "health-port-undeclared",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { image: 'a:1', ports: ['8080:3000'], healthcheck: { test: [CMD, curl, -f, 'http://localhost:8080/health'] } }",
        "  web: { image: 'w:1', ports: ['8081:80'], healthcheck: { test: 'wget -q --spider http://127.0.0.1:80/ || exit 1' } }",
        "  both: { image: 'b:1', ports: ['8082:3000'], expose: ['8082'], healthcheck: { test: [CMD, nc, -z, localhost, '8082'] } }",
        "  cache: { image: 'redis:7', ports: ['6380:6379'], healthcheck: { test: [CMD-SHELL, 'redis-cli -p 6380 ping'] } }",
        "  host: { image: 'h:1', network_mode: host, healthcheck: { test: [CMD-SHELL, 'curl -f localhost:7000'] } }",
        "  edge: { image: 'e:1', ports: ['7000:80'] }",
        "",
      ].join("\n"),
    },
    // A check in the container that knocks on the port published on the host; a port it also
    // exposes, its own port, and the host's network (where the two are one) are not findings.
    // At the port the command knocks on.
    expected: ["2:101", "5:99"],
  },
  {
    // Every probe of every container, each where its port is written; a declared port, by number or by
    // name, passes. A warning: the kubelet probes the pod on any port, declared or not.
    rule: "health-port-undeclared",
    text: "",
    manifests: true,
    severity: "warning",
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: 'api:1.0'",
        "          ports: [{ name: http, containerPort: 8080 }]",
        "          readinessProbe: { httpGet: { path: /ready, port: 8080 } }",
        "          livenessProbe: { httpGet: { path: /live, port: http } }",
        "          startupProbe: { tcpSocket: { port: 9998 } }",
        "        - name: side",
        "          image: 'side:1.0'",
        "          ports: [{ containerPort: 9000 }]",
        "          livenessProbe: { httpGet: { path: /, port: 9001 } }",
        "",
      ].join("\n"),
    },
    expected: ["15:46", "19:54"],
  },
  {
    // At the word that passes it, in a compose file and in a manifest's args.
    rule: "secret-in-command",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  proxy:",
        "    image: quay.io/oauth2-proxy/oauth2-proxy:v7.5.1",
        "    command:",
        "      - --provider=keycloak-oidc",
        "      - --client-secret=72341b6d-4d3c",
        "",
      ].join("\n"),
    },
    expected: ["6:25"],
  },
  {
    // A secret within a shell's string is pointed at where it is written, plain, quoted or in a block.
    rule: "secret-in-command",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a:",
        "    image: mysql:8.4",
        '    command: sh -c "mysqld --user=hunter2 --password=hunter2"',
        "  b:",
        "    image: mysql:8.4",
        "    command: ['sh', '-c', 'mysqld --password=s3cret']",
        "  c:",
        "    image: mysql:8.4",
        "    command:",
        "      - sh",
        "      - -c",
        "      - |",
        "        mysqld --user=root \\",
        "          --password=s3cret",
        "",
      ].join("\n"),
    },
    // The user's name is the same text: the password is the second time it is written.
    expected: ["4:54", "7:46", "15:22"],
  },
  {
    // Quoted within the shell's string, with quotes the file's string escapes: at the secret, not its quotes.
    rule: "secret-in-command",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  a:",
        "    image: mysql:8.4",
        '    command: "sh -c \\"mysqld --password=\\\\\\"s3cretpass\\\\\\"\\""',
        "  b:",
        "    image: mysql:8.4",
        "    command: ['sh', '-c', 'mysqld --password=\"s3cretpass\"']",
        "",
      ].join("\n"),
    },
    expected: ["4:45", "7:47"],
  },
  {
    // curl's -u or --user with a password after the user's name, in a health check as on a command line.
    rule: "secret-in-command",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  es:",
        "    image: elasticsearch:8.12.2",
        "    volumes: ['esdata:/usr/share/elasticsearch/data']",
        "    healthcheck:",
        "      test: ['CMD-SHELL', 'curl -fsu elastic:Ch4ngedPass http://localhost:9200/_cluster/health']",
        "  probe:",
        "    image: curlimages/curl:8.6.0",
        "    entrypoint: ['curl', '--user=admin:hunter22', 'http://api/']",
        "volumes: { esdata: {} }",
        "",
      ].join("\n"),
    },
    // At the password, in the check and in the entrypoint alike, as in a command.
    expected: ["9:40", "6:46"],
  },
  {
    rule: "use-port-undeclared",
    text: `${head}services:\n  api: { kind: api, image: "a:1", ports: { http: 8080 } }\n  web: { kind: web, image: "w:1", uses: { api: { port: 9999 } }, env: { API: { endpoint: api, port: 7777 } } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api, web] } } }\n`,
    expected: ["5:43", "5:73"],
  },
  {
    // A pool of host ports left too few for its replicas by a fixed port of another; one with ports to spare is fine.
    rule: "host-port-conflict",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  pool: { image: 'nginx:1.27', ports: ['8090-8093:80'], deploy: { replicas: 4 } }",
        "  other: { image: 'nginx:1.27', ports: ['8092:80'] }",
        "  roomy: { image: 'nginx:1.27', ports: ['9000-9003:80'], deploy: { replicas: 2 } }",
        "  near: { image: 'nginx:1.27', ports: ['9001:80'] }",
        "",
      ].join("\n"),
    },
    expected: ["2:40"],
  },
  {
    rule: "secret-in-command",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "cache"),
        "    spec:",
        "      containers:",
        "        - name: redis",
        "          image: 'redis:7.2'",
        "          command: [redis-server]",
        "          args: [--appendonly, 'yes', --requirepass, Sup3rS3cretPass]",
        "",
      ].join("\n"),
    },
    expected: ["13:54"],
  },
  {
    rule: "secret-in-command",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  app:",
        "    image: acme/app:1.0",
        '    entrypoint: ["/app/server", "--password=hunter2"]',
        "  ok:",
        "    image: acme/app:1.0",
        '    entrypoint: ["/app/server", "--password=$$PASSWORD"]',
        "  line:",
        "    image: acme/app:1.0",
        "    entrypoint: /app/server --verbose --password=hunter3",
        "  db:",
        "    image: mysql:8.4",
        "    volumes: ['data:/var/lib/mysql']",
        "    healthcheck:",
        "      test: [CMD, mysqladmin, ping, -h, localhost, -phunter4pass]",
        "volumes: { data: {} }",
        "",
      ].join("\n"),
    },
    // At the secret, in a list's word or a line, as in a command: the model keeps no entrypoint, and
    // the compose file's is read for this alone.
    expected: ["4:45", "10:50", "15:54"],
  },
  {
    // A secret on the command line of any probe, the sidecar's included.
    rule: "secret-in-command",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "db"),
        "    spec:",
        "      containers:",
        "        - name: db",
        "          image: 'mysql:8.4'",
        "          readinessProbe: { exec: { command: [redis-cli, -a, s3cretpass, ping] } }",
        "          livenessProbe: { exec: { command: [mysqladmin, ping, -pS3cretPass] } }",
        "        - name: side",
        "          image: 'side:1.0'",
        "          livenessProbe: { exec: { command: [sh, -c, 'mysqladmin ping -p\"$MYSQL_PASSWORD\"'] } }",
        "",
      ].join("\n"),
    },
    expected: ["13:45", "12:46"],
  },
  {
    // A value a later entry of the same name overrides is still written in the file.
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    environment:",
        "      - DB_PASSWORD=hunter2hunter2",
        "      - DB_PASSWORD=${DB_PASSWORD}",
        "      - MODE=dev",
        "      - MODE=prod",
        "",
      ].join("\n"),
      ".env.example": "DB_PASSWORD=\n",
    },
    expected: ["5:9"],
  },
  {
    // Both values are written in the file: the one that takes effect is the model's, found there.
    rule: "plaintext-secret",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: api:1.0",
        "    environment:",
        "      - API_TOKEN=firsttoken12345",
        "      - API_TOKEN=secondtoken12345",
        "",
      ].join("\n"),
    },
    expected: ["5:9", "6:9"],
  },
  {
    rule: "plaintext-secret",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: 'api:1.0'",
        "          env:",
        "            - { name: DB_PASSWORD, value: hunter2hunter2 }",
        "            - { name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }",
        "",
      ].join("\n"),
    },
    expected: ["13:43"],
  },
  {
    // A Secret's values are secret whatever their keys are called, base64 or not: one finding for
    // the Secret, at its first value written out; an empty value and placeholders are no secret.
    rule: "plaintext-secret",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        "apiVersion: v1",
        "kind: Secret",
        "metadata: { name: db }",
        "data:",
        '  empty: ""',
        "  placeholder: Y2hhbmdlbWU=",
        "  password: aHVudGVyMmh1bnRlcjI=",
        "stringData:",
        "  token: tok-123456789",
        "  url: ${DATABASE_URL}",
        "",
      ].join("\n"),
    },
    expected: ["16:13"],
  },
  {
    // A TLS Secret's key is secret, its certificate is shown to whoever connects; registry
    // credentials are a secret of their own.
    rule: "plaintext-secret",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...oneContainer("Deployment", "api"),
        "---",
        "apiVersion: v1",
        "kind: Secret",
        "metadata: { name: tls }",
        "type: kubernetes.io/tls",
        "data:",
        "  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUI=",
        "  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUU=",
        "---",
        "apiVersion: v1",
        "kind: Secret",
        "metadata: { name: registry }",
        "type: kubernetes.io/dockerconfigjson",
        "data:",
        "  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6eyJhdXRoIjoiZFhObGNqcHdZWE56ZDI5eVpERXlNdz09In19fQ==",
        "",
      ].join("\n"),
    },
    expected: ["16:12", "23:22"],
  },
  {
    // A secretGenerator's literals are written out in the kustomization; its files and env files
    // may be kept out of the repository, and are not read.
    rule: "plaintext-secret",
    text: "",
    manifests: true,
    files: {
      "kustomization.yaml": [
        "resources: [app.yaml]",
        "secretGenerator:",
        "  - name: db",
        "    literals:",
        "      - username=shop",
        "      - password=hunter2hunter2",
        "  - name: api",
        "    files: [api-key.txt]",
        "    envs: [api.env]",
        "    literals: [token=REPLACE_ME]",
        "",
      ].join("\n"),
      "app.yaml": `${oneContainer("Deployment", "api").join("\n")}\n`,
      "api-key.txt": "k3y-abcdef123456\n",
      "api.env": "API_TOKEN=tok-123456789\n",
    },
    expected: ["5:9"],
  },
  {
    // A value an instance gives in one environment; one it inherits is the service's finding, once.
    rule: "plaintext-secret",
    text: `${head}services:\n  a: { kind: api, image: "a:1", env: { MODE: prod } }\nenvironments:\n  prod: { platform: compose, nodes: { h: { kind: host, run: { a: { env: { DB_PASSWORD: hunter2hunter2, MODE: fast } } } } } }\n`,
    expected: ["6:88"],
  },
  {
    rule: "route-port-undeclared",
    text: `${head}services:\n  p: { kind: proxy, image: "p:1", routes: { /a: "b:9999", /b: "b:http" } }\n  b: { kind: api, image: "b:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [p, b] } } }\n`,
    // At the port, within the target it is written in.
    expected: ["4:52"],
  },
  {
    // A node's route, its port written apart.
    rule: "route-port-undeclared",
    text: `${head}services:\n  b: { kind: api, image: "b:1", ports: { http: 80 } }\nenvironments:\n  dev:\n    platform: compose\n    nodes:\n      h: { kind: host, run: [b] }\n      edge: { kind: ingress, routes: { /b: { to: b, port: 8443 } } }\n`,
    expected: ["10:59"],
  },
  {
    // A route that names no port goes to its target's first, and 'n' declares none.
    rule: "route-port-undeclared",
    text: `${head}services:\n  p: { kind: proxy, image: "p:1", ports: { http: 80 }, routes: { /a: n, /b: p } }\n  n: { kind: worker, image: "n:1" }\nenvironments:\n  dev:\n    platform: compose\n    nodes:\n      h: { kind: host, run: [p, n] }\n      edge: { kind: ingress, routes: { /n: n } }\n`,
    expected: ["4:66", "11:40"],
  },
  {
    rule: "duplicate-names",
    text: `${head}services:\n  a: { kind: api, name: API, image: "a:1" }\n  b: { kind: api, name: API, image: "b:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    // At the name the second time it is written.
    expected: ["5:25"],
  },
  {
    rule: "duplicate-names",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  dev:\n    platform: compose\n    nodes:\n      h: { kind: host, name: Laptop, run: [a] }\n      g: { kind: host, name: Laptop }\n`,
    expected: ["10:30"],
  },
  {
    // Two environments named alike, one by the name its id gives it: the document's sections read as one.
    rule: "duplicate-names",
    text: `${head}services:\n  a: { kind: api, image: "a:1" }\nenvironments:\n  dev: { name: Test, platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  qa: { name: Test, platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  staging: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n  stage: { name: Staging, platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["7:15", "9:18"],
  },
  {
    // Two instances of one environment named alike; the same name in another environment is another diagram.
    rule: "duplicate-names",
    text: `${head}services:\n  a: { kind: worker, image: "a:1" }\n  b: { kind: worker, image: "b:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { x: { service: a, name: Worker }, y: { service: b, name: Worker }, a: } } } }\n  prod: { platform: compose, nodes: { h: { kind: host, run: { x: { service: a, name: Worker } } } } }\n`,
    expected: ["7:95"],
  },
  {
    // Two pods that ask for one host port never share a node: each replica needs a node of its
    // own, and those past the nodes that have the port free stay Pending. A DaemonSet runs one pod
    // a node, and one replica asks for the port once.
    rule: "replicas-with-fixed-host-port",
    text: "",
    manifests: true,
    files: {
      "app.yaml": [
        ...hostPortWorkload("Deployment", "api", "  replicas: 2"),
        "---",
        ...hostPortWorkload("Deployment", "web"),
        "---",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: { name: web }",
        "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }, maxReplicas: 3 }",
        "---",
        ...hostPortWorkload("Deployment", "single", "  replicas: 1"),
        "---",
        ...hostPortWorkload("DaemonSet", "agent"),
        "",
      ].join("\n"),
    },
    expected: ["8:96", "18:96"],
    severity: "warning",
  },
  {
    rule: "replicas-with-fixed-host-port",
    text: `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { replicas: 3, publish: [http] } } } } }\n`,
    expected: ["6:90"],
  },
  {
    rule: "replicas-with-fixed-host-port",
    text: `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { replicas: 3, publish: { http: { host: 8090, host-last: 8091 } } } } } } }\n`,
    // Three replicas, a pool of two host ports: the third has none.
    expected: ["6:91"],
  },
  {
    // A count written as text, or filled in by a variable, is a number to Compose, as replicas: 2 is.
    rule: "replicas-with-fixed-host-port",
    text: "",
    files: {
      "compose.yaml": [
        "services:",
        "  api: { image: 'a:1', ports: ['8080:80'], deploy: { replicas: '${REPLICAS:-2}' } }",
        "  worker: { image: 'w:1', ports: ['8081:80'], scale: '3' }",
        "",
      ].join("\n"),
    },
    expected: ["2:32", "3:35"],
  },
  {
    rule: "secret-in-command",
    text: `${head}services:\n  a: { kind: api, image: "a:1", command: [server, "--password=hunter2"] }\n  b: { kind: api, image: "b:1", command: [server, "--password=\${PW}", --token-file, /run/secrets/t] }\n  c: { kind: cache, image: "redis:7", command: "redis-server --requirepass s3cret --maxmemory 100mb" }\n  d: { kind: cache, image: "redis:7", command: "redis-server --requirepass $$REDIS_PASSWORD --bypass x" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b, c, d] } } }\n`,
    // At the secret itself, in the word that passes it or in the command written as one string.
    expected: ["4:63", "6:76"],
  },
  {
    rule: "secret-in-command",
    text: `${head}services:\n  a: { kind: api, image: "a:1", health: { command: [check, --token, abc123] } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    // At the secret itself, in the health check's word that passes it, as in a command.
    expected: ["4:69"],
  },
  {
    // A URL with credentials on the command line; one whose password is a variable passes.
    rule: "secret-in-command",
    text: `${head}services:\n  a: { kind: job, image: "a:1", command: [psql, "postgres://admin:Pa55w0rd@db:5432/app"] }\n  b: { kind: job, image: "b:1", command: [psql, "postgres://admin:\${PG_PASSWORD}@db/app", "https://example.com/a@b"] }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }\n`,
    expected: ["4:67"],
  },
  {
    rule: "bind-mount-in-cluster",
    text: `${head}services:\n  a: { kind: api, image: "a:1", volumes: { app: "./app:/srv/app", logs: "/var/log:/host/log:ro" } }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: [a] } } }\n  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }\n`,
    expected: ["6:65"],
  },
  {
    // Two instances inherit the variable: one finding where it is written. An instance giving it a value passes.
    rule: "host-variable-in-cluster",
    text: `${head}services:\n  a: { kind: api, image: "a:1", env: { LOG_LEVEL: null, MODE: prod } }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: [a] }, d: { kind: cluster, run: { a2: { service: a } } } } }\n`,
    expected: ["4:40"],
  },
];
