import { cpSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { chartNotChecked, chartOfTemplate } from "../../src/import/kubernetes/helm-charts.js";
import type { JsonDiagnostic } from "../../src/report/json.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";

const chart = `${repoRoot}test/fixtures/kubernetes/helm/web`;

/** A repository holding the chart at deploy/web, beside what `files` adds. */
function repositoryWithChart(files: Record<string, string> = {}): string {
  const root = folderWith(files);
  cpSync(chart, join(root, "deploy/web"), { recursive: true });
  return root;
}

async function check(root: string, ...paths: string[]) {
  const result = await runCli(["check", ...paths, "--format", "json"], root);
  const diagnostics = JSON.parse(result.stdout).diagnostics as JsonDiagnostic[];
  return {
    code: result.code,
    found: diagnostics.map((d) => `${d.code}@${relative(root, join(root, d.file ?? ""))}`),
    diagnostics,
  };
}

const MANIFEST = `apiVersion: v1
kind: Pod
metadata: { name: tool }
spec:
  containers:
    - name: tool
      image: busybox:latest
`;

describe("deployview check on a Helm chart", () => {
  it("says once that a chart's templates were not checked, and how to check them, instead of reading them as YAML", async () => {
    const root = repositoryWithChart();
    for (const path of [
      "deploy/web",
      "deploy/web/templates",
      "deploy/web/Chart.yaml",
      "deploy/web/values.yaml",
      ".",
    ]) {
      const { code, found, diagnostics } = await check(root, path);
      expect({ path, code, found }).toEqual({
        path,
        code: 0,
        found: ["helm-chart-not-checked@deploy/web/Chart.yaml"],
      });
      expect(diagnostics[0]).toMatchObject({
        severity: "warning",
        hint: expect.stringContaining(
          "helm template <chart> > rendered.yaml && deployview check rendered.yaml",
        ),
      });
    }
  });

  it("says it once for the chart of the template files named, .tpl and YAML alike", async () => {
    const root = repositoryWithChart();
    const { code, found } = await check(
      root,
      "deploy/web/templates/deployment.yaml",
      "deploy/web/templates/_helpers.tpl",
    );
    expect({ code, found }).toEqual({ code: 0, found: ["helm-chart-not-checked@deploy/web/Chart.yaml"] });
  });

  it("checks the manifests beside a chart, and what helm rendered from one", async () => {
    const root = repositoryWithChart({ "k8s/tool.yaml": MANIFEST });
    const beside = await check(root, ".");
    expect(beside.found).toContain("image-latest-tag@k8s/tool.yaml");
    expect(beside.found.filter((f) => !f.endsWith("@k8s/tool.yaml"))).toEqual([
      "helm-chart-not-checked@deploy/web/Chart.yaml",
    ]);
    // helm template --output-dir writes a templates folder of manifests, with no action left in them.
    const rendered = folderWith({
      "rendered/web/templates/tool.yaml": `# Source: web/templates/tool.yaml\n${MANIFEST}`,
    });
    const { found } = await check(rendered, "rendered");
    expect(found).toContain("image-latest-tag@rendered/web/templates/tool.yaml");
    expect(found.filter((f) => f.startsWith("helm-chart-not-checked"))).toEqual([]);
  });
});

describe("templates without a Chart.yaml beside them", () => {
  it("are passed over with their folder, and the manifests beside that folder are checked", async () => {
    const root = folderWith({
      "k8s/templates/service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n",
      "k8s/zz/tool.yaml": MANIFEST,
    });
    const { code, found } = await check(root, ".");
    expect(code).toBe(0);
    expect(found).toContain("image-latest-tag@k8s/zz/tool.yaml");
    expect(found.filter((f) => !f.endsWith("@k8s/zz/tool.yaml"))).toEqual(["helm-chart-not-checked@k8s"]);
  });
});

describe("what is a Helm template", () => {
  it("is a file under templates with a Helm action in it, not one whose braces another tool fills in", () => {
    const root = folderWith({
      "templates/service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n",
      "argo/templates/hello.yaml":
        "apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: { name: hello }\nspec:\n  templates:\n    - name: say\n      container: { image: 'busybox:1.36', args: ['{{inputs.parameters.message}}'] }\n",
      "deploy/service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n",
    });
    expect(chartOfTemplate(join(root, "templates/service.yaml"))).toBe(root);
    expect(chartOfTemplate(join(root, "argo/templates/hello.yaml"))).toBeUndefined();
    expect(chartOfTemplate(join(root, "deploy/service.yaml"))).toBeUndefined();
    // With no Chart.yaml to point at, the finding is the chart's folder's.
    expect(chartNotChecked(root)).toMatchObject({ code: "helm-chart-not-checked", file: root });
  });
});
