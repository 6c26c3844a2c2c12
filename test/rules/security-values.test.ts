import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { folderWith } from "../helpers/files.js";
import { manifestRuleFindings } from "../helpers/manifest-findings.js";
import { located } from "../helpers/positions.js";
import { workloadHead } from "./cases.js";

describe("runs-as-root and privileged-container", () => {
  it("point at the value that runs a workload's container as root or privileged, as they do a sidecar's", async () => {
    const security = "securityContext: { privileged: true, runAsUser: 0 }";
    const dir = folderWith({
      "app.yaml": [
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      containers:",
        `        - { name: web, image: 'web:1.0', ${security} }`,
        `        - { name: proxy, image: 'proxy:1.0', ${security} }`,
        "",
      ].join("\n"),
    });
    const loaded = await loadManifestsAsModel([dir]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "runs-as-root" || d.code === "privileged-container",
    );
    expect(located(found, loaded.sources).sort()).toEqual([
      "privileged-container@10:73",
      "privileged-container@11:77",
      "runs-as-root@10:90",
      "runs-as-root@11:94",
    ]);
  });
});

describe("runs-as-root on a container allowed to run as root", () => {
  it("says that runAsNonRoot is false where the container turns off what its pod requires", async () => {
    const { found, at } = await manifestRuleFindings(
      [
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      securityContext: { runAsNonRoot: true }",
        "      containers: [{ name: web, image: 'web:1.0', securityContext: { runAsNonRoot: false } }]",
        "",
      ],
      "runs-as-root",
    );
    expect(at).toEqual(["runs-as-root@10:84"]);
    expect(found[0]!.message).toBe(
      "'web' may run as root: runAsNonRoot is false, and no runAsUser above 0 is set for it",
    );
  });
});
