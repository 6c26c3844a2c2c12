import { describe, expect, it } from "vitest";
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
});
