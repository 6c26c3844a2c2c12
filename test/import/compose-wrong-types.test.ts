import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { readComposeFile } from "../../src/import/compose/read-file.js";
import { SourceIndex } from "../../src/report/position.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

/**
 * Everything a check of the compose file finds on its fourth line, where each case writes its
 * mistake under a service `web` (lines 2 and 3; without an image, which a rule finds on line 2):
 * what the reading reports and what the rules find.
 */
async function foundOnLine4(setting: string): Promise<{ at: string[]; messages: string[] }> {
  const folder = folderWith({
    "compose.yaml": `services:\n  web:\n    restart: "no"\n    ${setting}\n`,
  });
  const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
  const found = [
    ...loaded.diagnostics,
    ...(loaded.model ? checkModel(loaded.model, { sources: loaded.sources }) : []),
  ];
  const index = new SourceIndex(loaded.sources);
  const onLine4 = found.filter((d) => index.range(d)?.start.line === 4);
  return { at: located(onLine4, loaded.sources), messages: onLine4.map((d) => d.message) };
}

describe("a compose value of the wrong type", () => {
  it.each([
    ["a long-syntax port's target", "ports: [{ target: [1], published: 8080 }]", "schema-wrong-type@4:23"],
    ["a long-syntax port's host_ip", "ports: [{ target: 80, host_ip: 1 }]", "schema-wrong-type@4:36"],
    [
      "a long-syntax port's published",
      "ports: [{ target: 80, published: [8080] }]",
      "schema-wrong-type@4:38",
    ],
    ["a volume written as a number", "volumes: [1]", "schema-wrong-type@4:15"],
    ["a volume written as true", "volumes: [true]", "schema-wrong-type@4:15"],
    ["a tmpfs written as a number", "tmpfs: [1]", "schema-wrong-type@4:13"],
    ["a kernel parameter written as a number", "sysctls: [1]", "schema-wrong-type@4:15"],
    ["an exposed port written as true", "expose: [true]", "schema-wrong-type@4:14"],
    ["a container name written as a number", "container_name: 1", "schema-wrong-type@4:21"],
    [
      "a memory limit of deploy written as a number",
      "deploy: { resources: { limits: { memory: 1 } } }",
      "schema-wrong-type@4:46",
    ],
    ["an image written as a number", "image: 1", "schema-wrong-type@4:12"],
  ])("is reported once, by the schema, where it is written: %s", async (_, setting, expected) => {
    expect((await foundOnLine4(setting)).at).toEqual([expected]);
  });

  it("says what is wrong in the schema's words, naming the value as written", async () => {
    const messages = async (setting: string) => (await foundOnLine4(setting)).messages;
    expect(await messages("ports: [{ target: [1], published: 8080 }]")).toEqual([
      "services.web.ports.0.target must be a whole number or text, not a list",
    ]);
    expect(await messages("ports: [{ target: 80, host_ip: 1 }]")).toEqual([
      "services.web.ports.0.host_ip must be text, not number 1",
    ]);
    expect(await messages("volumes: [1]")).toEqual([
      "services.web.volumes.0 must be text or a mapping, not number 1",
    ]);
    expect(await messages("image: 1.50")).toEqual(["services.web.image must be text, not number 1.50"]);
    // Where neither a number nor text goes, a number too large is of the wrong type first.
    expect(await messages("healthcheck: 1e400")).toEqual([
      "services.web.healthcheck must be a mapping, not number 1e400",
    ]);
  });

  it("is read as nothing: the entry that holds it is left out, the rest read as written", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    ports: [{ target: [1], published: 8080 }, '8081:81', { target: 82, host_ip: 1 }]",
        "    volumes: [1, 'data:/data']",
        "volumes: { data: {} }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const web = loaded.model!.services.find((s) => s.id === "web")!;
    expect(web.ports.map((p) => p.port)).toEqual([81]);
    expect(web.volumes.map((v) => v.path)).toEqual(["/data"]);
    // What is read is still found where it is written.
    expect(
      located(
        loaded.diagnostics.filter((d) => d.code === "schema-wrong-type"),
        loaded.sources,
      ),
    ).toEqual(["schema-wrong-type@4:23", "schema-wrong-type@4:81", "schema-wrong-type@5:15"]);
  });

  it("is left out of files merged, and what follows it still found where it is written", async () => {
    const folder = folderWith({
      "compose.yaml":
        "services:\n  web:\n    image: nginx:1.27\n    volumes: ['data:/data']\nvolumes: { data: {} }\n",
      "compose.override.yaml": "services:\n  web:\n    volumes: [1, 'logs:/logs']\n",
    });
    const loaded = await loadComposeAsModel(
      ["compose.yaml", "compose.override.yaml"].map((name) => join(folder, name)),
    );
    const found = [...loaded.diagnostics, ...checkModel(loaded.model!, { sources: loaded.sources })];
    const at = (code: string) =>
      located(
        found.filter((d) => d.code === code),
        loaded.sources,
      );
    expect(at("schema-wrong-type")).toEqual(["schema-wrong-type@3:15"]);
    expect(at("unknown-volume")).toEqual(["unknown-volume@3:18"]);
    expect(at("runtime-refused")).toEqual([]);
  });
});

