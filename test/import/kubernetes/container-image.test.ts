import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose second container, proxy (line 11), gives no image. */
const web = [
  ...workloadHead("Deployment", "web"),
  "    spec:",
  "      containers:",
  "        - { name: web, image: 'web:1.0' }",
  "        - { name: proxy, ports: [{ containerPort: 9000 }] }",
  "",
].join("\n");

describe("a container that gives no image", () => {
  it("is refused where it is named, beside the first container (the service, which no-image reports)", async () => {
    const root = folderWith({ "app/app.yaml": web });
    expect(await checkFindingsAt(root, "app", "manifest-invalid")).toEqual(["app/app.yaml:11:19"]);
  });

  it("is refused in the overlay's patch that adds it by a name the base does not have", async () => {
    const root = folderWith({
      "base/app.yaml": web.replace("proxy, ports", "proxy, image: 'envoy:1.30', ports"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "prod/kustomization.yaml": "resources: [../base]\npatches: [{ path: patch.yaml }]\n",
      "prod/patch.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: web }",
        "spec:",
        "  template:",
        "    spec:",
        "      containers:",
        "        - name: proxi",
        "          ports: [{ containerPort: 9001 }]",
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "prod", "manifest-invalid")).toEqual(["prod/patch.yaml:8:17"]);
  });
});
