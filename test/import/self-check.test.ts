/**
 * What deployview writes, its own check takes: generated compose files and manifests, read back
 * through the importers, give no error (nothing Compose, Docker or the API server would refuse).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emitCompose } from "../../src/emit/compose/index.js";
import { emitKubernetes } from "../../src/emit/k8s/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { loadModelText } from "../../src/load/index.js";
import { examples } from "../helpers/examples.js";
import { arbitraryDeployableModel } from "../k8s/arbitrary-deployable-model.js";

const root = mkdtempSync(join(tmpdir(), "deployview-self-check-"));
let count = 0;

function written(files: { path: string; content: string }[]): string {
  const folder = join(root, String(count++));
  for (const file of files) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.content);
  }
  return folder;
}

const errors = (diagnostics: { severity: string; code: string; message: string }[]) =>
  diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);

describe("what deployview generates, read back by its own check", () => {
  it("holds nothing that Compose, Docker or the Kubernetes API server would refuse", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDeployableModel, async (text) => {
        const { model } = loadModelText(text, "model.yaml");
        const compose = emitCompose(model!, "dev");
        const composeFolder = written(compose.files);
        const readCompose = await loadComposeAsModel([join(composeFolder, "compose.yaml")]);
        expect(errors(readCompose.diagnostics)).toEqual([]);
        expect(readCompose.model?.services.length).toBe(model!.services.length);
        const manifests = emitKubernetes(model!, "prod");
        const readManifests = await loadManifestsAsModel([written(manifests.files)]);
        expect(errors(readManifests.diagnostics)).toEqual([]);
        expect(readManifests.model?.services.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe("every example's generated configuration, read back by the check", () => {
  for (const example of examples()) {
    it(`${example.name}: holds no error`, async () => {
      const deploy = join(example.dir, "deploy");
      for (const output of existsSync(deploy) ? readdirSync(deploy) : []) {
        const folder = join(deploy, output);
        const compose = join(folder, "compose.yaml");
        const read = existsSync(compose)
          ? await loadComposeAsModel([compose])
          : await loadManifestsAsModel([folder]);
        expect(errors(read.diagnostics), output).toEqual([]);
        expect(read.model, output).toBeDefined();
      }
    });
  }
});
