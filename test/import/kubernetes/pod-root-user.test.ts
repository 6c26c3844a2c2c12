import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../../helpers/manifest-findings.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose pod runs as `podUser` (line 9), its first container 'web' as `webUser`, and a sidecar 'log' after it. */
const pod = (webUser: string, log: string) => [
  ...workloadHead("Deployment", "web"),
  "    spec:",
  "      securityContext: { runAsUser: 0 }",
  "      containers:",
  `        - { name: web, image: 'web:1.0'${webUser} }`,
  `        - { name: log, image: 'log:1.0'${log} }`,
  "",
];

describe("a pod's root user", () => {
  it("is the sidecar's finding, at the pod, where the first container runs as another user and the sidecar sets none", async () => {
    const { found, at } = await manifestRuleFindings(
      pod(", securityContext: { runAsUser: 10001 }", ""),
      "runs-as-root",
    );
    expect(at).toEqual(["runs-as-root@9:37"]);
    expect(found[0]!.message).toBe(
      "container 'log' of 'web' runs as root: it sets no user, and its pod's runAsUser is 0",
    );
  });

  it.each([
    // The first container's finding, at the pod, once.
    ["", ""],
    // Every container sets its own user.
    [", securityContext: { runAsUser: 10001 }", ", securityContext: { runAsUser: 10002 }"],
  ])("is found once or not at all otherwise: web%s, log%s", async (webUser, log) => {
    const { at } = await manifestRuleFindings(pod(webUser, log), "runs-as-root");
    expect(at).toEqual(webUser === "" ? ["runs-as-root@9:37"] : []);
  });
});
