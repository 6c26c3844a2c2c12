import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";
import { workloadHead } from "./cases.js";

describe("writable-root-filesystem in manifests", () => {
  it("points at readOnlyRootFilesystem: false where a container writes it, and at the workload where none does", async () => {
    const dir = folderWith({
      "app.yaml": [
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      containers:",
        "        - name: web",
        "          image: 'web:1.0'",
        "          securityContext: { readOnlyRootFilesystem: false }",
        "        - name: proxy",
        "          image: 'proxy:1.0'",
        "          securityContext: { readOnlyRootFilesystem: false }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0' }] }",
        "",
      ].join("\n"),
    });
    const loaded = await loadManifestsAsModel([dir]);
    const found = checkModel(loaded.model!, {
      sources: loaded.sources,
      severities: { "writable-root-filesystem": "warn" },
    }).filter((d) => d.code === "writable-root-filesystem");
    expect(located(found, loaded.sources).sort()).toEqual([
      "writable-root-filesystem@12:54",
      "writable-root-filesystem@15:54",
      "writable-root-filesystem@19:13",
    ]);
  });
});
