import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { overlayPatchingWeb } from "../../helpers/kustomize.js";
import { checkFindingsAt } from "../../helpers/positions.js";
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
