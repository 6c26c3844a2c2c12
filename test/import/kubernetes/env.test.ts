import { describe, expect, it } from "vitest";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose container 'web' has these lines after its image (line 12 on). */
async function container(...lines: string[]) {
  const text = [
    ...workloadHead("Deployment", "web"),
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: 'web:1.0'",
    ...lines.map((line) => `          ${line}`),
    "",
  ].join("\n");
  return loadManifestsAsModel([folderWith({ "app.yaml": text })]);
}

describe("a container's environment", () => {
  it("refuses a variable with both value and valueFrom, at its valueFrom, as the API server does", async () => {
    const { diagnostics, sources } = await container(
      "env:",
      "  - { name: DB_PASSWORD, value: hunter2, valueFrom: { secretKeyRef: { name: db, key: pw } } }",
      "  - { name: EMPTY, value: '', valueFrom: { fieldRef: { fieldPath: metadata.name } } }",
    );
    expect(located(diagnostics, sources)).toEqual(["manifest-invalid@13:52"]);
    expect(diagnostics[0]!.message).toBe(
      "the variable 'DB_PASSWORD' of 'web' has both value and valueFrom, which the API server refuses",
    );
    expect(diagnostics[0]!.hint).toBe(
      "keep one: value for a value written here, valueFrom for one read from a Secret, a ConfigMap or the pod",
    );
  });
});
