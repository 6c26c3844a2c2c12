/**
 * The resolved model: every short form expanded, every reference checked and linked,
 * every element carrying the source range it came from. All analyses and emitters read this.
 */
import type { Diagnostic, SourceRange } from "../diagnostics.js";
import type { SeveritySetting } from "./severity-settings.js";

export type ServiceKind =
  | "web"
  | "api"
  | "worker"
  | "scheduler"
  | "database"
  | "cache"
  | "queue"
  | "broker"
  | "storage"
  | "proxy"
  | "gateway"
  | "ai"
  | "observability"
  | "job"
  | "auth"
  | "search"
  | "tool"
  | "other";

export type NodeKind =
  | "host"
  | "vm"
  | "device"
  | "cluster"
  | "namespace"
  | "network"
  | "region"
  | "zone"
  | "runtime"
  | "ingress"
  | "load-balancer"
  | "reverse-proxy"
  | "vpn"
  | "dns"
  | "firewall"
  | "gateway"
  | "other";

export const infrastructureNodeKinds: ReadonlySet<NodeKind> = new Set([
  "ingress",
  "load-balancer",
  "reverse-proxy",
  "vpn",
  "dns",
  "firewall",
  "gateway",
]);

export type Platform = "compose" | "kubernetes" | "host";
export type AccessScope = "local" | "lan" | "vpn" | "public";
export type WorkloadKind =
  | "Deployment"
  | "StatefulSet"
  | "DaemonSet"
  | "CronJob"
  | "Job"
  | "Container"
  | "Process"
  | "File";

/** Element that knows where it was written. */
export interface Located {
  /** The element's key (or item) in the source file. */
  at: SourceRange;
}

/**
 * A resource amount, in base units: bytes for memory and disk, millicores for CPU.
 * A single value has request === limit.
 */
export interface Amount {
  request: number;
  limit: number;
  /**
   * Only a request was written (`{ request: 64Mi }`): nothing caps it, so generated configuration
   * reserves it and sets no limit. `limit` repeats the request, for totals that count it.
   */
  requestOnly?: true;
  approximate: boolean;
  /** As the user wrote it, for documents. */
  text: string;
}

export interface Resources {
  memory?: Amount;
  cpu?: Amount;
  disk?: Amount;
}

export interface Port extends Located {
  name: string;
  port: number;
  protocol: string;
  description?: string;
}

export interface HealthCheck extends Located {
  type: "http" | "tcp" | "command";
  /** HTTP path, for type http. */
  path?: string;
  /** The port probed, for http and tcp. */
  port?: Port;
  /** Where the port probed is named, when it is. */
  portAt?: SourceRange;
  command?: string | string[];
  /** Where the command is written: what is said of the command line points there. */
  commandAt?: SourceRange;
  /** Where each word of a command written as a list is, for a finding about one of them. */
  commandWordsAt?: SourceRange[];
  expect: number;
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
}

export type EnvValue =
  | { kind: "plain"; value: string }
  /** Written with no value: taken from the environment the container is started in, as Compose does. */
  | { kind: "host" }
  | { kind: "secret"; secret: string; key?: string }
  | { kind: "endpoint"; service: string; port?: Port; scheme: string; path?: string; host: string };

export interface EnvVar extends Located {
  name: string;
  value: EnvValue;
  /** Where a plain value is written, when apart from the name: what is said of the value points there. */
  valueAt?: SourceRange;
  description?: string;
  group?: string;
}

export interface Volume extends Located {
  name: string;
  path: string;
  type: "volume" | "bind" | "tmpfs";
  /** Host path of a bind mount; the volume name otherwise. */
  source: string;
  readOnly: boolean;
  data?: string;
  backup?: string;
  size?: Amount;
}

export interface Use extends Located {
  /** Service id. */
  target: string;
  protocol?: string;
  description?: string;
  port?: Port;
  optional: boolean;
  /** What the service waits for before it starts, where the model says; else healthy if the other has a health check. */
  wait?: "started" | "healthy" | "completed";
}

