/**
 * fast-check generator of valid, deployable model YAML — a kubernetes environment `prod` and a
 * compose environment `dev` — that exercises what generated configuration has to say: namespaces,
 * stateful services with volumes, secrets, endpoints, health checks of each type, fixed and
 * autoscaled replicas, resources, security, published ports, ingress routes, TLS, ARM hosts.
 */
import fc from "fast-check";
import { stringify } from "yaml";

const kinds = ["web", "api", "worker", "database", "cache", "queue", "storage", "job", "ai"] as const;
/** Keys users write: lower and upper case, digits, underscores and dots, to stress name cleaning. */
const id = fc.stringMatching(/^[a-z][a-zA-Z0-9_.-]{0,14}$/);
const duration = fc.constantFrom("5s", "10s", "1m", "1m30s", "500ms");

const health = fc.oneof(
  fc.record({ http: fc.constantFrom("/", "/health", "/api/ping") }),
  fc.record({ tcp: fc.constant("main") }),
  fc.record({ command: fc.oneof(fc.constant("pg_isready"), fc.constant(["redis-cli", "ping"])) }),
);

const service = fc.record({
  id,
  kind: fc.constantFrom(...kinds),
  image: fc.option(
    fc.constantFrom("nginx:1.27-alpine", "postgres:16", "example/app@sha256:abc", "ghcr.io/x/y:latest"),
    { nil: undefined },
  ),
  port: fc.integer({ min: 1, max: 65535 }),
  portName: fc.constantFrom("main", "http", "Very_Long_Port_Name_Here", "9x"),
  health: fc.option(
    fc.record({
      check: health,
      interval: fc.option(duration, { nil: undefined }),
      retries: fc.option(fc.nat(5), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  memory: fc.option(fc.integer({ min: 16, max: 8192 }), { nil: undefined }),
  cpu: fc.option(fc.integer({ min: 10, max: 4000 }), { nil: undefined }),
  volume: fc.constantFrom("none", "volume", "bind", "host", "tmpfs"),
  secret: fc.boolean(),
  endpointTo: fc.option(fc.nat(), { nil: undefined }),
  security: fc.record({ "run-as-non-root": fc.boolean(), user: fc.constantFrom(1000, "1000:2000", "app") }),
  command: fc.option(fc.constantFrom(["serve", "--port", "80"], 'run "two words"'), { nil: undefined }),
});

const placement = fc.record({
  namespace: fc.nat(2),
  replicas: fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 1, max: 5 }),
    fc.record({ min: fc.integer({ min: 1, max: 3 }), max: fc.integer({ min: 3, max: 9 }) }),
  ),
  storage: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  workload: fc.constantFrom(undefined, "Deployment", "StatefulSet", "DaemonSet"),
  publish: fc.boolean(),
});

export const arbitraryDeployableModel = fc
  .record({
    services: fc.uniqueArray(fc.tuple(service, placement), {
      minLength: 1,
      maxLength: 7,
      selector: ([s]) => s.id.toLowerCase(),
    }),
    tls: fc.constantFrom("", "TLS via cert-manager", "HTTPS only", "Let's Encrypt"),
    routes: fc.array(fc.tuple(fc.constantFrom("/", "/api/*", "/static", "/a*b"), fc.nat()), { maxLength: 3 }),
    arm: fc.boolean(),
    access: fc.constantFrom("local", "lan", "vpn", "public"),
  })
  .map(({ services, tls, routes, arm, access }) => {
    const ids = services.map(([s]) => s.id);
    const namespaces = ["apps", "data", "Edge_NS"];
    const model = {
      system: { name: "Prop System" },
      secrets: { token: { description: "A token", source: "vault" } },
      services: Object.fromEntries(
        services.map(([s], index) => {
          // Only earlier services, so that `uses` never makes a startup cycle.
          const target = s.endpointTo === undefined || index === 0 ? undefined : ids[s.endpointTo % index];
          const volumes =
            s.volume === "none"
              ? undefined
              : s.volume === "volume"
                ? { data: "/data" }
                : s.volume === "bind"
                  ? { data: "./data:/data" }
                  : s.volume === "host"
                    ? { sock: "/var/run/docker.sock:/var/run/docker.sock:ro" }
                    : { scratch: { path: "/tmp/x", type: "tmpfs" } };
          const stateful = ["database", "queue", "storage"].includes(s.kind);
          return [
            s.id,
            {
              kind: s.kind,
              ...(s.image ? { image: s.image } : { build: `./${s.id}` }),
              ports: { [s.portName]: s.port },
              ...(s.health
                ? {
                    health: {
                      ...s.health.check,
                      ...("tcp" in s.health.check ? { tcp: s.portName } : {}),
                      ...(s.health.interval ? { interval: s.health.interval } : {}),
                      ...(s.health.retries !== undefined ? { retries: s.health.retries } : {}),
                    },
                  }
                : {}),
              ...(s.memory ? { memory: `${s.memory}Mi` } : {}),
              ...(s.cpu ? { cpu: `${s.cpu}m` } : {}),
              // A stateful service always keeps a volume it can write to (not a tmpfs, not read-only),
              // or the emitter rightly refuses.
              ...(stateful ? { volumes: { ...volumes, data: "/var/lib/data" } } : volumes ? { volumes } : {}),
              ...(s.command ? { command: s.command } : {}),
              security: s.security,
              env: {
                PLAIN: "a value with $dollar and: colon",
                ...(s.secret ? { TOKEN: { secret: "token" } } : {}),
                ...(target ? { PEER: { endpoint: target } } : {}),
              },
              ...(target ? { uses: { [target]: "calls" } } : {}),
            },
          ];
        }),
      ),
      environments: {
        dev: {
          platform: "compose",
          access,
          nodes: {
            host: {
              kind: "host",
              ...(arm ? { technology: "Raspberry Pi 4" } : {}),
              // Distinct host ports: a clash is refused, and is tested on its own.
              run: Object.fromEntries(
                services.map(([s, p], index) => [
                  s.id,
                  p.publish ? { publish: { [s.portName]: 20000 + index } } : null,
                ]),
              ),
            },
          },
        },
        prod: {
          platform: "kubernetes",
          ...(tls ? { infrastructure: { TLS: tls } } : {}),
          nodes: {
            cluster: {
              kind: "cluster",
              ...(arm ? { technology: "k3s on arm64" } : {}),
              nodes: {
                edge: {
                  kind: "ingress",
                  technology: "nginx",
                  routes: Object.fromEntries(routes.map(([path, i]) => [path, ids[i % ids.length]!])),
                },
                ...Object.fromEntries(
                  namespaces.map((ns, n) => [
                    ns,
                    {
                      kind: "namespace",
                      run: Object.fromEntries(
                        services
                          .filter(([, p]) => p.namespace === n)
                          .map(([s, p]) => [
                            s.id,
                            {
                              ...(p.replicas !== undefined ? { replicas: p.replicas } : {}),
                              ...(p.storage && (s.volume === "volume" || s.volume === "bind")
                                ? { storage: { data: `${p.storage}Gi` } }
                                : {}),
                              ...(p.workload ? { workload: p.workload } : {}),
                              ...(p.publish ? { publish: [s.portName] } : {}),
                            },
                          ]),
                      ),
                    },
                  ]),
                ),
              },
            },
          },
        },
      },
    };
    return stringify(model);
  });
