/**
 * The model file's schema: the one source of both the published JSON Schema
 * (`schema/deployview.schema.json`) and the TypeScript types of raw input.
 * Keys are kebab-case as users type them; short forms sit beside full forms via unions,
 * and `src/model/resolve/` turns every short form into the full one.
 */

import { type Static, Type as T, type TSchema } from "@sinclair/typebox";
import { CONTAINER_NAME } from "./container-name.js";
import { DURATION_PATTERN } from "./duration.js";
import { serviceKindNames } from "./kinds.js";
import { severitySettings } from "./severity-settings.js";

const strict = { additionalProperties: false } as const;

/**
 * A reference to a shared definition (`#/$defs/name`), typed as the definition. Shared definitions
 * keep the schema, and the validator compiled from it, from repeating the same sub-schema.
 */
function Shared<S extends TSchema>(name: string, schema: S) {
  definitions[name] = schema;
  return T.Unsafe<Static<S>>({ $ref: `#/$defs/${name}` });
}
const definitions: Record<string, TSchema> = {};

/** A closed set of strings as one JSON Schema `enum`: smaller than a union of consts, and one clear error. */
function Enum<const V extends readonly string[]>(values: V, options: { description?: string } = {}) {
  return T.Unsafe<V[number]>({ type: "string", enum: [...values], ...options });
}
/**
 * A whole number as the runtimes take one: no more than a 32-bit integer (Kubernetes' replicas,
 * thresholds and counts), so that YAML's .inf or 1e300 is refused where it is written rather than
 * reach a generated file.
 */
const INT32_MAX = 2147483647;
function Int(options: { minimum?: number; maximum?: number; description?: string } = {}) {
  return T.Integer({ maximum: INT32_MAX, ...options });
}
/** A port number: 1 to 65535. */
const PortNumber = T.Integer({ minimum: 1, maximum: 65535 });
const Text = T.String();
/** Free text or a list of paragraphs/bullets. */
const Notes = T.Union([T.String(), T.Array(T.String())], {
  description: "Free notes: a paragraph or a list",
});
/** Free text where people also type numbers and booleans (`Requests per second: 500`); shown as written. */
const FreeText = T.Union([T.String(), T.Number(), T.Boolean()]);
const StringMap = T.Record(T.String(), FreeText);

/** "512Mi", "1.5GB", 0.5 (CPU), "500m". */
export const Quantity = T.Union([T.String(), T.Number()], {
  description: "A quantity: memory like 512Mi, 1.5GB, 400MB; CPU like 0.5 or 500m",
});
/** A single quantity, a range written "1.5GB-2GB", or request/limit. */
export const Amount = T.Union(
  [
    Quantity,
    T.Object(
      {
        request: T.Optional(Quantity),
        limit: T.Optional(Quantity),
        approximate: T.Optional(T.Boolean({ description: "Shown with ~ in documents" })),
      },
      { ...strict, description: "request (what it needs) and limit (what it may take)" },
    ),
  ],
  { description: "A quantity, a range like '1.5GB-2GB' (request-limit), or { request, limit }" },
);

const AmountRef = Shared("Amount", Amount);
const Resources = T.Object(
  { memory: T.Optional(AmountRef), cpu: T.Optional(AmountRef), disk: T.Optional(AmountRef) },
  { ...strict, description: "Memory, CPU and disk" },
);

const ResourcesRef = Shared("Resources", Resources);

export const Protocol = T.String({
  description: "tcp, udp, http, https, grpc, ws, amqp, mqtt, postgres, mysql, redis, … (free text allowed)",
});

const PortFull = T.Object(
  {
    port: PortNumber,
    protocol: T.Optional(Protocol),
    description: T.Optional(Text),
  },
  strict,
);
const Ports = T.Record(T.String(), T.Union([PortNumber, PortFull]), {
  description: "Named ports: { http: 8000 } or { http: { port: 8000, protocol: http } }",
});

/** A duration as Compose writes it and Kubernetes probes are given it: 10s, 1m30s, 500ms. */
const Duration = T.String({
  pattern: DURATION_PATTERN,
  description: "A duration: 10s, 1m30s, 500ms",
});

