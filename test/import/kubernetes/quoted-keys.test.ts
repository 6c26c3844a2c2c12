import { describe, expect, it } from "vitest";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { isManifestText } from "../../../src/import/kubernetes/read-file.js";
import { findManifestSets } from "../../../src/import/repository/find-manifests.js";
import { folderWith } from "../../helpers/files.js";

/** A Deployment 'web' whose apiVersion and kind keys are written as `quote` quotes them. */
const deployment = (quote: string) =>
  [
    `${quote}apiVersion${quote}: apps/v1`,
    `${quote}kind${quote}: Deployment`,
    "metadata: { name: web }",
    "spec:",
    "  selector: { matchLabels: { app: web } }",
    "  template:",
    "    metadata: { labels: { app: web } }",
    "    spec: { containers: [{ name: web, image: 'nginx:1.27' }] }",
    "",
  ].join("\n");

const jsonService = JSON.stringify(
  {
    kind: "Service",
    apiVersion: "v1",
    metadata: { name: "web" },
    spec: { selector: { app: "web" }, ports: [{ port: 80 }] },
  },
  null,
  2,
);

describe("manifests whose keys are quoted", () => {
  it.each([
    ["double-quoted keys", deployment('"')],
    ["single-quoted keys", deployment("'")],
    ["a flow mapping", "{ apiVersion: v1, kind: ConfigMap, metadata: { name: c } }\n"],
    ["JSON on one line", '{"kind":"Service","apiVersion":"v1","metadata":{"name":"web"}}'],
    ["JSON", jsonService],
    ["a list of objects with quoted keys", '- "apiVersion": v1\n  "kind": ConfigMap\n'],
  ])("are known as manifests: %s", (_, text) => {
    expect(isManifestText(text)).toBe(true);
  });

  it("are not taken for a compose file's keys", () => {
    expect(isManifestText('"services":\n  web: { image: nginx }\n')).toBe(false);
  });

  it("are read from a folder, a JSON Service beside a Deployment of quoted keys", async () => {
    const folder = folderWith({ "app.yaml": deployment("'"), "svc.json": jsonService });
    const { model, diagnostics } = await loadManifestsAsModel([folder]);
    expect(diagnostics).toEqual([]);
    expect(model!.services.map((s) => s.id)).toEqual(["web"]);
    expect(model!.importFindings!.map((d) => d.code)).not.toContain("service-selects-nothing");
  });

  it("are found in a repository, their workloads a set of manifests", () => {
    const root = folderWith({
      "k8s/app.yaml": deployment('"'),
      "json/app.json": JSON.stringify({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "api" },
      }),
    });
    expect(findManifestSets(root).map((set) => set.environment)).toEqual(["json", "k8s"]);
  });
});
