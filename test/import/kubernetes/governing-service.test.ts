import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";

/** A StatefulSet `name` in `namespace` governed by the Service `governor` (line 6 of its document); nine lines. */
const statefulSet = (name: string, namespace: string, governor?: string) => [
  "apiVersion: apps/v1",
  "kind: StatefulSet",
  `metadata: { name: ${name}, namespace: ${namespace} }`,
  "spec:",
  "  replicas: 2",
  governor === undefined ? "  minReadySeconds: 0" : `  serviceName: ${governor}`,
  `  selector: { matchLabels: { app: ${name} } }`,
  `  template: { metadata: { labels: { app: ${name} } }, spec: { containers: [{ name: ${name}, image: '${name}:1.0' }] } }`,
  "---",
];

/** A Service `name` in `namespace` in front of the pods labelled app: `name`; five lines. */
const service = (name: string, namespace: string, headless: boolean) => [
  "apiVersion: v1",
  "kind: Service",
  `metadata: { name: ${name}, namespace: ${namespace} }`,
  `spec: { ${headless ? "clusterIP: None, " : ""}selector: { app: ${name.replace(/-headless$/, "")} }, ports: [{ port: 80 }] }`,
  "---",
];

describe("the Service that governs a StatefulSet", () => {
  const root = folderWith({
    "app/a.yaml": [
      ...statefulSet("db", "shop", "db-headless"),
      ...service("db-headless", "shop", true),
      // In another namespace than its StatefulSet's, where it governs nothing.
      ...statefulSet("queue", "shop", "queue"),
      ...service("queue", "mail", true),
      ...statefulSet("cache", "shop", "nothing"),
      ...statefulSet("index", "shop"),
      ...statefulSet("search", "shop", "search"),
      ...service("search", "shop", false),
      "",
    ].join("\n"),
  });

  it("is reported where serviceName names none in the StatefulSet's namespace", async () => {
    expect(await checkFindingsAt(root, "app", "unknown-service")).toEqual([
      "app/a.yaml:20:16",
      "app/a.yaml:34:16",
    ]);
  });

  it("is found not headless where it has a cluster IP, and only there", async () => {
    expect(await checkFindingsAt(root, "app", "governing-service-not-headless")).toEqual([
      "app/a.yaml:52:16",
    ]);
  });
});
