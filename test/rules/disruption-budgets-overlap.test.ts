import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../helpers/manifest-findings.js";
import { disruptionBudget, oneContainer } from "./cases.js";

/** A Deployment 'api' and budgets pdb-1, pdb-2, … of these selectors, their specs on lines 13, 18, 23, … */
function budgets(...selectors: string[]): string[] {
  return [
    ...oneContainer("Deployment", "api"),
    ...selectors.flatMap((selector, index) => [
      "---",
      ...disruptionBudget(`pdb-${index + 1}`, `{ maxUnavailable: 1, selector: ${selector} }`),
    ]),
    "",
  ];
}

describe("disruption budgets that guard the same pods", () => {
  it("are reported at each later budget's selector, naming the pods and the budget that guards them first", async () => {
    const { found, at } = await manifestRuleFindings(
      budgets("{ matchLabels: { app: api } }", "{ matchLabels: { app: api } }", "{}"),
      "disruption-budgets-overlap",
    );
    // An empty selector of policy/v1 takes every pod of the namespace.
    expect(at).toEqual(["disruption-budgets-overlap@18:38", "disruption-budgets-overlap@23:38"]);
    expect(found[0]!.message).toBe(
      "PodDisruptionBudget 'pdb-2' guards the pods of 'api', which PodDisruptionBudget 'pdb-1' guards too: Kubernetes refuses to evict a pod that more than one budget guards, so a node drain stalls on them",
    );
    expect(found[0]!.related?.map((r) => r.message)).toEqual([
      "PodDisruptionBudget 'pdb-1' guards them here",
    ]);
  });

  it("are not reported where each guards pods of its own", async () => {
    const { at } = await manifestRuleFindings(
      budgets("{ matchLabels: { app: api } }", "{ matchLabels: { app: web } }"),
      "disruption-budgets-overlap",
    );
    expect(at).toEqual([]);
  });
});
