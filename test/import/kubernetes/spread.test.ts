import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../../helpers/manifest-findings.js";

/** A Deployment 'kafka' of 3 replicas labelled app=kafka, whose pod spec goes on with `spread` (line 9). */
const kafka = (spread: string) => [
  "apiVersion: apps/v1",
  "kind: Deployment",
  "metadata: { name: kafka }",
  "spec:",
  "  replicas: 3",
  "  selector: { matchLabels: { app: kafka } }",
  "  template:",
  "    metadata: { labels: { app: kafka } }",
  "    spec:",
  `      ${spread}`,
  "      containers: [{ name: kafka, image: 'kafka:3.6' }]",
  "",
];

const antiAffinity = (selector: string) =>
  `affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: kubernetes.io/hostname, labelSelector: ${selector} }] } }`;
const spreadConstraint = (selector: string) =>
  `topologySpreadConstraints: [{ maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: ${selector} }]`;

describe("keeping replicas apart", () => {
  it.each([
    antiAffinity("{ matchLabels: { app: zookeeper } }"),
    spreadConstraint("{ matchExpressions: [{ key: app, operator: In, values: [zookeeper] }] }"),
  ])(
    "does not spread the replicas where it selects other pods than the workload's own: %s",
    async (spread) => {
      const { at } = await manifestRuleFindings(kafka(spread), "replicas-without-spreading");
      expect(at).toEqual(["replicas-without-spreading@5:13"]);
    },
  );

  it.each([
    "affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: kubernetes.io/hostname }] } }",
    "affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: topology.kubernetes.io/zone } }] } }",
    antiAffinity("null"),
    "topologySpreadConstraints: [{ maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule }]",
  ])(
    "does not spread the replicas where it has no label selector, which selects no pods: %s",
    async (spread) => {
      const { at } = await manifestRuleFindings(kafka(spread), "replicas-without-spreading");
      expect(at).toEqual(["replicas-without-spreading@5:13"]);
    },
  );

  it.each([
    antiAffinity("{ matchLabels: { app: kafka } }"),
    // An empty selector selects every pod, the workload's own among them.
    antiAffinity("{}"),
    spreadConstraint("{ matchExpressions: [{ key: app, operator: In, values: [kafka, kafka-canary] }] }"),
  ])("spreads them where it selects the workload's own pods: %s", async (spread) => {
    const { at } = await manifestRuleFindings(kafka(spread), "replicas-without-spreading");
    expect(at).toEqual([]);
  });
});
