import { describe, expect, it } from "vitest";
import { emitKubernetes } from "../../src/emit/k8s/index.js";
import { loadModelText } from "../../src/load/index.js";
import { located } from "../helpers/positions.js";
import { shop } from "./shop-model.js";

describe("refusing manifests that would not start", () => {
  const cases: [string, string, string, string[]][] = [
    ["the wrong platform", shop, "dev", ["wrong-platform@65:3"]],
    [
      "a stateful service with no volume",
      shop
        .replace("    volumes: { data: /var/lib/postgresql/data }\n", "")
        .replace("db: { storage: { data: 20Gi } }", "db:"),
      "prod",
      ["stateful-without-volume@25:3"],
    ],
    [
      "a secret with no source",
      // With no secrets section at all, the loader cannot tell; the emitter must.
      shop.replace(/^secrets:\n( {2}.*\n)+/m, ""),
      "prod",
      ["secret-without-source@10:7", "secret-without-source@11:7", "secret-without-source@29:12"],
    ],
    [
      "a CronJob without a schedule",
      shop.replace(
        "              cache:\n  staging",
        "              cache: { workload: CronJob }\n  staging",
      ),
      "prod",
      ["workload-not-supported@55:15"],
    ],
    ["an environment that does not exist", shop, "nowhere", ["unknown-environment@35:3"]],
  ];
  for (const [what, text, env, expected] of cases) {
    it(`refuses ${what}, with located errors and no files`, () => {
      const loaded = loadModelText(text, "model.yaml");
      const result = emitKubernetes(loaded.model!, env);
      expect(result.files).toEqual([]);
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      expect(located(errors, loaded.sources)).toEqual(expected);
    });
  }
});