export interface Route extends Located {
  path: string;
  /** Instance id where the environment has one, else a service id. */
  target: string;
  port?: Port;
  /** Where the port is written: its own value, or the target it is part of (`api:8080`). */
  portAt?: SourceRange;
  description?: string;
}

export interface Build {
  context: string;
  dockerfile?: string;
  target?: string;
  /** Build arguments, each where its value is written. */
  args: { name: string; value: string; at: SourceRange }[];
  stages: { name: string; image?: string; description?: string }[];
}

export interface SourceCode {
  path?: string;
  language?: string;
  framework?: string;
  buildTool?: string;
  runtime?: string;
  database?: string;
  auth?: string;
  dependencies: string[];
  configFiles: string[];
  details: { key: string; value: string }[];
}

/** What confines a container beside its capabilities: a seccomp or AppArmor profile, an SELinux label. */
export type Confinement = "seccomp" | "apparmor" | "selinux";

export interface Security {
  runAsNonRoot?: boolean;
  user?: string | number;
  readOnlyRoot?: boolean;
  privileged?: boolean;
  /** Linux capabilities added, without the CAP_ prefix, each where it is written. */
  capabilities: { name: string; at: SourceRange }[];
  /** Linux capabilities dropped (ALL among them), without the CAP_ prefix. */
  dropped: string[];
  /** Security profiles turned off, each where it is written. */
  unconfined: { profile: Confinement; at: SourceRange }[];
  /** Where the user, run-as-non-root, privileged and read-only-root are set, for findings about them. */
  at: {
    user?: SourceRange;
    runAsNonRoot?: SourceRange;
    privileged?: SourceRange;
    readOnlyRoot?: SourceRange;
  };
}

export interface Group extends Located {
  id: string;
  name: string;
  description?: string;
}

export interface Service extends Located {
  id: string;
  name: string;
  /** Where the name is written, when it is. */
  nameAt?: SourceRange;
  kind: ServiceKind;
  description?: string;
  technology?: string;
  group?: string;
  image?: string;
  build?: Build;
  command?: string | string[];
  /** Where the command is written. */
  commandAt?: SourceRange;
  /** Where each word of a command written as a list is, for a finding about one of them. */
  commandWordsAt?: SourceRange[];
  source?: SourceCode;
  ports: Port[];
  health?: HealthCheck;
  /** No health check on purpose (health: false), its image's own turned off too. */
  healthDisabled?: true;
  memory?: Amount;
  /** Memory is stated, but could not be read: an error says where and why. */
  memoryUnreadable?: true;
  cpu?: Amount;
  /** CPU is stated, but could not be read: an error says where and why. */
  cpuUnreadable?: true;
  env: EnvVar[];
  volumes: Volume[];
  uses: Use[];
  routes: Route[];
  restart?: "no" | "always" | "on-failure" | "unless-stopped";
  /** With restart on-failure: the restarts after which it is given up. */
  maxRestarts?: number;
  /** When the image is pulled; never and build: the image is the build's own, not one to fetch. */
  pull?: "always" | "missing" | "never" | "build";
  stateful: boolean;
  security: Security;
  networkMode?: string;
  pid?: string;
  ipc?: string;
  usernsMode?: string;
  uts?: string;
  cgroup?: string;
  /** The host's namespaces the service shares (network-mode, pid, ipc, userns-mode, uts or cgroup set to host), each where it is set. */
  hostNamespaces: { namespace: HostNamespace; at: SourceRange }[];
  profiles: string[];
  notes: string[];
}

export interface Replicas {
  min: number;
  max: number;
  autoscale: boolean;
  cpuTarget?: number;
  memoryTarget?: number;
  /** Scaled on metrics of the application too (Kubernetes Pods, Object or External metrics). */
  customMetrics?: boolean;
}

export interface PublishedPort extends Located {
  port: Port;
  /** Undefined: any free port the system picks when the container starts. */
  host?: number;
  /** The last of a pool of host ports from `host` on: each container takes a free one of them. */
  hostLast?: number;
  bind?: string;
}

