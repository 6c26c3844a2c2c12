import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonPatch } from "../../../src/import/kubernetes/patch.js";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { oneContainer } from "../../rules/cases.js";

/** A strategic merge patch that makes the container of the Deployment `name` privileged. */
const privileged = (name: string) =>
  [
    "apiVersion: apps/v1",
    "kind: Deployment",
    `metadata: { name: ${name} }`,
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    `        - name: ${name}`,
    "          securityContext: { privileged: true }",
  ].join("\n");

describe("kustomize patch files of several documents", () => {
  const app = [...oneContainer("Deployment", "web"), "---", ...oneContainer("Deployment", "api"), ""].join(
    "\n",
  );
  const patch = `${privileged("web")}\n---\n${privileged("api")}\n`;

  it.each([
    ["patches", "patches:\n  - path: p.yaml\n"],
    ["patchesStrategicMerge", "patchesStrategicMerge: [p.yaml]\n"],
  ])("apply each document to its own object, under %s", async (_, entry) => {
    const root = folderWith({
      "app.yaml": app,
      "p.yaml": patch,
      "kustomization.yaml": `resources: [app.yaml]\n${entry}`,
    });
    expect(await checkFindingsAt(root, ".", "privileged-container", { columns: false })).toEqual([
      "p.yaml:19",
      "p.yaml:9",
    ]);
    expect(await checkFindingsAt(root, ".", "yaml-multiple-documents", { columns: false })).toEqual([]);
  });

  it("apply each document of an inline patch too", async () => {
    const inline = patch.replaceAll("\n", "\n      ").trimEnd();
    const root = folderWith({
      "app.yaml": app,
      "kustomization.yaml": `resources: [app.yaml]\npatches:\n  - patch: |-\n      ${inline}\n`,
    });
    expect(await checkFindingsAt(root, ".", "privileged-container", { columns: false })).toEqual([
      "kustomization.yaml:12",
      "kustomization.yaml:22",
    ]);
  });

  it("read an inline patch of patchesStrategicMerge written as a flow mapping on one line, its keys quoted or not", async () => {
    const root = folderWith({
      "app.yaml": app,
      "kustomization.yaml": [
        "resources: [app.yaml]",
        "patchesStrategicMerge:",
        `  - '{ apiVersion: apps/v1, kind: Deployment, metadata: { name: web }, spec: { template: { spec: { hostPID: true } } } }'`,
        `  - '{ "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "api" }, "spec": { "template": { "spec": { "hostIPC": true } } } }'`,
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, ".", "kustomize-missing-resource", { columns: false })).toEqual([]);
    expect(await checkFindingsAt(root, ".", "host-namespace", { columns: false })).toEqual([
      "kustomization.yaml:3",
      "kustomization.yaml:4",
    ]);
  });
});

describe("a JSON 6902 patch whose path steps through what every object inherits", () => {
  it.each(["/spec/__proto__/polluted", "/spec/template/constructor/polluted", "/__proto__/polluted"])(
    "is refused at %s, and leaves every other object as it was",
    async (path) => {
      const root = folderWith({
        "app.yaml": `${oneContainer("Deployment", "web").join("\n")}\n`,
        "kustomization.yaml": [
          "resources: [app.yaml]",
          "patches:",
          "  - target: { kind: Deployment, name: web }",
          `    patch: '[{ op: add, path: ${path}, value: 1 }]'`,
          "",
        ].join("\n"),
      });
      try {
        expect(await checkFindingsAt(root, ".", "kustomize-unsupported")).toEqual(["kustomization.yaml:3:5"]);
        expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
      } finally {
        delete (Object.prototype as Record<string, unknown>).polluted;
      }
    },
  );

  it("writes nothing into what objects inherit, whatever the pointer", () => {
    const token = fc.constantFrom("__proto__", "constructor", "prototype", "spec", "0", "-", "polluted");
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("add", "replace", "remove"),
        (tokens, op) => {
          jsonPatch({ spec: { containers: [{ name: "a" }] } }, [
            { op, path: `/${tokens.join("/")}`, value: 1 },
          ]);
          expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a JSON 6902 remove", () => {
  const base = { spec: { args: ["a", "b"], labels: { app: "web" } } };

  it.each([
    ["/spec/args/x", "nothing to remove at /spec/args/x"],
    ["/spec/args/2", "nothing to remove at /spec/args/2"],
    ["/spec/args/-1", "nothing to remove at /spec/args/-1"],
    ["/spec/labels/tier", "nothing to remove at /spec/labels/tier"],
  ])("of %s, which is not there, is refused and removes nothing", (path, reason) => {
    const result = jsonPatch(base, [{ op: "remove", path }]);
    expect(result.failed).toEqual([{ index: 0, reason }]);
    expect(result.value).toEqual(base);
  });

  it("of what is there removes it", () => {
    const result = jsonPatch(base, [
      { op: "remove", path: "/spec/args/1" },
      { op: "remove", path: "/spec/labels/app" },
    ]);
    expect(result).toEqual({ value: { spec: { args: ["a"], labels: {} } }, failed: [] });
  });
});

describe("a JSON 6902 add or replace in a list", () => {
  const base = { spec: { args: ["a", "b"] } };

  it.each([
    ["add", "/spec/args/", "no index  at /spec/args/"],
    ["add", "/spec/args/1e0", "no index 1e0 at /spec/args/1e0"],
    ["add", "/spec/args/0x1", "no index 0x1 at /spec/args/0x1"],
    ["replace", "/spec/args/2", "no index 2 at /spec/args/2"],
    ["replace", "/spec/args/-", "no index - at /spec/args/-"],
  ])("%s at %s, no index of the list, is refused and changes nothing", (op, path, reason) => {
    const result = jsonPatch(base, [{ op, path, value: "c" }]);
    expect(result.failed).toEqual([{ index: 0, reason }]);
    expect(result.value).toEqual(base);
  });

  it("on the way to its place, takes no step into a list that is not an index", () => {
    const containers = { spec: { containers: [{ name: "a" }] } };
    const result = jsonPatch(containers, [{ op: "add", path: "/spec/containers/ /image", value: "b:1" }]);
    expect(result.failed).toEqual([{ index: 0, reason: "nothing at /spec/containers/ /image" }]);
    expect(result.value).toEqual(containers);
  });

  it("adds at an index, at the end and after the last, and replaces at an index", () => {
    const result = jsonPatch(base, [
      { op: "add", path: "/spec/args/0", value: "x" },
      { op: "add", path: "/spec/args/3", value: "y" },
      { op: "add", path: "/spec/args/-", value: "z" },
      { op: "replace", path: "/spec/args/1", value: "A" },
    ]);
    expect(result).toEqual({ value: { spec: { args: ["x", "A", "b", "y", "z"] } }, failed: [] });
  });
});
