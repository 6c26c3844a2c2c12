import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../helpers/manifest-findings.js";
import { workloadHead } from "./cases.js";

describe("net-raw-not-dropped in manifests", () => {
  it("finds NET_RAW added back after drop: [ALL], and points at where a container adds it", async () => {
    const { found, at } = await manifestRuleFindings(
      [
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
      ],
      "net-raw-not-dropped",
      "warn",
    );
    expect(at).toEqual(["net-raw-not-dropped@12:65", "net-raw-not-dropped@15:63"]);
    expect(found.map((d) => d.message).sort()).toEqual([
      "'web' adds the NET_RAW capability",
      "container 'ping' of 'web' adds the NET_RAW capability",
    ]);
  });
});
