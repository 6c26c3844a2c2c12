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
