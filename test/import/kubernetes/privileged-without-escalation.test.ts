import { describe, expect, it } from "vitest";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose init container 'setup' and container 'web' have these security contexts (lines 10 and 11). */
async function secured(setup: string, web: string) {
  const text = [
    ...workloadHead("Deployment", "web"),
    "    spec:",
    "      securityContext: { runAsNonRoot: true, runAsUser: 1000 }",
    `      initContainers: [{ name: setup, image: 'setup:1.0', securityContext: ${setup} }]`,
    `      containers: [{ name: web, image: 'web:1.0', securityContext: ${web} }]`,
    "",
  ].join("\n");
  const { diagnostics, sources } = await loadManifestsAsModel([folderWith({ "app.yaml": text })]);
  const refusals = diagnostics.filter((d) => d.code === "manifest-invalid");
  return { refusals, at: located(refusals, sources) };
}

describe("a privileged container that may not gain privileges", () => {
  it("is refused where allowPrivilegeEscalation is written, in every container, as the API server refuses it", async () => {
    const clash = "{ privileged: true, allowPrivilegeEscalation: false }";
    const { refusals, at } = await secured(clash, clash);
    expect(at).toEqual(["manifest-invalid@10:122", "manifest-invalid@11:114"]);
    expect(refusals[1]!.message).toBe(
      "'web' is privileged and may not gain privileges (allowPrivilegeEscalation: false), which the API server refuses: a privileged container has every privilege",
    );
    expect(refusals[1]!.hint).toBe("drop privileged: true, or allowPrivilegeEscalation: false");
    expect(refusals[0]!.message).toMatch(/^init container 'setup' of 'web' is privileged/);
  });

  it.each([
    "{ privileged: true }",
    "{ privileged: false, allowPrivilegeEscalation: false }",
    "{ privileged: true, allowPrivilegeEscalation: true }",
    "{ capabilities: { add: [SYS_ADMIN] }, allowPrivilegeEscalation: false }",
  ])("is taken where the two do not clash: %s", async (context) => {
    const { at } = await secured("{}", context);
    expect(at).toEqual([]);
  });
});
