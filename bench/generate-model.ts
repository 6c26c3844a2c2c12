/** A large synthetic model: N services, each placed in three environments (compose, and two Kubernetes). */
import { stringify } from "yaml";

const kinds = ["web", "api", "worker", "database", "cache", "broker"] as const;

export function generateModelText(serviceCount: number): string {
  const ids = Array.from({ length: serviceCount }, (_, i) => `svc-${String(i).padStart(4, "0")}`);
  const services = Object.fromEntries(
    ids.map((id, i) => {
      const kind = kinds[i % kinds.length]!;
      const stateful = kind === "database" || kind === "broker";
      return [
        id,
        {
          kind,
          technology: `Tech ${i % 17}`,
          image: `example/${id}:1.${i % 10}`,
          ports: { http: 8000 + (i % 1000) },
          health: { http: "/health" },
          memory: `${64 + (i % 8) * 32}Mi`,
          cpu: "100m",
          env: { LOG_LEVEL: "info", API_TOKEN: { secret: `token-${i % 20}` } },
          ...(stateful ? { volumes: { data: "/var/lib/data" } } : {}),
          ...(i > 0 ? { uses: { [ids[Math.floor(i / 2)]!]: "calls" } } : {}),
        },
      ];
    }),
  );
  const groups = (size: number) =>
    Object.fromEntries(
      Array.from({ length: Math.ceil(ids.length / size) }, (_, g) => [
        `ns-${g}`,
        { kind: "namespace", run: ids.slice(g * size, (g + 1) * size) },
      ]),
    );
  const model = {
    system: { name: "Benchmark", description: "A synthetic model for timing" },
    secrets: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`token-${i}`, { source: "vault" }])),
    services,
    environments: {
      dev: {
        platform: "compose",
        access: "local",
        nodes: {
          host: { kind: "host", capacity: { memory: "512Gi" }, budget: { memory: "400Gi" }, run: ids },
        },
      },
      staging: { platform: "kubernetes", nodes: { cluster: { kind: "cluster", nodes: groups(100) } } },
      production: {
        platform: "kubernetes",
        nodes: { cluster: { kind: "cluster", capacity: { memory: "2Ti", cpu: 512 }, nodes: groups(50) } },
      },
    },
  };
  return stringify(model);
}