const Health = T.Object(
  {
    http: T.Optional(T.String({ description: "HTTP path probed with GET, e.g. /health" })),
    port: T.Optional(T.Union([T.String(), PortNumber], { description: "Port name or number for http/tcp" })),
    tcp: T.Optional(T.Union([T.String(), PortNumber], { description: "Port name or number to open" })),
    command: T.Optional(
      T.Union([T.String(), T.Array(T.String())], { description: "Command run in the container" }),
    ),
    expect: T.Optional(
      Int({ minimum: 100, maximum: 599, description: "Expected HTTP status (default 200)" }),
    ),
    interval: T.Optional(Duration),
    timeout: T.Optional(Duration),
    retries: T.Optional(Int({ minimum: 0 })),
    "start-period": T.Optional(Duration),
  },
  { ...strict, description: "One of http, tcp or command" },
);

const SecretRef = T.Object(
  {
    secret: T.String({ description: "Name of the secret (a key of `secrets`, or free)" }),
    key: T.Optional(T.String({ description: "Key inside the secret" })),
    description: T.Optional(Text),
  },
  strict,
);
const EndpointRef = T.Object(
  {
    endpoint: T.String({ description: "Service whose address this is" }),
    port: T.Optional(T.Union([T.String(), PortNumber])),
    scheme: T.Optional(
      T.String({ description: "http, postgres, redis, … (default from the port's protocol)" }),
    ),
    path: T.Optional(T.String()),
    description: T.Optional(Text),
  },
  strict,
);
const PlainValue = T.Object(
  {
    value: T.Union([T.String(), T.Number(), T.Boolean()]),
    description: T.Optional(Text),
    group: T.Optional(T.String({ description: "Concern the variable belongs to (Database, Auth, AI, …)" })),
  },
  strict,
);
/** No value (`LOG_LEVEL:`), as in Compose: the variable is taken from where the container is started. */
const FromHost = T.Null();
const EnvValue = T.Union([T.String(), T.Number(), T.Boolean(), FromHost, PlainValue, SecretRef, EndpointRef]);
const Env = T.Record(T.String(), EnvValue, {
  description:
    "Variables: plain values, { secret: name }, { endpoint: service } for another service's address, or no value (KEY: with nothing after it), which Compose takes from where it runs",
});

const EnvRef = Shared("Env", Env);

const VolumeFull = T.Object(
  {
    path: T.String({ description: "Where it is mounted in the container" }),
    type: T.Optional(Enum(["volume", "bind", "tmpfs"] as const)),
    source: T.Optional(T.String({ description: "Host path of a bind mount, or volume name" })),
    "read-only": T.Optional(T.Boolean()),
    data: T.Optional(T.String({ description: "What state it holds" })),
    backup: T.Optional(T.String({ description: "How it is backed up" })),
    size: T.Optional(Quantity),
  },
  strict,
);
const Volumes = T.Record(T.String(), T.Union([T.String(), VolumeFull]), {
  description: "Named volumes and bind mounts: { data: /var/lib/mysql } or full form",
});

const UseFull = T.Object(
  {
    protocol: T.Optional(Protocol),
    description: T.Optional(Text),
    port: T.Optional(T.Union([T.String(), PortNumber])),
    optional: T.Optional(
      T.Boolean({
        description:
          "Not needed to start (drawn dashed): no startup dependency, or, with wait, waited for only where both run (Compose's depends_on required: false)",
      }),
    ),
    wait: T.Optional(
      Enum(["started", "healthy", "completed"] as const, {
        description:
          "What this service waits for before it starts (Compose's depends_on condition); by default healthy where the other has a health check, else started",
      }),
    ),
  },
  strict,
);
const Uses = T.Union([T.Array(T.String()), T.Record(T.String(), T.Union([T.String(), T.Null(), UseFull]))], {
  description: "Services this one calls: [db] or { db: SQL } or { db: { protocol, description } }",
});

const Build = T.Union([
  T.String({ description: "Build context" }),
  T.Object(
    {
      context: T.String(),
      dockerfile: T.Optional(T.String()),
      target: T.Optional(T.String()),
      args: T.Optional(
        T.Record(T.String(), T.String(), { description: "Build arguments (Compose build.args)" }),
      ),
      stages: T.Optional(
        T.Array(
          T.Object(
            { name: T.String(), image: T.Optional(T.String()), description: T.Optional(Text) },
            strict,
          ),
        ),
      ),
    },
    strict,
  ),
]);

const SourceCode = T.Object(
  {
    path: T.Optional(T.String({ description: "Folder of the code, e.g. engine/" })),
    language: T.Optional(T.String()),
    framework: T.Optional(T.String()),
    "build-tool": T.Optional(T.String()),
    runtime: T.Optional(T.String()),
    database: T.Optional(T.String()),
    auth: T.Optional(T.String()),
    dependencies: T.Optional(T.Array(T.String())),
    "config-files": T.Optional(T.Array(T.String())),
    details: T.Optional(StringMap),
  },
  { ...strict, description: "Where the code lives and what it is made of (the code inspection summary)" },
);