export interface Instance extends Located {
  /** Unique within the environment. */
  id: string;
  name: string;
  service: Service;
  /** Id of the node it runs on. */
  node: string;
  description?: string;
  variant?: string;
  role?: string;
  replicas: Replicas;
  /** Where the replicas are written, when they are. */
  replicasAt?: SourceRange;
  /** A fixed container name (Compose container_name), and where it is set. */
  containerName?: string;
  containerNameAt?: SourceRange;
  image?: string;
  /** Where the image is named: the instance's own, else its service's. */
  imageAt?: SourceRange;
  memory?: Amount;
  cpu?: Amount;
  publish: PublishedPort[];
  storage: { volume: string; size: Amount }[];
  /** The service's variables with this instance's overrides applied. */
  env: EnvVar[];
  workload: WorkloadKind;
  /** Cron schedule of a CronJob. */
  schedule?: string;
  /** Undefined: the default budget; false: none. */
  disruptionBudget?: false | DisruptionBudget;
  /** Where the budget is set, for findings about it. */
  disruptionBudgetAt?: SourceRange;
  /** Across what its replicas are spread (Kubernetes topology spread); false: no constraint. */
  spread: "node" | "zone" | false;
  notes: string[];
}

export interface DisruptionBudget {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  /** Where each is set, for findings about it. */
  at: { minAvailable?: SourceRange; maxUnavailable?: SourceRange };
}

export interface DeploymentNode extends Located {
  /** Unique within the environment. */
  id: string;
  name: string;
  /** Where the name is written, when it is. */
  nameAt?: SourceRange;
  kind: NodeKind;
  infrastructure: boolean;
  technology?: string;
  description?: string;
  count?: string | number;
  capacity: Resources;
  budget: Resources;
  properties: { key: string; value: string }[];
  /** Where a property named TLS is written (TLS: none), what a finding that TLS is not stated points at. */
  tlsAt?: SourceRange;
  routes: Route[];
  instances: Instance[];
  nodes: DeploymentNode[];
  /** Id of the enclosing node, if any. */
  parent?: string;
  depth: number;
  notes: string[];
}

export interface Link extends Located {
  from: string;
  to: string;
  /** Set when `to` is in another environment. */
  toEnvironment?: string;
  kind: "replication" | "sync" | "backup" | "traffic" | "other";
  description?: string;
  protocol?: string;
  via?: string;
}

export interface Procedure extends Located {
  id: string;
  title: string;
  steps: string[];
  notes: string[];
}

export interface Environment extends Located {
  id: string;
  name: string;
  /** Where the name is written, when it is. */
  nameAt?: SourceRange;
  purpose?: string;
  platform: Platform;
  distribution?: string;
  /** Display text: the given technology, else distribution, else the platform's name. */
  technology: string;
  access: { scope: AccessScope; description: string };
  status: "live" | "planned";
  description?: string;
  infrastructure: { aspect: string; value: string }[];
  procedures: Procedure[];
  keyFiles: { path: string; purpose: string }[];
  promotesTo: ({ environment: string; gate: string } & Located)[];
  characteristics: { aspect: string; value: string }[];
  links: Link[];
  /** Top-level nodes; each holds its children. */
  nodes: DeploymentNode[];
  /** Every node, depth first, in file order. */
  allNodes: DeploymentNode[];
  /** Every instance, depth first, in file order. */
  instances: Instance[];
  notes: string[];
}

export interface Secret extends Located {
  id: string;
  description?: string;
  source?: string;
  env: string;
  file?: string;
}

export interface Decision extends Located {
  id?: string;
  title: string;
  status?: string;
  date?: string;
  context: string[];
  decision: string;
  positive: string[];
  negative: string[];
  alternatives: { option: string; reason: string }[];
}

