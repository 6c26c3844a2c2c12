import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { kubernetesFolder } from "../../src/build/outputs.js";
import { loadModelFile } from "../../src/load/index.js";
import { examples } from "../helpers/examples.js";
import { manifestObjects } from "./validate.js";

/** kubectl's built-in kustomize, when this machine has kubectl; the test is skipped otherwise. */
function kubectl(): boolean {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore", timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!kubectl())("kubectl kustomize on the committed manifests", () => {
  it("builds every example's folder into exactly the objects the files hold", async () => {
    for (const example of examples()) {
      const { model } = await loadModelFile(example.model);
      for (const target of model!.outputs.kubernetes) {
        const folder = join(example.dir, kubernetesFolder(target.path));
        const built = execFileSync("kubectl", ["kustomize", folder], { encoding: "utf8", timeout: 30_000 });
        const names = (objects: { kind: string; metadata: { name: string; namespace?: string } }[]) =>
          objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`).sort();
        const expected = readdirSync(folder)
          .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
          .flatMap((f) => manifestObjects(readFileSync(join(folder, f), "utf8")));
        const objects = parseAllDocuments(built).map((d) => d.toJSON());
        expect(names(objects), folder).toEqual(names(expected));
      }
    }
  });
});