const Route = T.Union([
  T.String({ description: "Target instance or service, optionally :port" }),
  T.Object(
    { to: T.String(), port: T.Optional(T.Union([T.String(), PortNumber])), description: T.Optional(Text) },
    strict,
  ),
]);
const Routes = T.Record(T.String(), Route, {
  description: "Path → target: { /api/*: backend, /: frontend }",
});

const RoutesRef = Shared("Routes", Routes);

const Security = T.Object(
  {
    "run-as-non-root": T.Optional(T.Boolean()),
    user: T.Optional(T.Union([T.String(), Int({ minimum: 0 })])),
    "read-only-root": T.Optional(T.Boolean()),
    privileged: T.Optional(T.Boolean()),
    capabilities: T.Optional(
      T.Array(T.String(), {
        description: "Linux capabilities added (Compose cap_add), e.g. NET_BIND_SERVICE",
      }),
    ),
    drop: T.Optional(
      T.Array(T.String(), {
        description: "Linux capabilities dropped (Compose cap_drop), e.g. ALL or NET_RAW",
      }),
    ),
    unconfined: T.Optional(
      T.Array(Enum(["seccomp", "apparmor", "selinux"] as const), {
        description:
          "Confinement turned off (Compose security_opt seccomp:unconfined, apparmor:unconfined, label:disable; Kubernetes seLinuxOptions type spc_t)",
      }),
    ),
  },
  strict,
);

export const ServiceKind = Enum(serviceKindNames, { description: "What kind of building block it is" });

export const ServiceInput = T.Object(
  {
    name: T.Optional(T.String({ description: "Display name (default: the key)" })),
    kind: ServiceKind,
    description: T.Optional(Text),
    technology: T.Optional(Text),
    group: T.Optional(T.String()),
    image: T.Optional(T.String()),
    build: T.Optional(Build),
    pull: T.Optional(
      Enum(["always", "missing", "never", "build"] as const, {
        description:
          "When the image is pulled (Compose pull_policy, Kubernetes imagePullPolicy); never and build say the image is what the build makes",
      }),
    ),
    command: T.Optional(T.Union([T.String(), T.Array(T.String())])),
    source: T.Optional(SourceCode),
    ports: T.Optional(Ports),
    health: T.Optional(
      T.Union([Health, T.Literal(false)], {
        description:
          "How it is checked that it works; false for no check on purpose, its image's own turned off too (Compose's disable: true)",
      }),
    ),
    memory: T.Optional(AmountRef),
    cpu: T.Optional(AmountRef),
    env: T.Optional(EnvRef),
    volumes: T.Optional(Volumes),
    uses: T.Optional(Uses),
    routes: T.Optional(RoutesRef),
    restart: T.Optional(Enum(["no", "always", "on-failure", "unless-stopped"] as const)),
    "max-restarts": T.Optional(
      Int({
        minimum: 0,
        description:
          "With restart: on-failure, how often it is restarted before it is given up (Compose on-failure:N, a Job's backoffLimit)",
      }),
    ),
    stateful: T.Optional(
      T.Boolean({ description: "Keeps state (default: true for databases and storage, or with volumes)" }),
    ),
    security: T.Optional(Security),
    "network-mode": T.Optional(T.String({ description: "host, bridge, … (Compose network_mode)" })),
    pid: T.Optional(T.String({ description: "host to share the host's PID namespace" })),
    ipc: T.Optional(T.String({ description: "host to share the host's IPC namespace (Compose ipc)" })),
    "userns-mode": T.Optional(
      T.String({ description: "host to share the host's user namespace (Compose userns_mode)" }),
    ),
    uts: T.Optional(
      T.String({ description: "host to share the host's UTS namespace: its hostname (Compose uts)" }),
    ),
    cgroup: T.Optional(
      T.String({ description: "host to share the host's cgroup namespace (Compose cgroup)" }),
    ),
    profiles: T.Optional(T.Array(T.String())),
    notes: T.Optional(Notes),
  },
  strict,
);

