import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { importManifests, loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose container 'web' has these lines after its image (line 12 on). */
async function container(...lines: string[]) {
  return loadManifestsAsModel([folderWith({ "app.yaml": deployment(lines) })]);
}

function deployment(lines: string[]): string {
  return [
    ...workloadHead("Deployment", "web"),
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: 'web:1.0'",
    ...lines.map((line) => `          ${line}`),
    "",
  ].join("\n");
}

describe("a container's environment", () => {
  it("refuses a variable with both value and valueFrom, at its valueFrom, as the API server does", async () => {
    const { diagnostics, sources } = await container(
      "env:",
      "  - { name: DB_PASSWORD, value: hunter2, valueFrom: { secretKeyRef: { name: keys, key: LEVEL } } }",
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

  it("points a secret in plain text a ConfigMap gives at the ConfigMap's value, and says to move it to a Secret", async () => {
    const configMaps = [
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: { name: app }",
      "data:",
      "  LOG_LEVEL: info",
      "  DB_PASSWORD: hunter2",
      "---",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: { name: tokens }",
      "data: { API_TOKEN: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB }",
      "",
    ].join("\n");
    const app = deployment([
      "env: [{ name: DB_PASSWORD, valueFrom: { configMapKeyRef: { name: app, key: DB_PASSWORD } } }]",
      "envFrom: [{ configMapRef: { name: tokens } }]",
    ]);
    // A second workload reading the same value meets the same finding, at the same place.
    const api = [
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', envFrom: [{ configMapRef: { name: app } }] }] }",
    ].join("\n");
    const folder = folderWith({ "app.yaml": `${app}---\n${api}\n`, "config.yaml": configMaps });
    const { model, sources } = await loadManifestsAsModel([folder]);
    const found = checkModel(model!, { sources }).filter((d) => d.code === "plaintext-secret");
    expect(located(found, sources)).toEqual(["plaintext-secret@11:20", "plaintext-secret@6:16"]);
    expect(found.map((d) => d.file?.endsWith("config.yaml"))).toEqual([true, true]);
    expect(found[1]!.message).toBe(
      "'DB_PASSWORD' of the ConfigMap 'app' holds what looks like a secret in plain text",
    );
    expect(found.map((d) => d.hint)).toEqual([
      "move it to a Secret, and read it from there: envFrom: [{ secretRef: { name: … } }]",
      "move it to a Secret, and read it from there: valueFrom: { secretKeyRef: { name: …, key: DB_PASSWORD } }",
    ]);
  });

  it("points a secret a kustomize literal gives a ConfigMap at the literal", async () => {
    const folder = folderWith({
      "app.yaml": deployment(["envFrom: [{ configMapRef: { name: app } }]"]),
      "kustomization.yaml": [
        "resources: [app.yaml]",
        "configMapGenerator:",
        "  - name: app",
        "    literals:",
        "      - LOG_LEVEL=info",
        "      - DB_PASSWORD=hunter2",
        "",
      ].join("\n"),
    });
    const { model, sources } = await loadManifestsAsModel([folder]);
    const found = checkModel(model!, { sources }).filter((d) => d.code === "plaintext-secret");
    expect(located(found, sources)).toEqual(["plaintext-secret@6:9"]);
  });
});

describe("a variable a kustomize env file gives a ConfigMap", () => {
  it.each(["envs: [app.env]", "env: app.env"])(
    "is found at its line of the env file, under %s",
    async (entry) => {
      const folder = folderWith({
        "app.yaml": deployment(["envFrom: [{ configMapRef: { name: app } }]"]),
        "app.env": "# settings\nLOG_LEVEL=info\n\nexport DB_PASSWORD=hunter2\n",
        "kustomization.yaml": [
          "resources: [app.yaml]",
          "configMapGenerator:",
          "  - name: app",
          `    ${entry}`,
          "",
        ].join("\n"),
      });
      const { model, sources } = await loadManifestsAsModel([folder]);
      const found = checkModel(model!, { sources }).filter((d) => d.code === "plaintext-secret");
      expect(found.map((d) => basename(d.file ?? ""))).toEqual(["app.env"]);
      expect(located(found, sources)).toEqual(["plaintext-secret@4:8"]);
    },
  );
});

describe("a variable a ConfigMap's key gives", () => {
  it("takes no value from a key the ConfigMap lacks, even one every object inherits", async () => {
    const configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata: { LEVEL: info }\n";
    const app = deployment([
      "env:",
      "  - { name: A, valueFrom: { configMapKeyRef: { name: app, key: constructor } } }",
      "  - { name: B, valueFrom: { configMapKeyRef: { name: app, key: toString } } }",
      "  - { name: LEVEL, valueFrom: { configMapKeyRef: { name: app, key: LEVEL } } }",
    ]);
    const { model } = await loadManifestsAsModel([folderWith({ "app.yaml": app, "config.yaml": configMap })]);
    expect(model?.services[0]?.env.map((v) => [v.name, v.value])).toEqual([
      ["LEVEL", { kind: "plain", value: "info" }],
    ]);
  });
});

describe("a variable named __proto__", () => {
  it("is reported where its name is written and left out, refused for safety, and no object takes it for its prototype", async () => {
    const secret =
      "apiVersion: v1\nkind: Secret\nmetadata: { name: keys }\nstringData: { __: x, LEVEL: debug }\n";
    const app = deployment([
      "env:",
      "  - { name: __proto__, valueFrom: { secretKeyRef: { name: keys, key: LEVEL } } }",
      "  - { name: __proto__, value: plain }",
      "  - { name: LOG_LEVEL, value: info }",
      "envFrom: [{ prefix: __proto, secretRef: { name: keys } }]",
    ]);
    const folder = folderWith({ "app.yaml": app, "secret.yaml": secret });
    const { imported } = await importManifests([folder]);
    const env = imported!.input.services.web!.env!;
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
    expect(Object.keys(env)).toEqual(["__protoLEVEL", "LOG_LEVEL"]);
    const { model, diagnostics, sources } = await loadManifestsAsModel([folder]);
    expect(located(diagnostics, sources)).toEqual([
      "forbidden-key@16:31",
      "forbidden-key@13:23",
      "forbidden-key@14:23",
    ]);
    expect(diagnostics.map((d) => d.severity)).toEqual(["warning", "warning", "warning"]);
    expect(diagnostics[1]!.message).toBe(
      "the variable '__proto__' of 'web' is left out: the name __proto__ is refused for safety, as it could tamper with the objects that hold variables",
    );
    expect(model!.services[0]!.env.map((v) => v.name)).toEqual(["__protoLEVEL", "LOG_LEVEL"]);
  });

  it("is reported at the envFrom entry where a kustomize literal names a ConfigMap's key so", async () => {
    const folder = folderWith({
      "app.yaml": deployment(["envFrom: [{ configMapRef: { name: app } }]"]),
      "kustomization.yaml": [
        "resources: [app.yaml]",
        "configMapGenerator:",
        "  - name: app",
        "    literals: [__proto__=x, LOG_LEVEL=info]",
        "",
      ].join("\n"),
    });
    const { model, diagnostics, sources } = await loadManifestsAsModel([folder]);
    expect(located(diagnostics, sources)).toEqual(["forbidden-key@12:21"]);
    expect(model!.services[0]!.env.map((v) => v.name)).toEqual(["LOG_LEVEL"]);
  });
});

describe("a value of the wrong type that looks secret", () => {
  it("is refused without its value in the message, where a value that does not look secret is quoted", async () => {
    const folder = folderWith({
      "app.yaml": [
        deployment([
          "env:",
          "  - { name: DB_PASSWORD, value: 98765432 }",
          "  - { name: PORT, value: 8080 }",
        ]).trimEnd(),
        "---",
        "apiVersion: v1",
        "kind: Secret",
        "metadata: { name: keys }",
        "stringData: { api-token: 12345678, pin: on }",
        "---",
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata: { name: settings }",
        "data: { ADMIN_PASSWORD: 24681357, WORKERS: 4 }",
        "",
      ].join("\n"),
    });
    const { diagnostics } = await importManifests([folder]);
    const wrong = diagnostics.filter((d) => d.code === "schema-wrong-type").map((d) => d.message);
    expect(wrong).toEqual([
      "spec.template.spec.containers.0.env.0.value of Deployment 'web' must be text, not a number, so kubectl apply refuses it",
      "spec.template.spec.containers.0.env.1.value of Deployment 'web' must be text, not number 8080, so kubectl apply refuses it",
      "stringData.api-token of Secret 'keys' must be text, not a number, so kubectl apply refuses it",
      "stringData.pin of Secret 'keys' is a word, which kubectl reads as true (YAML 1.1), where it must be text, so kubectl apply refuses it",
      "data.ADMIN_PASSWORD of ConfigMap 'settings' must be text, not a number, so kubectl apply refuses it",
      "data.WORKERS of ConfigMap 'settings' must be text, not number 4, so kubectl apply refuses it",
    ]);
  });
});
