import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { lint, type SeveritySetting } from "../../src/rules/index.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

async function missing(files: Record<string, string>, compose = ["compose.yaml"]) {
  const dir = folderWith(files, "deployview-paths-");
  const loaded = await loadComposeAsModel(compose.map((file) => join(dir, file)));
  // Reported by the rule, from what the reader found.
  const linted = loaded.model ? lint(loaded.model, { sources: loaded.sources }) : [];
  const found = [...loaded.diagnostics, ...linted].filter((d) => d.code === "missing-path");
  return {
    at: located(found, loaded.sources),
    messages: found.map((d) => d.message),
    files: found.map((d) => basename(d.file ?? "")),
  };
}

describe("paths a compose file needs", () => {
  it("reports a build context that is not a folder, one without its Dockerfile, and a secret's or config's file that is not there, where each is written", async () => {
    const { at, messages } = await missing({
      "compose.yaml": [
        "services:",
        "  gone: { image: a:1, build: ./gone }",
        "  bare: { image: b:1, build: { context: ./bare } }",
        "  named: { image: c:1, build: { context: ./app, dockerfile: docker/Dockerfile.prod } }",
        "  fine: { image: d:1, build: ./app }",
        "  inline: { image: e:1, build: { context: ./bare, dockerfile_inline: 'FROM alpine' } }",
        "  remote: { image: f:1, build: 'https://github.com/docker/buildx.git#main' }",
        "secrets:",
        "  password: { file: ./password.txt }",
        "  key: { file: ./key.pem }",
        "  token: { environment: TOKEN }",
        "configs:",
        "  proxy: { file: ./proxy.conf }",
        "",
      ].join("\n"),
      "bare/README.md": "no Dockerfile here\n",
      "app/Dockerfile": "FROM node:20\n",
      "key.pem": "kept out of version control\n",
    });
    expect(at).toEqual([
      "missing-path@2:30",
      "missing-path@3:41",
      "missing-path@4:61",
      "missing-path@9:21",
      "missing-path@13:18",
    ]);
    expect(messages).toEqual([
      "the build context ./gone of 'gone' is not a folder here, so Compose cannot build it",
      "the build context ./bare of 'bare' holds no Dockerfile, so Compose cannot build it",
      "the build context ./app of 'named' holds no file docker/Dockerfile.prod, so Compose cannot build it",
      "the file ./password.txt of the secret 'password' is not here, so Compose cannot start what uses it",
      "the file ./proxy.conf of the config 'proxy' is not here, so Compose cannot start what uses it",
    ]);
  });

  it("reports a bind mount's file that is not there, which Docker would make an empty folder of, and a long-syntax bind source that Compose would refuse", async () => {
    const { at, messages } = await missing({
      "compose.yaml": [
        "services:",
        "  web:",
        "    image: nginx:1.27",
        "    volumes:",
        "      - ./nginx.conf:/etc/nginx/nginx.conf:ro",
        "      - ./data:/var/cache/nginx",
        "      - ./site:/usr/share/nginx/html:ro",
        "      - /etc/localtime:/etc/localtime:ro",
        "      - ${CERTS_DIR}/tls.pem:/etc/tls.pem",
        "      - logs:/var/log/nginx",
        "      - { type: bind, source: ./conf.d, target: /etc/nginx/conf.d }",
        "      - { type: bind, source: ./made, target: /srv, bind: { create_host_path: true } }",
        "      - { type: bind, source: ./here.txt, target: /here.txt }",
        "      - ./web.config:C:/inetpub/web.config",
        "volumes: { logs: {} }",
        "",
      ].join("\n"),
      "site/index.html": "<p>hello</p>\n",
      "here.txt": "there\n",
    });
    expect(at).toEqual(["missing-path@5:9", "missing-path@11:31", "missing-path@14:9"]);
    expect(messages).toEqual([
      "the file ./nginx.conf that 'web' mounts at /etc/nginx/nginx.conf is not here: Docker would make an empty folder of that name and mount it instead",
      "the path ./conf.d that 'web' mounts at /etc/nginx/conf.d is not here, so Compose cannot start it",
      "the file ./web.config that 'web' mounts at C:/inetpub/web.config is not here: Docker would make an empty folder of that name and mount it instead",
    ]);
  });

  it("reports a context several services build from once, naming how many", async () => {
    const { messages } = await missing({
      "compose.yaml": [
        "services:",
        "  web: { image: s:1, build: ./sentry }",
        "  worker: { image: s:1, build: ./sentry }",
        "  cron: { image: s:1, build: ./sentry }",
        "",
      ].join("\n"),
    });
    expect(messages).toEqual([
      "the build context ./sentry of 'web' (and 2 other services) is not a folder here, so Compose cannot build it",
    ]);
  });

  it("reports a path through a file as missing, without failing", async () => {
    const { messages } = await missing({
      "compose.yaml": "services:\n  api: { image: a:1, build: ./notes.txt/app }\n",
      "notes.txt": "a file, not a folder\n",
    });
    expect(messages).toEqual([
      "the build context ./notes.txt/app of 'api' is not a folder here, so Compose cannot build it",
    ]);
  });

  it("reads the paths of an override file in another folder from the project's folder, as Compose does, not from the override's own", async () => {
    const { at, messages } = await missing(
      {
        "compose.yaml": "services:\n  api: { image: a:1 }\n",
        "deploy/override.yaml": [
          "services:",
          "  api:",
          "    build: ./api",
          "    env_file: ./prod.env",
          "secrets:",
          "  token: { file: ./token.txt }",
          "",
        ].join("\n"),
        "deploy/api/Dockerfile": "FROM node:20\n",
        "deploy/prod.env": "X=1\n",
        "deploy/token.txt": "kept out of version control\n",
      },
      ["compose.yaml", "deploy/override.yaml"],
    );
    expect(at).toEqual(["missing-path@3:12", "missing-path@6:18", "missing-path@4:15"]);
    expect(messages).toEqual([
      "the build context ./api of 'api' is not a folder here, so Compose cannot build it",
      "the file ./token.txt of the secret 'token' is not here, so Compose cannot start what uses it",
      "the env_file ./prod.env of 'api' is not here, so Compose cannot start it; its variables are left out",
    ]);
  });

  it("reads the paths a service takes from one it extends in another file from that file's folder, and reports them where that file writes them", async () => {
    const { at, messages, files } = await missing({
      "compose.yaml":
        "services:\n  api: { image: a:1, extends: { file: shared/common.yaml, service: base } }\n",
      "shared/common.yaml": [
        "services:",
        "  base:",
        "    build: { context: ./api, dockerfile: Dockerfile.prod }",
        "    env_file: ./base.env",
        "",
      ].join("\n"),
      // Beside the project's file, where a path read from the wrong folder would find them.
      "api/Dockerfile.prod": "FROM node:20\n",
      "base.env": "X=1\n",
    });
    expect(at).toEqual(["missing-path@3:23", "missing-path@4:15"]);
    expect(files).toEqual(["common.yaml", "common.yaml"]);
    expect(messages).toEqual([
      "the build context ./api of 'base' is not a folder here, so Compose cannot build it",
      "the env_file ./base.env of 'base' is not here, so Compose cannot start it; its variables are left out",
    ]);
  });

  it("tells apart the services it takes from two files whose names and services would spell the same", async () => {
    const { at, messages, files } = await missing({
      "compose.yaml": [
        "services:",
        "  one: { image: a:1, extends: { file: 'shared#base', service: api } }",
        "  two: { image: a:1, extends: { file: shared, service: 'base#api' } }",
        "",
      ].join("\n"),
      "shared#base": "services:\n  api: { env_file: ./one.env }\n",
      shared: "services:\n  'base#api': { env_file: ./two.env }\n",
    });
    expect(files).toEqual(["shared#base", "shared"]);
    expect(at).toEqual(["missing-path@2:20", "missing-path@2:27"]);
    expect(messages).toEqual([
      "the env_file ./one.env of 'api' is not here, so Compose cannot start it; its variables are left out",
      "the env_file ./two.env of 'base#api' is not here, so Compose cannot start it; its variables are left out",
    ]);
  });

  it("reports the paths of a service several services take from another file once, its build only as one that builds nothing of its own takes it", async () => {
    const { at, files } = await missing({
      "compose.yaml": [
        "services:",
        "  one: { build: ./one, extends: { file: shared/common.yaml, service: base } }",
        "  two: { image: a:1, extends: { file: shared/common.yaml, service: base } }",
        "  three: { image: a:1, extends: { file: shared/common.yaml, service: base } }",
        "",
      ].join("\n"),
      "one/Dockerfile": "FROM node:20\n",
      "shared/common.yaml": "services:\n  base:\n    build: ./api\n    env_file: ./base.env\n",
    });
    expect(files).toEqual(["common.yaml", "common.yaml"]);
    // The env_file as 'one' takes it, the build as 'two' does.
    expect(at).toEqual(["missing-path@4:15", "missing-path@3:12"]);
  });

  it("reports the build of a service taken from another file only where one that builds nothing of its own takes it", async () => {
    const { at } = await missing({
      "compose.yaml":
        "services:\n  one: { build: ./one, extends: { file: shared/common.yaml, service: base } }\n",
      "one/Dockerfile": "FROM node:20\n",
      "shared/common.yaml": "services:\n  base:\n    build: ./api\n    env_file: ./base.env\n",
    });
    expect(at).toEqual(["missing-path@4:15"]);
  });

  // Each, where a finding would be wrong: in a case of its own, the folders it needs.
  const nothingMissing: { where: string; files: Record<string, string>; compose?: string[] }[] = [
    {
      where: "an override file in another folder, whose paths Compose reads from the project's folder",
      compose: ["compose.yaml", "deploy/override.yaml"],
      files: {
        "compose.yaml": "services:\n  api: { image: a:1 }\n",
        "deploy/override.yaml":
          "services:\n  api: { build: ./api }\nsecrets:\n  token: { file: ./token.txt }\n",
        "api/Dockerfile": "FROM node:20\n",
        "token.txt": "kept out of version control\n",
      },
    },
    {
      where: "a path chosen where the file is run, from a variable",
      files: {
        "compose.yaml": [
          "services:",
          "  api: { image: a:1, build: { context: ., dockerfile: '${DOCKERFILE:-Dockerfile}.$${STAGE}' } }",
          "secrets:",
          "  token: { file: '${TOKEN_FILE}' }",
          "",
        ].join("\n"),
        ".env": "TOKEN_FILE=\n",
      },
    },
    {
      where: "a file another extends, at services other than the one taken from it",
      files: {
        "compose.yaml": "services:\n  api: { image: a:1, extends: { file: common.yaml, service: base } }\n",
        "common.yaml": "services:\n  base: { image: a:1 }\n  other: { image: b:1, build: ./elsewhere }\n",
      },
    },
    {
      where: "the paths a service takes from one it extends in another folder, there beside that file",
      files: {
        "compose.yaml":
          "services:\n  api: { image: a:1, extends: { file: shared/common.yaml, service: base } }\n",
        "shared/common.yaml":
          "services:\n  base:\n    build: { context: ./api, dockerfile: Dockerfile.prod }\n    env_file: ./base.env\n",
        "shared/api/Dockerfile.prod": "FROM node:20\n",
        "shared/base.env": "X=1\n",
      },
    },
    {
      where:
        "the build of a service extended in another file, which the extending service replaces with its own",
      files: {
        "compose.yaml":
          "services:\n  api: { build: ./api, extends: { file: shared/common.yaml, service: base } }\n",
        "shared/common.yaml": "services:\n  base: { image: a:1, build: ./gone }\n",
        "api/Dockerfile": "FROM node:20\n",
      },
    },
    {
      where: "an env_file whose required is text Compose reads as false",
      files: {
        "compose.yaml": [
          "services:",
          "  api:",
          "    image: a:1",
          "    env_file: [{ path: ./gone.env, required: 'false' }, { path: ./also.env, required: '${NEED:-no}' }]",
          "",
        ].join("\n"),
      },
    },
    {
      where: "a secret kept as a folder of files",
      files: {
        "compose.yaml": "services:\n  a: { image: a:1 }\nsecrets:\n  certs: { file: ./certs }\n",
        "certs/tls.crt": "certificate\n",
      },
    },
  ];
  for (const { where, files, compose } of nothingMissing)
    it(`finds nothing missing in ${where}`, async () => {
      expect((await missing(files, compose)).at).toEqual([]);
    });
});

