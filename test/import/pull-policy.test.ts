/**
 * When an image is pulled travels from the files to the model and back: Compose's pull_policy and
 * the kubelet's imagePullPolicy in, both out; and a service told to build its image is not asked
 * whether it meant to have both a build and an image.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkModel } from "../../src/check/index.js";
import { emitCompose } from "../../src/emit/compose/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { loadModelText } from "../../src/load/index.js";
import { k8s, shop } from "../k8s/shop-model.js";
import { workloadHead } from "../rules/cases.js";

function folderWith(name: string, text: string): string {
  const folder = mkdtempSync(join(tmpdir(), "deployview-pull-"));
  writeFileSync(join(folder, name), text);
  return folder;
}

describe("the pull policy", () => {
  it("is read from compose files, if_not_present as missing, and the refreshing policies left out", async () => {
    const folder = folderWith(
      "compose.yaml",
      [
        "services:",
        "  api: { image: 'shop/api:1.4', build: ./api, pull_policy: build }",
        "  web: { image: 'shop/web:1.4', pull_policy: if_not_present }",
        "  cron: { image: 'shop/cron:1.4', pull_policy: daily }",
        "  tool: { image: 'shop/tool:1.4', pull_policy: constructor }",
        "",
      ].join("\n"),
    );
    const { model } = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const pulls = Object.fromEntries(model!.services.map((s) => [s.id, s.pull]));
    expect(pulls).toEqual({ api: "build", web: "missing", cron: undefined, tool: undefined });
  });

  it("is read from manifests, and a value the kubelet does not know is left out", async () => {
    const folder = folderWith(
      "app.yaml",
      [
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0', imagePullPolicy: IfNotPresent }] }",
        "---",
        ...workloadHead("Deployment", "web"),
        "    spec: { containers: [{ name: web, image: 'web:1.0', imagePullPolicy: __proto__ }] }",
        "",
      ].join("\n"),
    );
    const { model } = await loadManifestsAsModel([folder]);
    const pulls = Object.fromEntries(model!.services.map((s) => [s.id, s.pull]));
    expect(pulls).toEqual({ api: "missing", web: undefined });
  });

  it("is written as pull_policy, and as imagePullPolicy where the kubelet has one", () => {
    const model = loadModelText(
      `system: { name: Shop }
services:
  api: { kind: api, image: "shop/api:1.4", build: ./api, pull: build }
  web: { kind: web, image: "shop/web:1.4" }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api, web] } } }
`,
      "model.yaml",
    ).model!;
    const services = parse(emitCompose(model, "dev").files[0]!.content).services;
    expect(services.api.pull_policy).toBe("build");
    expect(services.web.pull_policy).toBeUndefined();

    const { find } = k8s(
      shop
        .replace("    image: shop/api:1.4.2\n", "    image: shop/api:1.4.2\n    pull: always\n")
        .replace("    build: ./web\n", "    build: ./web\n    pull: build\n"),
    );
    const container = (name: string) => find("Deployment", name)!.spec.template.spec.containers[0];
    expect(container("api").imagePullPolicy).toBe("Always");
    // Built by Compose, pulled from a registry in a cluster like any image: the kubelet's default.
    expect(container("web").imagePullPolicy).toBeUndefined();
  });

  it("of build or never says the image is the build's, so build-and-image has nothing to ask", async () => {
    const folder = folderWith(
      "compose.yaml",
      [
        "services:",
        "  api: { image: 'shop/api:1.4', build: ./api, pull_policy: never }",
        "  web: { image: 'shop/web:1.4', build: ./web }",
        "",
      ].join("\n"),
    );
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const asked = checkModel(loaded.model!, { sources: loaded.sources })
      .filter((d) => d.code === "build-and-image")
      .map((d) => d.message);
    expect(asked).toEqual(["'web' has both a build and an image"]);
  });
});
