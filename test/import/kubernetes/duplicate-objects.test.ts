import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";

const configMap = (metadata: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: ${metadata}\ndata: { A: "1" }\n`;

describe("an object defined twice", () => {
  it("is found when one definition names the default namespace and the other names none", async () => {
    const root = folderWith({
      "app/a.yaml": [
        configMap("{ name: settings }"),
        configMap("{ name: settings, namespace: default }"),
        configMap("{ name: settings, namespace: other }"),
      ].join("---\n"),
    });
    expect(await checkFindingsAt(root, "app", "manifest-duplicate-object")).toEqual(["app/a.yaml:8:19"]);
  });

  it("is an error where a kustomization gathers both, as kustomize refuses to build it, and a warning where kubectl applies a folder", async () => {
    const root = folderWith({
      "app/kustomization.yaml": "resources: [a.yaml, b.yaml]\n",
      "app/a.yaml": configMap("{ name: settings }"),
      "app/b.yaml": configMap("{ name: settings }"),
      "plain/a.yaml": configMap("{ name: settings }"),
      "plain/b.yaml": configMap("{ name: settings }"),
    });
    const found = async (folder: string) => {
      const result = await runCli(["check", join(root, folder), "--format", "json"]);
      const { diagnostics } = JSON.parse(result.stdout) as {
        diagnostics: { code: string; severity: string; message: string }[];
      };
      return diagnostics
        .filter((d) => d.code === "manifest-duplicate-object")
        .map((d) => `${d.severity} ${d.message}`);
    };
    expect(await found("app")).toEqual([
      "error ConfigMap 'settings' is defined twice, which kustomize refuses to build (an already registered id)",
    ]);
    expect(await found("plain")).toEqual([
      "warning ConfigMap 'settings' is defined twice; the later definition is used",
    ]);
  });

  it("is one finding for each file that defines again what an earlier file defines, saying how many and which, with how to check alternatives", async () => {
    const secret = (name: string) => `apiVersion: v1\nkind: Secret\nmetadata: { name: ${name} }\n`;
    const root = folderWith({
      "quickstart.yaml": [configMap("{ name: settings }"), secret("creds"), secret("tls")].join("---\n"),
      "all-in-one.yaml": [configMap("{ name: settings }"), secret("creds"), secret("tls")].join("---\n"),
    });
    const result = await runCli(["check", root, "--format", "json"]);
    const duplicates = (
      JSON.parse(result.stdout) as { diagnostics: { code: string; message: string; hint?: string }[] }
    ).diagnostics.filter((d) => d.code === "manifest-duplicate-object");
    expect(duplicates.map((d) => [d.message, d.hint])).toEqual([
      [
        "quickstart.yaml defines 3 objects again that all-in-one.yaml defines (ConfigMap 'settings', Secret 'creds', Secret 'tls'); the later definitions are used",
        "if the files are alternatives rather than one set, check each on its own (deployview check <file>)",
      ],
    ]);
    expect(await checkFindingsAt(root, ".", "manifest-duplicate-object")).toEqual(["quickstart.yaml:3:19"]);
  });
});