const Replicas = T.Union([
  Int({ minimum: 0 }),
  T.Object(
    {
      min: Int({ minimum: 0 }),
      max: Int({ minimum: 1 }),
      "cpu-target": T.Optional(Int({ minimum: 1, maximum: 100, description: "Average CPU % to scale at" })),
      "memory-target": T.Optional(
        Int({
          minimum: 1,
          maximum: 100,
          description: "Average memory % to scale at; without cpu-target, memory alone is what scales it",
        }),
      ),
      "custom-metrics": T.Optional(
        T.Boolean({
          description:
            "Scaled on metrics of the application (Kubernetes Pods, Object or External metrics), which the model does not describe; without a target, on those alone",
        }),
      ),
    },
    { ...strict, description: "Autoscaling between min and max" },
  ),
]);

const Publish = T.Union(
  [
    T.Array(T.String({ description: "Port name, published on the same host port" })),
    T.Record(
      T.String(),
      T.Union([
        PortNumber,
        T.Object(
          {
            host: T.Optional(
              Int({
                minimum: 1,
                maximum: 65535,
                description: 'Host port (default: any free one the system picks, as Compose\'s "5432")',
              }),
            ),
            "host-last": T.Optional(
              Int({
                minimum: 1,
                maximum: 65535,
                description:
                  'The last of a pool of host ports from host on, each container taking a free one (Compose\'s "8090-8093:80")',
              }),
            ),
            bind: T.Optional(
              T.String({
                pattern: "^(?:(?:\\d{1,3}\\.){3}\\d{1,3}|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\\]?)$",
                description:
                  "Host address, e.g. 127.0.0.1 or ::1 (an address: Compose binds to no host name)",
              }),
            ),
          },
          strict,
        ),
      ]),
    ),
  ],
  { description: "Ports published on the host: [http] or { http: 8080 }" },
);

