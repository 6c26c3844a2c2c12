import { describe, expect, it } from "vitest";
import { budgetDiagnostics, nodeBudgets } from "../../src/analyze/budgets.js";
import { startupOrder } from "../../src/analyze/startup-order.js";
import { loadModelText } from "../../src/load/index.js";
import { located } from "../helpers/positions.js";

function model(budget: string, apiMemory: string, replicas = 1) {
  const text = `system: { name: Shop }
services:
  web: { kind: web, image: web:1, memory: 256Mi, uses: [api] }
  api: { kind: api, image: api:1, memory: "${apiMemory}", uses: { db: SQL } }
  db: { kind: database, image: postgres:16, memory: 512Mi, volumes: { data: /var/lib/postgresql/data } }
environments:
  dev:
    platform: compose
    nodes:
      laptop:
        kind: host
        budget: { memory: ${budget} }
        nodes:
          docker: { kind: runtime, run: { web: , api: { replicas: ${replicas} }, db: } }
`;
  const loaded = loadModelText(text, "m.yaml");
  expect(loaded.diagnostics).toEqual([]);
  return loaded;
}

describe("node budgets", () => {
  it("sums the instances of nested nodes, replicas counted", () => {
    const { model: m } = model("2Gi", "256Mi", 2);
    const [budget] = nodeBudgets(m!.environments[0]!);
    expect(budget?.node.id).toBe("laptop");
    expect(budget?.memory.limit).toBe((256 + 256 * 2 + 512) * 2 ** 20);
    expect(budget?.verdict.memoryBudget).toBe("within");
  });

  it("reports over budget as an error at the node", () => {
    const loaded = model("1Gi", "512Mi");
    const found = budgetDiagnostics(loaded.model!.environments[0]!);
    expect(located(found, loaded.sources)).toEqual(["memory-over-budget@10:7"]);
    expect(found[0]?.severity).toBe("error");
  });

  it("says which instances take how much, the largest first", () => {
    const loaded = model("1Gi", "512Mi");
    const [found] = budgetDiagnostics(loaded.model!.environments[0]!);
    expect(found?.message).toBe(
      "the instances on 'laptop' need 1.3 GiB of memory, over its budget of 1Gi: 'api' 512 MiB, 'db' 512 MiB and 'web' 256 MiB",
    );
  });

  it("names a few of many instances and counts the rest, replicas and ranges in each one's share", () => {
    const text = `system: { name: Shop }
services:
  a: { kind: api, image: a:1, memory: 100MB, cpu: 100m }
  b: { kind: api, image: b:1, memory: 200MB, cpu: 1 }
  c: { kind: api, image: c:1, memory: 300MB-600MB, cpu: 250m }
  d: { kind: api, image: d:1, memory: 50MB }
  e: { kind: api, image: e:1, memory: 10MB }
environments:
  k:
    platform: kubernetes
    nodes:
      c1: { kind: cluster, capacity: { memory: 800MB, cpu: 2 }, run: { a: , b: { replicas: { min: 2, max: 4 } }, c: , d: , e: { replicas: 3 } } }
`;
    const loaded = loadModelText(text, "m.yaml");
    const messages = budgetDiagnostics(loaded.model!.environments[0]!).map((d) => d.message);
    expect(messages).toEqual([
      "the instances on 'c1' need 880 MB–1.6 GB of memory, over its capacity of 800MB: 'b' 400–800 MB (2–4 replicas), 'c' 300–600 MB, 'a' 100 MB and 2 more",
      "the instances on 'c1' need 2.35–4.35 CPU, over its capacity of 2: 'b' 2–4 CPU (2–4 replicas), 'c' 250m and 'a' 100m",
    ]);
  });

  it("warns when only the upper end of a range exceeds", () => {
    const loaded = model("1300Mi", "256Mi-1Gi");
    const found = budgetDiagnostics(loaded.model!.environments[0]!);
    expect(found.map((d) => [d.code, d.severity])).toEqual([["memory-over-budget", "warning"]]);
  });
});

describe("startup order", () => {
  it("starts what is used first", () => {
    const { model: m } = model("2Gi", "256Mi");
    const order = startupOrder(m!.environments[0]!);
    expect(order.waves.map((w) => w.map((i) => i.id))).toEqual([["db"], ["api"], ["web"]]);
    expect(order.blocked).toEqual([]);
  });
});
