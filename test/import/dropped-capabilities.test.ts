/** Capabilities a container drops travel from the files to the model and back, as those it adds do. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitCompose } from "../../src/emit/compose/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { k8s, shop } from "../k8s/shop-model.js";
import { workloadHead } from "../rules/cases.js";

function fileIn(name: string, text: string): string {
  const folder = mkdtempSync(join(tmpdir(), "deployview-drop-"));
  writeFileSync(join(folder, name), text);
  return join(folder, name);
}

describe("dropped capabilities", () => {
  it("are read from cap_drop and written back as it", async () => {
    const file = fileIn(
      "compose.yaml",
      "services:\n  api: { image: 'api:1.0', cap_drop: [ALL], cap_add: [NET_BIND_SERVICE] }\n",
    );
    const { model } = await loadComposeAsModel([file]);
    expect(model!.services[0]!.security.dropped).toEqual(["ALL"]);
    const service = parse(emitCompose(model!, "compose").files[0]!.content).services.api;
    expect([service.cap_add, service.cap_drop]).toEqual([["NET_BIND_SERVICE"], ["ALL"]]);
  });

  it("are read from a container's securityContext and written back there", async () => {
    const file = fileIn(
      "app.yaml",
      [
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0', securityContext: { capabilities: { drop: [CAP_NET_RAW] } } }] }",
        "",
      ].join("\n"),
    );
    const { model } = await loadManifestsAsModel([file]);
    expect(model!.services[0]!.security.dropped).toEqual(["NET_RAW"]);
    const { find } = k8s(
      shop.replace(
        "    security: { run-as-non-root: true,",
        "    security: { drop: [ALL], run-as-non-root: true,",
      ),
    );
    const container = find("Deployment", "api")!.spec.template.spec.containers[0];
    expect(container.securityContext.capabilities).toEqual({ drop: ["ALL"] });
  });
});
