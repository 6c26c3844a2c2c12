import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { disruptionBudget, oneContainer, service } from "../../rules/cases.js";

describe("a Service that selects no pods", () => {
  it("is reported at the label no pod carries, not at the labels its pods do", async () => {
    const root = folderWith({
      "app/app.yaml": [
        ...oneContainer("Deployment", "web"),
        "---",
        ...service("web", "{ selector: { app: web, tier: front }, ports: [{ port: 80 }] }"),
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "app", "service-selects-nothing")).toEqual(["app/app.yaml:13:37"]);
  });

  it("is reported in the overlay's patch that set the label, not at the base's value", async () => {
    const root = folderWith({
      "base/app.yaml": [
        ...oneContainer("Deployment", "web"),
        "---",
        ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
        "",
      ].join("\n"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "prod/kustomization.yaml": [
        "resources: [../base]",
        "patches:",
        "  - target: { kind: Service, name: web }",
        "    patch: |-",
        "      - op: replace",
        "        path: /spec/selector/app",
        "        value: web-v2",
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "prod", "service-selects-nothing")).toEqual([
      "prod/kustomization.yaml:7:16",
    ]);
  });
});

describe("a PodDisruptionBudget that guards no pods", () => {
  it("is reported at the label of its matchLabels no pod carries, not at the labels its pods do", async () => {
    const root = folderWith({
      "app/app.yaml": [
        ...oneContainer("Deployment", "web"),
        "---",
        ...disruptionBudget(
          "web",
          "{ maxUnavailable: 1, selector: { matchLabels: { app: web, tier: front } } }",
        ),
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "app", "disruption-budget-selects-nothing")).toEqual([
      "app/app.yaml:13:71",
    ]);
  });
});