export interface System extends Located {
  name: string;
  description?: string;
  pattern?: { type: string; description?: string; rationale?: string; reference?: string };
  nfrs: { category: string; items: { requirement: string; target: string }[] }[];
  backup?: {
    frequency?: string;
    retention?: string;
    method?: string;
    location?: string;
    rto?: string;
    rpo?: string;
    disasterRecovery: { scenario: string; response: string }[];
  };
  observability?: {
    tools: { tool: string; purpose: string }[];
    metrics: string[];
    logging: { aspect: string; value: string }[];
    alerts: string[];
  };
  decisions: Decision[];
  cost?: {
    currency?: string;
    items: { environment: string; entries: { item: string; cost: string }[] }[];
    total?: string;
    notes: string[];
  };
  future: { heading: string; items: string[] }[];
  notes: string[];
}

export interface DocumentMeta {
  title?: string;
  version?: string;
  status?: string;
  date?: string;
  related: { label: string; link: string }[];
  changelog: { version: string; date: string; author?: string; change: string }[];
}

export interface Model {
  /** The model file, as given. */
  file: string;
  document: DocumentMeta;
  system: System;
  groups: Group[];
  secrets: Secret[];
  services: Service[];
  environments: Environment[];
  outputs: {
    docs?: string;
    compose: { environment: string; path: string }[];
    kubernetes: { environment: string; path: string }[];
  };
  /** Rule severities the model sets, and where each is set. */
  lint: { rules: Record<string, SeveritySetting>; at: Record<string, SourceRange> };
  /** Variables the configuration the model was read from takes from its environment (compose ${VAR}). */
  variables?: ConfigVariable[];
  /**
   * What the importer found in the files the model was read from that a lint rule reports (an
   * obsolete compose `version:`): through the rule, its severity is configurable and it can be suppressed.
   */
  importFindings?: Diagnostic[];
  /** The files the model was read from, when not a model: a finding's hint then speaks their language. */
  readFrom?: "compose" | "kubernetes";
  /**
   * Services whose compose file keeps their image's own health check, which Compose runs (a
   * healthcheck with timings and no test, or disable: false, or none where the Dockerfile it builds
   * has a HEALTHCHECK), and those whose Kubernetes probes all probe what the container does not
   * name (reported where written, and run by the kubelet all the same): the model cannot state it,
   * and the rules about health checks take it as one.
   */
  imageHealthChecks?: ReadonlySet<string>;
  /**
   * Services whose compose `extends` could not be followed, which is reported where it is written
   * (see extendsUnfollowed).
   */
  unresolvedExtends?: ReadonlySet<string>;
  /**
   * Services whose compose image or build is of a type the schema refuses (`image: 1`), which is
   * reported where it is written: no-image does not report them again as having none.
   */
  refusedImages?: ReadonlySet<string>;
  /**
   * Services read from a Kubernetes container whose command ends in its args: the first word of
   * them, so that a finding about a word from there on speaks of the arguments, not the command.
   */
  commandArguments?: ReadonlyMap<string, number>;
  /**
   * Services read from a Kubernetes workload that a Service sends traffic to (an Ingress reaches
   * one through a Service): they serve requests whatever kind their image suggests, which the
   * model does not state so that what init writes stays the kind it guessed.
   */
  frontedServices?: ReadonlySet<string>;
  /**
   * Services read from Kubernetes workloads an Ingress reaches through a Service whose targetPort
   * names a port no container names, which service-target-port-unknown reports at the targetPort:
   * the route goes to the workload at no port, and is not reported again for it.
   */
  unnamedTargetPorts?: ReadonlySet<string>;
}

export interface ConfigVariable extends Located {
  name: string;
  /** The example environment file beside the configuration, when there is one. */
  example?: string;
  /** Whether that example lists the variable. */
  documented?: boolean;
  /** Whether every use gives a value where it is not set (`${MODE:-fast}`), so none need set it. */
  optional?: boolean;
  /** Whether its use is reported as not set, a finding that says the example does not list it either. */
  unset?: boolean;
}

/** A namespace of the host's a service can share, as its findings name it. */
export type HostNamespace = "network" | "process" | "IPC" | "user" | "UTS" | "cgroup";
