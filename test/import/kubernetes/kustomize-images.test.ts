import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { buildKustomization } from "../../../src/import/kubernetes/kustomize.js";
import { applyImages } from "../../../src/import/kubernetes/kustomize-images.js";
import type { ManifestObject } from "../../../src/import/kubernetes/objects.js";
import { parseYaml } from "../../../src/load/yaml-file.js";
import { folderWith } from "../../helpers/files.js";
import { overlayPatchingWeb } from "../../helpers/kustomize.js";
import { checkFindingsAt, located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

const base = {
  "base/app.yaml": [
    ...workloadHead("Deployment", "web"),
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: 'nginx:1.27'",
    "        - name: side",
    "          image: 'busybox'",
    "",
  ].join("\n"),
  "base/kustomization.yaml": "resources: [app.yaml]\n",
};

describe("findings about an image kustomize's images set", () => {
  it("point at the entry of images that set it, where they pointed at the base's image", async () => {
    const root = folderWith({
      ...base,
      "prod/kustomization.yaml": [
        "resources: [../base]",
        "images:",
        "  - name: nginx",
        "    newTag: latest",
        "  - { name: busybox, newName: mirror/busybox }",
        "",
      ].join("\n"),
    });
    // An entry that sets only the name is where the image is set all the same: at its newName.
    expect(await checkFindingsAt(root, "prod", "image-latest-tag")).toEqual([
      "prod/kustomization.yaml:4:13",
      "prod/kustomization.yaml:5:31",
    ]);
  });

  it("point at a later overlay's patch where it set the image again", async () => {
    const root = folderWith({
      ...base,
      "prod/kustomization.yaml": "resources: [../base]\nimages: [{ name: nginx, newTag: '1.28' }]\n",
      "canary/kustomization.yaml": overlayPatchingWeb(
        "../prod",
        "{ template: { spec: { containers: [{ name: web, image: 'nginx:latest' }] } } }",
      ),
    });
    expect(await checkFindingsAt(root, "canary", "image-latest-tag")).toEqual([
      "base/app.yaml:13:18",
      "canary/kustomization.yaml:7:68",
    ]);
  });
});

describe("the images a kustomization sets in a custom resource", () => {
  const imagesOf = (resource: string[]) => {
    const dir = folderWith({
      "thing.yaml": [...resource, ""].join("\n"),
      "kustomization.yaml": "resources: [thing.yaml]\nimages: [{ name: nginx, newTag: '1.28' }]\n",
    });
    const [thing] = buildKustomization(dir, { diagnostics: [], sources: new Map<string, string>() });
    return JSON.stringify(thing!.value).match(/nginx[^"]*/g);
  };

  // kustomize finds images by where they are written, whatever the kind: in every list of
  // containers or init containers, at any depth, of any object but a CustomResourceDefinition.
  it.each([
    ["a Deployment of another group", ["apiVersion: example.com/v1", "kind: Deployment"], ["nginx:1.28"]],
    ["a kind of its own", ["apiVersion: argoproj.io/v1alpha1", "kind: Rollout"], ["nginx:1.28"]],
    [
      "a definition",
      ["apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition"],
      ["nginx:1.0"],
    ],
  ])("are set by where they are written, in %s", (_, head, images) => {
    expect(
      imagesOf([
        ...head,
        "metadata: { name: thing }",
        "spec:",
        "  template: { spec: { containers: [{ name: web, image: 'nginx:1.0' }] } }",
      ]),
    ).toEqual(images);
  });

  it("are set in lists of containers wherever the resource keeps them, and there only", () => {
    expect(
      imagesOf([
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Workflow",
        "metadata: { name: thing }",
        "spec:",
        "  templates:",
        "    - { name: a, containers: [{ name: x, image: 'nginx:1.0' }], initContainers: [{ name: y, image: nginx }] }",
        "    - { name: b, script: { image: 'nginx:1.0' } }",
      ]),
    ).toEqual(["nginx:1.28", "nginx:1.28", "nginx:1.0"]);
  });
});

describe("the containers kustomize's images are looked for in", () => {
  it("are looked for no deeper than a document is read, however deep patches have nested an object", () => {
    // Built by patches, an object can nest deeper than any one document may: the search stops, not the run.
    let value: Record<string, unknown> = { containers: [{ name: "deep", image: "nginx:1.27" }] };
    for (let depth = 0; depth < 100_000; depth++) value = { nested: value };
    const shallow = { containers: [{ name: "web", image: "nginx:1.27" }], deeper: value };
    const kustomization = parseYaml("images: [{ name: nginx, newTag: '1.28' }]\n", "kustomization.yaml")
      .documents[0]!;
    const object = {
      kind: "Widget",
      apiVersion: "example.com/v1",
      name: "w",
      value: { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: shallow },
      yaml: kustomization,
      base: [],
    } as unknown as ManifestObject;
    const images = (kustomization.value as { images: unknown[] }).images;
    const applied = applyImages(object, images, kustomization);
    expect((applied.value.spec as typeof shallow).containers[0]!.image).toBe("nginx:1.28");
  });
});

describe("an entry of images that names no image of the build", () => {
  it("is a warning at its name, as kustomize builds on and leaves the image as written", async () => {
    const root = folderWith({
      ...base,
      "prod/kustomization.yaml": [
        "resources: [../base]",
        "images:",
        "  - { name: nginx, newTag: '1.28' }",
        "  - { name: ngnix, newTag: '1.28' }",
        "",
      ].join("\n"),
    });
    const { diagnostics, sources } = await loadManifestsAsModel([join(root, "prod")]);
    expect(located(diagnostics, sources)).toEqual(["kustomize-patch-unmatched@4:13"]);
    expect(diagnostics[0]!.message).toBe(
      "no container here runs the image 'ngnix', so this entry changes nothing",
    );
  });
});
