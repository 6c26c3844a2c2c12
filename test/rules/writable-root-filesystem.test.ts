import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../helpers/manifest-findings.js";
import { workloadHead } from "./cases.js";

describe("writable-root-filesystem in manifests", () => {
  it("points at readOnlyRootFilesystem: false where a container writes it, and at the workload where none does", async () => {
    const { at } = await manifestRuleFindings(
      [
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
      ],
      "writable-root-filesystem",
      "warn",
    );
    expect(at).toEqual([
      "writable-root-filesystem@12:54",
      "writable-root-filesystem@15:54",
      "writable-root-filesystem@19:13",
    ]);
  });
});