describe("a key of a secret or config of the wrong type", () => {
  it("is its wrong type's finding alone: the secret still gives a source, of the wrong type", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  web: { image: 'nginx:1.27', secrets: [password] }",
        "secrets:",
        "  password: { environment: [PASSWORD] }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["schema-wrong-type@4:28"]);
  });
});

describe("a number too large for any, as 1e400", () => {
  it.each([
    ["a long-syntax port's target", "ports: [{ target: 1e400, published: 8080 }]", "4:23", "whole numbers"],
    ["a long-syntax port's published", "ports: [{ target: 80, published: -1e400 }]", "4:38", "whole numbers"],
    ["a memory limit", "mem_limit: 1e400", "4:16", "numbers"],
    ["a memory limit of deploy", "deploy: { resources: { limits: { memory: 1e400 } } }", "4:46", "numbers"],
    ["a count of replicas", "deploy: { replicas: 1e400 }", "4:25", "whole numbers"],
    ["a scale", "scale: 1e400", "4:12", "whole numbers"],
    ["a count of CPUs", "cpus: 1e400", "4:11", "numbers"],
    ["a count of CPUs of deploy", "deploy: { resources: { limits: { cpus: 1e400 } } }", "4:44", "numbers"],
    ["a ulimit", "ulimits: { nofile: { soft: 1e400, hard: 1024 } }", "4:32", "whole numbers"],
  ])("is refused as out of range, quoted as written, once: %s", async (_, setting, at, kind) => {
    const { at: found, messages } = await foundOnLine4(setting);
    expect(found).toEqual([`schema-invalid-value@${at}`]);
    const written = setting.includes("-1e400") ? "-1e400" : "1e400";
    expect(messages[0]).toMatch(new RegExp(` is ${written}, out of the range of ${kind} Compose reads`));
    expect(messages[0]).not.toContain("Infinity");
  });

  it.each([
    ["an environment variable's value", "environment: { LIMIT: 1e400 }"],
    ["a label's value", "labels: { limit: 1e400 }"],
  ])(
    "is not refused where Compose takes any value as text, reading it as written: %s",
    async (_, setting) => {
      expect((await foundOnLine4(setting)).at).toEqual([]);
    },
  );

  it("reaches the model as the file writes it where Compose passes it as text, not as the number it overflows", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    environment: { LIMIT: 1e400, FLOOR: -1e400, ID: 12345678901234567890, RATIO: 1.5, PORT: 80 }",
        "    labels: { limit: 1e400 }",
        "",
      ].join("\n"),
    });
    const file = join(folder, "compose.yaml");
    const loaded = await loadComposeAsModel([file]);
    const web = loaded.model!.services.find((s) => s.id === "web")!;
    const values = web.env.map((v) => [v.name, v.value.kind === "plain" ? v.value.value : v.value.kind]);
    expect(Object.fromEntries(values)).toEqual({
      LIMIT: "1e400",
      FLOOR: "-1e400",
      ID: "12345678901234567890",
      RATIO: "1.5",
      PORT: "80",
    });
    const read = await readComposeFile(file, {}, join(folder, ".env"));
    const labels = (read.sources![0]!.value.services as Record<string, Record<string, unknown>>).web!.labels;
    expect(labels).toEqual({ limit: "1e400" });
  });

  it("is not taken into the model", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    ports: [{ target: 1e400 }, '8081:81']",
        "    deploy: { replicas: 1e400, resources: { limits: { memory: 1e400, cpus: 1e400 } } }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const web = loaded.model!.services.find((s) => s.id === "web")!;
    expect(web.ports.map((p) => p.port)).toEqual([81]);
    expect(web.memory).toBeUndefined();
    expect(web.cpu).toBeUndefined();
    expect(loaded.model!.environments[0]!.instances[0]!.replicas).toMatchObject({ min: 1, max: 1 });
  });
});

describe("an image or build of the wrong type", () => {
  it("is its wrong type's finding alone, not a service with no image besides", async () => {
    const folder = folderWith({
      "compose.yaml": ["services:", "  web:", "    image: 1", "  api:", "    build: [.]", ""].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const found = [...loaded.diagnostics, ...checkModel(loaded.model!, { sources: loaded.sources })].filter(
      (d) => d.severity === "error",
    );
    expect(located(found, loaded.sources)).toEqual(["schema-wrong-type@3:12", "schema-wrong-type@5:12"]);
  });
});

describe("a list of many entries with one of the wrong type", () => {
  it("is read without that one, however many more a call could take as arguments", async () => {
    const words = Array.from({ length: 150_000 }, () => "x");
    const folder = folderWith({
      "compose.yaml": `services:\n  web:\n    image: nginx:1.27\n    command: [${words.join(", ")}, 1]\n`,
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["schema-wrong-type"]);
    expect(loaded.model!.services[0]!.command).toHaveLength(words.length);
  });
});
