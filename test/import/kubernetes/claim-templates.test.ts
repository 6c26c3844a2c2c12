import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";

/** A database `kind` 'db' that mounts 'data' (line 8) and writes claim templates (line 9) beside its pods. */
const database = (kind: string) =>
  [
    "apiVersion: apps/v1",
    `kind: ${kind}`,
    "metadata: { name: db }",
    "spec:",
    "  selector: { matchLabels: { app: db } }",
    "  template:",
    "    metadata: { labels: { app: db } }",
    "    spec: { containers: [{ name: db, image: 'postgres:16.2', volumeMounts: [{ name: data, mountPath: /var/lib/postgresql/data }] }] }",
    "  volumeClaimTemplates: [{ metadata: { name: data }, spec: { resources: { requests: { storage: 1Gi } } } }]",
    "",
  ].join("\n");

describe("claim templates as the volumes of a workload's pods", () => {
  const root = folderWith({
    "set/db.yaml": database("StatefulSet"),
    "deployment/db.yaml": database("Deployment"),
  });

  it("give a StatefulSet's pods the volume they mount", async () => {
    expect(await checkFindingsAt(root, "set", "manifest-invalid")).toEqual([]);
    expect(await checkFindingsAt(root, "set", "stateful-without-volume")).toEqual([]);
  });

  it("give a Deployment's pods nothing, so that the database it mounts nothing for keeps no data", async () => {
    expect(await checkFindingsAt(root, "deployment", "manifest-invalid")).toEqual([
      "deployment/db.yaml:8:85",
    ]);
    expect(await checkFindingsAt(root, "deployment", "stateful-without-volume")).toEqual([
      "deployment/db.yaml:3:13",
    ]);
  });
});
