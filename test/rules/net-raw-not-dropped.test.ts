import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";
import { workloadHead } from "./cases.js";

describe("net-raw-not-dropped in manifests", () => {
  it("finds NET_RAW added back after drop: [ALL], and points at where a container adds it", async () => {
    const dir = folderWith({
      "app.yaml": [
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      containers:",
        "        - name: web",
        "          image: 'web:1.0'",
        "          securityContext: { capabilities: { drop: [ALL], add: [NET_RAW] } }",
        "        - name: ping",
        "          image: 'ping:1.0'",
        "          securityContext: { capabilities: { add: [NET_ADMIN, NET_RAW] } }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0', securityContext: { capabilities: { drop: [ALL] } } }] }",
        "",
      ].join("\n"),
    });
    const loaded = await loadManifestsAsModel([dir]);
    const found = checkModel(loaded.model!, {
      sources: loaded.sources,
      severities: { "net-raw-not-dropped": "warn" },
    }).filter((d) => d.code === "net-raw-not-dropped");
    expect(located(found, loaded.sources).sort()).toEqual([
      "net-raw-not-dropped@12:65",
      "net-raw-not-dropped@15:63",
    ]);
    expect(found.map((d) => d.message).sort()).toEqual([
      "'web' adds the NET_RAW capability",
      "container 'ping' of 'web' adds the NET_RAW capability",
    ]);
  });
});
