import { describe, expect, it } from "vitest";
import { asciiDiagram } from "../../src/emit/diagram/ascii/environment.js";
import { loadModelText } from "../../src/load/index.js";

function environment(yaml: string[], id: string) {
  const model = loadModelText(yaml.join("\n"), "deployview.yaml").model!;
  return model.environments.find((e) => e.id === id)!;
}

describe("an instance's box in the ASCII diagram", () => {
  it("lists the services it uses that run in the environment, not those left out of it", () => {
    const dev = environment(
      [
        "system: { name: S }",
        "services:",
        "  orders: { kind: api, image: orders:1, uses: { users: HTTP, cache: { optional: true } } }",
        "  users: { kind: api, image: users:1 }",
        "  cache: { kind: cache, image: valkey:7 }",
        "environments:",
        "  dev: { platform: compose, nodes: { box: { kind: host, run: [orders, users] } } }",
        "  prod: { platform: compose, nodes: { box: { kind: host, run: [orders, users, cache] } } }",
      ],
      "dev",
    );
    const text = asciiDiagram(dev);
    expect(text).toContain("→ users ");
    expect(text).not.toContain("cache");
  });

  it("lists the uses not needed to start apart, as the other diagrams draw them dashed", () => {
    const prod = environment(
      [
        "system: { name: S }",
        "services:",
        "  orders: { kind: api, image: orders:1, uses: { users: HTTP, cache: { optional: true } } }",
        "  users: { kind: api, image: users:1 }",
        "  cache: { kind: cache, image: valkey:7 }",
        "environments:",
        "  prod: { platform: compose, nodes: { box: { kind: host, run: [orders, users, cache] } } }",
      ],
      "prod",
    );
    const text = asciiDiagram(prod);
    expect(text).toContain("→ users ");
    expect(text).toContain("optional → cache ");
  });

  it("lists only the routes to what runs in the environment, as the Mermaid diagram draws them", () => {
    const dev = environment(
      [
        "system: { name: S }",
        "services:",
        "  proxy: { kind: proxy, image: 'nginx:1.27', ports: { http: 80 }, routes: { /api: api, /admin: admin } }",
        "  api: { kind: api, image: api:1, ports: { http: 8080 } }",
        "  admin: { kind: web, image: admin:1, ports: { http: 3000 } }",
        "environments:",
        "  dev:",
        "    platform: compose",
        "    nodes: { box: { kind: host, routes: { /app: api }, run: [proxy, api] } }",
      ],
      "dev",
    );
    const text = asciiDiagram(dev);
    expect(text).toContain("/api → api:8080");
    expect(text).toContain("/app → api");
    expect(text).not.toContain("admin");
  });
});