export const InstanceInput = T.Object(
  {
    service: T.Optional(T.String({ description: "Service to run (default: the key)" })),
    name: T.Optional(T.String({ description: "Display name" })),
    "container-name": T.Optional(
      T.String({
        description: "A fixed container name (Compose container_name), unique on its host",
        pattern: CONTAINER_NAME.source,
      }),
    ),
    description: T.Optional(Text),
    variant: T.Optional(T.String({ description: "What is different here, e.g. minimal" })),
    role: T.Optional(T.String({ description: "primary, replica, …" })),
    replicas: T.Optional(Replicas),
    image: T.Optional(T.String()),
    memory: T.Optional(AmountRef),
    cpu: T.Optional(AmountRef),
    publish: T.Optional(Publish),
    storage: T.Optional(T.Record(T.String(), Quantity, { description: "Volume name → size" })),
    env: T.Optional(EnvRef),
    schedule: T.Optional(T.String({ description: "Cron schedule of a CronJob, e.g. '0 3 * * *'" })),
    "disruption-budget": T.Optional(
      T.Union(
        [
          T.Boolean(),
          T.Object(
            {
              "min-available": T.Optional(T.Union([Int({ minimum: 0 }), T.String()])),
              "max-unavailable": T.Optional(T.Union([Int({ minimum: 0 }), T.String()])),
            },
            strict,
          ),
        ],
        {
          description:
            "Pods kept up during voluntary disruptions: false for none, or { max-unavailable: 1 } (default: at most one down when replicas > 1)",
        },
      ),
    ),
    spread: T.Optional(
      T.Union([T.Literal(false), T.Literal("node"), T.Literal("zone")], {
        description:
          "How replicas are spread so one failure does not take them all: across nodes (the default), across zones, or false for no constraint",
      }),
    ),
    workload: T.Optional(
      Enum(
        ["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "Container", "Process", "File"] as const,
        {
          description: "How it runs (default: derived from the platform and statefulness)",
        },
      ),
    ),
    notes: T.Optional(Notes),
  },
  strict,
);

const Run = T.Union([T.Array(T.String()), T.Record(T.String(), T.Union([T.Null(), InstanceInput]))], {
  description: "Instances on this node: [a, b] or { a: { replicas: 2 } }",
});

export const NodeKind = Enum(
  [
    "host",
    "vm",
    "device",
    "cluster",
    "namespace",
    "network",
    "region",
    "zone",
    "runtime",
    "ingress",
    "load-balancer",
    "reverse-proxy",
    "vpn",
    "dns",
    "firewall",
    "gateway",
    "other",
  ] as const,
  {
    description:
      "host, vm, device, cluster, namespace, network, region, zone, runtime, or an infrastructure node",
  },
);

const NodeBase = T.Object(
  {
    name: T.Optional(T.String()),
    kind: NodeKind,
    technology: T.Optional(Text),
    description: T.Optional(Text),
    count: T.Optional(
      T.Union([Int({ minimum: 1 }), T.String()], {
        description: "How many it stands for: 3, or 'one per site'",
      }),
    ),
    capacity: T.Optional(ResourcesRef),
    budget: T.Optional(ResourcesRef),
    properties: T.Optional(
      T.Record(T.String(), FreeText, { description: "Free properties: power, enclosure, …" }),
    ),
    routes: T.Optional(RoutesRef),
    run: T.Optional(Run),
    notes: T.Optional(Notes),
  },
  strict,
);
/** A deployment node; nodes nest to any depth through the shared definition. */
export type NodeInputType = Static<typeof NodeBase> & { nodes?: Record<string, NodeInputType> };
const NodeRef = T.Unsafe<NodeInputType>({ $ref: "#/$defs/Node" });
export const NodeInput = T.Object(
  {
    ...NodeBase.properties,
    nodes: T.Optional(T.Record(T.String(), NodeRef, { description: "Nodes inside this one" })),
  },
  { ...strict, description: "Something that runs things: host, VM, device, cluster, namespace, network, …" },
);
definitions.Node = NodeInput;

const Access = T.Union([
  Enum(["local", "lan", "vpn", "public"] as const),
  T.Object(
    {
      scope: Enum(["local", "lan", "vpn", "public"] as const),
      description: T.Optional(Text),
    },
    strict,
  ),
]);

const Procedure = T.Union([
  T.Array(T.String()),
  T.Object({ title: T.Optional(T.String()), steps: T.Array(T.String()), notes: T.Optional(Notes) }, strict),
]);

const Link = T.Object(
  {
    from: T.String({ description: "Instance or node" }),
    to: T.String({ description: "Instance or node; environment:instance for another environment" }),
    kind: T.Optional(Enum(["replication", "sync", "backup", "traffic", "other"] as const)),
    description: T.Optional(Text),
    protocol: T.Optional(Protocol),
    via: T.Optional(T.String({ description: "What it travels over, e.g. WireGuard VPN" })),
  },
  strict,
);

export const EnvironmentInput = T.Object(
  {
    name: T.Optional(T.String()),
    purpose: T.Optional(Text),
    platform: Enum(["compose", "kubernetes", "host"] as const),
    distribution: T.Optional(T.String()),
    technology: T.Optional(
      T.String({ description: "Shown in the overview (default: distribution or platform)" }),
    ),
    access: T.Optional(Access),
    status: T.Optional(Enum(["live", "planned"] as const)),
    description: T.Optional(Text),
    infrastructure: T.Optional(
      T.Record(T.String(), FreeText, {
        description: "Aspect → configuration: tls, secrets, monitoring, …",
      }),
    ),
    procedures: T.Optional(T.Record(T.String(), Procedure)),
    "key-files": T.Optional(T.Record(T.String(), T.String())),
    "promotes-to": T.Optional(T.Record(T.String(), FreeText, { description: "Environment → gate" })),
    characteristics: T.Optional(
      T.Record(T.String(), FreeText, { description: "Aspect → value, compared across environments" }),
    ),
    links: T.Optional(T.Array(Link)),
    nodes: T.Record(T.String(), NodeRef),
    notes: T.Optional(Notes),
  },
  strict,
);

const Decision = T.Object(
  {
    id: T.Optional(T.String()),
    title: T.String(),
    status: T.Optional(T.String()),
    date: T.Optional(T.String()),
    context: T.Optional(Notes),
    decision: T.String(),
    consequences: T.Optional(
      T.Object(
        { positive: T.Optional(T.Array(T.String())), negative: T.Optional(T.Array(T.String())) },
        strict,
      ),
    ),
    alternatives: T.Optional(T.Record(T.String(), FreeText, { description: "Alternative → why not" })),
  },
  strict,
);

const SystemInput = T.Object(
  {
    name: T.String(),
    description: T.Optional(Text),
    pattern: T.Optional(
      T.Object(
        {
          type: T.String(),
          description: T.Optional(Text),
          rationale: T.Optional(Text),
          reference: T.Optional(Text),
        },
        strict,
      ),
    ),
    nfrs: T.Optional(
      T.Record(T.String(), T.Record(T.String(), FreeText), {
        description: "Category (performance, scalability, availability, security) → requirement → target",
      }),
    ),
    backup: T.Optional(
      T.Object(
        {
          frequency: T.Optional(T.String()),
          retention: T.Optional(T.String()),
          method: T.Optional(T.String()),
          location: T.Optional(T.String()),
          rto: T.Optional(T.String()),
          rpo: T.Optional(T.String()),
          "disaster-recovery": T.Optional(
            T.Record(T.String(), FreeText, { description: "Scenario → response" }),
          ),
        },
        strict,
      ),
    ),
    observability: T.Optional(
      T.Object(
        {
          tools: T.Optional(T.Record(T.String(), FreeText, { description: "Tool → what for" })),
          metrics: T.Optional(T.Array(T.String())),
          logging: T.Optional(T.Record(T.String(), T.String())),
          alerts: T.Optional(T.Array(T.String())),
        },
        strict,
      ),
    ),
    decisions: T.Optional(T.Array(Decision)),
    cost: T.Optional(
      T.Object(
        {
          currency: T.Optional(T.String()),
          items: T.Record(T.String(), T.Record(T.String(), FreeText), {
            description: "Environment → item → cost",
          }),
          total: T.Optional(T.String()),
          notes: T.Optional(Notes),
        },
        strict,
      ),
    ),
    future: T.Optional(T.Record(T.String(), T.Array(T.String()), { description: "Heading → planned items" })),
    notes: T.Optional(Notes),
  },
  strict,
);

const DocumentMeta = T.Object(
  {
    title: T.Optional(T.String()),
    version: T.Optional(T.String()),
    status: T.Optional(T.String()),
    date: T.Optional(T.String()),
    related: T.Optional(T.Record(T.String(), T.String(), { description: "Label → link" })),
    changelog: T.Optional(
      T.Array(
        T.Object(
          { version: T.String(), date: T.String(), author: T.Optional(T.String()), change: T.String() },
          strict,
        ),
      ),
    ),
  },
  { ...strict, description: "Front matter of the generated document" },
);

const Group = T.Union([
  T.String({ description: "Title" }),
  T.Object({ name: T.String(), description: T.Optional(Text) }, strict),
]);

const Secret = T.Object(
  {
    description: T.Optional(Text),
    source: T.Optional(T.String({ description: "Where it comes from: env, file, vault, kubernetes, …" })),
    env: T.Optional(T.String({ description: "Variable that carries it (default: upper-case name)" })),
    file: T.Optional(T.String()),
  },
  strict,
);

const Outputs = T.Object(
  {
    docs: T.Optional(T.String({ description: "Path of the generated document" })),
    compose: T.Optional(T.Record(T.String(), T.String(), { description: "Environment → compose file path" })),
    kubernetes: T.Optional(
      T.Record(T.String(), T.String(), { description: "Environment → manifest folder" }),
    ),
  },
  strict,
);

const Lint = T.Object(
  {
    rules: T.Optional(
      T.Record(T.String(), Enum(severitySettings), {
        description: "Rule id → severity",
      }),
    ),
  },
  strict,
);

export const ModelInput = T.Object(
  {
    $schema: T.Optional(T.String({ description: "The JSON Schema this file follows (for editors)" })),
    document: T.Optional(DocumentMeta),
    system: SystemInput,
    groups: T.Optional(
      T.Record(T.String(), Group, {
        description: "Groups of services shown together (infrastructure, application, …)",
      }),
    ),
    secrets: T.Optional(
      T.Record(T.String(), T.Union([T.Null(), Secret]), {
        description: "Secrets the services refer to with { secret: name }; values never appear in the model",
      }),
    ),
    services: T.Record(T.String(), ServiceInput, {
      description: "The building blocks (C4 containers), by id: what runs, wherever it runs",
    }),
    environments: T.Record(T.String(), EnvironmentInput, {
      description: "Where the services run, by id: dev, staging, production, …",
    }),
    outputs: T.Optional(Outputs),
    lint: T.Optional(Lint),
  },
  {
    ...strict,
    title: "deployview model",
    $id: "https://deployview.dev/schema/deployview.schema.json",
    $defs: definitions,
  },
);

export type ModelInputType = Static<typeof ModelInput>;
export type ServiceInputType = Static<typeof ServiceInput>;
export type EnvironmentInputType = Static<typeof EnvironmentInput>;
export type InstanceInputType = Static<typeof InstanceInput>;
export type AmountInput = Static<typeof Amount>;

/** The JSON Schema as published: plain JSON, no TypeBox symbols. */
export function buildModelJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(ModelInput as TSchema)) as Record<string, unknown>;
}
