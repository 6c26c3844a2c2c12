import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitKubernetes } from "../../src/emit/k8s/index.js";
import { loadModelText } from "../../src/load/index.js";
import { arbitraryModel } from "../helpers/arbitrary-model.js";
import { arbitraryDeployableModel } from "./arbitrary-deployable-model.js";
import { manifestErrors, manifestObjects } from "./validate.js";

function check(text: string, environment: string): void {
  const loaded = loadModelText(text, "model.yaml");
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const result = emitKubernetes(loaded.model!, environment);
  if (result.diagnostics.some((d) => d.severity === "error")) {
    expect(result.files).toEqual([]);
    return;
  }
  const names = new Set<string>();
  for (const file of result.files) {
    if (file.path === "kustomization.yaml") continue;
    expect(manifestErrors(file.content), `${file.path}\n${file.content}`).toEqual([]);
    for (const object of manifestObjects(file.content)) {
      const key = `${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
      expect(names.has(key), `${key} twice`).toBe(false);
      names.add(key);
    }
  }
  const kustomization = parse(result.files.at(-1)!.content);
  expect(kustomization.resources).toEqual(result.files.slice(0, -1).map((f) => f.path));
  expect(new Set(kustomization.resources).size).toBe(kustomization.resources.length);
  // Deterministic: the same model gives the same bytes.
  expect(emitKubernetes(loaded.model!, environment).files).toEqual(result.files);
}

describe("Kubernetes manifests for any valid model", () => {
  it("validate, object by object, with unique names and a complete kustomization", () => {
    fc.assert(
      fc.property(arbitraryDeployableModel, (text) => {
        const loaded = loadModelText(text, "model.yaml");
        const result = emitKubernetes(loaded.model!, "prod");
        // These models keep a volume on every stateful service and declare every secret.
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        check(text, "prod");
      }),
      { numRuns: 150 },
    );
  });

  it("validate for the models the other emitters are tested with, or are refused with errors", () => {
    fc.assert(
      fc.property(arbitraryModel, (text) => check(text, "prod")),
      { numRuns: 60 },
    );
  });
});
