import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt, located } from "../../helpers/positions.js";
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

describe("a selector whose label value is not text", () => {
  /** Deployment web, and a NetworkPolicy, Service or PodDisruptionBudget selecting by this label value (line 13). */
  async function reported(kind: string, value: string) {
    const selector =
      kind === "Service"
        ? [...service("web", `{ selector: { app: ${value} }, ports: [{ port: 80 }] }`)]
        : kind === "PodDisruptionBudget"
          ? [
              ...disruptionBudget(
                "web",
                `{ maxUnavailable: 1, selector: { matchLabels: { app: ${value} } } }`,
              ),
            ]
          : [
              "apiVersion: networking.k8s.io/v1",
              "kind: NetworkPolicy",
              "metadata: { name: web }",
              `spec: { podSelector: { matchLabels: { app: ${value} } } }`,
            ];
    const folder = folderWith({
      "app.yaml": [...oneContainer("Deployment", "web"), "---", ...selector, ""].join("\n"),
    });
    const { model, diagnostics, sources } = await loadManifestsAsModel([folder]);
    return {
      at: located([...diagnostics, ...checkModel(model!, { sources })], sources).filter(
        (at) => at.includes("selects-nothing") || at.includes("wrong-type"),
      ),
      messages: diagnostics.map((d) => d.message),
    };
  }

  it.each([
    ["NetworkPolicy", "[web]", "schema-wrong-type@13:44"],
    ["NetworkPolicy", "{ a: b }", "schema-wrong-type@13:44"],
    ["NetworkPolicy", "1", "schema-wrong-type@13:44"],
    ["Service", "[web]", "schema-wrong-type@13:26"],
    ["PodDisruptionBudget", "{ a: b }", "schema-wrong-type@13:60"],
  ])(
    "is refused at its value in a %s (%s), as the API server refuses it, and not said to select nothing",
    async (kind, value, at) => {
      expect((await reported(kind, value)).at).toEqual([at]);
    },
  );

  it("says what a NetworkPolicy's label must be", async () => {
    expect((await reported("NetworkPolicy", "[web]")).messages).toEqual([
      "spec.podSelector.matchLabels.app of NetworkPolicy 'web' must be text, not a list, so kubectl apply refuses it",
    ]);
  });

  it("is text where quoted, and selects the pods labelled so", async () => {
    expect((await reported("NetworkPolicy", "'web'")).at).toEqual([]);
  });
});
