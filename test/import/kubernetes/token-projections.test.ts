import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose pod projects a service account token valid for `seconds` (line 14). */
const web = (seconds: number) =>
  [
    ...workloadHead("Deployment", "web"),
    "    spec:",
    "      containers: [{ name: web, image: 'web:1.0', volumeMounts: [{ name: token, mountPath: /var/run/tokens }] }]",
    "      volumes:",
    "        - name: token",
    "          projected:",
    "            sources:",
    `              - serviceAccountToken: { path: token, audience: vault, expirationSeconds: ${seconds} }`,
    "",
  ].join("\n");

describe("a projected service account token", () => {
  it("is refused where it asks for less than ten minutes, as the API server refuses it", async () => {
    const root = folderWith({ "short/app.yaml": web(300), "long/app.yaml": web(600) });
    expect(await checkFindingsAt(root, "short", "manifest-invalid")).toEqual(["short/app.yaml:14:89"]);
    expect(await checkFindingsAt(root, "long", "manifest-invalid")).toEqual([]);
  });
});