describe("the missing-path rule", () => {
  const compose = [
    "services:",
    "  api: { image: a:1, build: ./api }",
    "  # deployview-disable-next-line missing-path -- CI checks the web app out beside this file",
    "  web: { image: w:1, build: ./web }",
    "",
  ].join("\n");

  it("is configured and suppressed as every rule is: off by flag, a line with a reason left out", async () => {
    const dir = folderWith({ "compose.yaml": compose }, "deployview-paths-");
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    expect(loaded.diagnostics.map((d) => d.code)).not.toContain("missing-path");
    const found = (severities: Record<string, SeveritySetting>) =>
      located(
        lint(loaded.model!, { sources: loaded.sources, severities }).filter((d) => d.code === "missing-path"),
        loaded.sources,
      );
    expect(found({})).toEqual(["missing-path@2:29"]);
    expect(found({ "missing-path": "off" })).toEqual([]);
    const raised = lint(loaded.model!, { sources: loaded.sources, severities: { "missing-path": "error" } });
    expect(raised.filter((d) => d.code === "missing-path").map((d) => d.severity)).toEqual(["error"]);
  });
});

describe("an env_file entry that names no file", () => {
  it("is its wrong type's finding alone, or a missing path's where a mapping writes none, never a file named true or undefined", async () => {
    const dir = folderWith({
      "compose.yaml":
        "services:\n  api:\n    image: a:1\n    env_file: [true, [x], { path: [y] }, {}, gone.env]\n",
    });
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    const linted = lint(loaded.model!, { sources: loaded.sources });
    const found = [...loaded.diagnostics, ...linted].filter((d) => d.code !== "missing-health-check");
    expect(located(found, loaded.sources)).toEqual([
      "schema-missing-key@4:42",
      "schema-wrong-type@4:16",
      "schema-wrong-type@4:22",
      "schema-wrong-type@4:35",
      "missing-path@4:46",
    ]);
    expect(found.map((d) => d.message).filter((m) => /env_file (?!\.)/.test(m))).toEqual([
      "the env_file entry 4 of 'api' names no path",
      "the env_file gone.env of 'api' is not here, so Compose cannot start it; its variables are left out",
    ]);
  });
});

describe("a build whose context is no text", () => {
  it("is its wrong type's finding alone, never a context named true or NaN that is not here", async () => {
    const { at } = await missing({
      "compose.yaml": [
        "services:",
        "  a: { build: .nan }",
        "  b: { build: true }",
        "  c: { build: { context: [x] } }",
        "  d: { build: { context: ., dockerfile: 1 } }",
        "",
      ].join("\n"),
    });
    expect(at).toEqual([]);
  });
});

describe("a secret's or config's file that is no text", () => {
  it("is its wrong type's finding alone, never a file named 1 or true that is not here", async () => {
    const dir = folderWith({
      "compose.yaml": [
        "services:",
        "  a: { image: a:1 }",
        "secrets:",
        "  password: { file: 1 }",
        "configs:",
        "  proxy: { file: true }",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    const linted = lint(loaded.model!, { sources: loaded.sources });
    const found = [...loaded.diagnostics, ...linted].filter((d) => d.code !== "missing-health-check");
    expect(located(found, loaded.sources)).toEqual(["schema-wrong-type@4:21", "schema-wrong-type@6:18"]);
  });
});
