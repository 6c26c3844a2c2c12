import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitCompose } from "../../src/emit/compose/index.js";
import { loadModelText } from "../../src/load/index.js";
import { runCli } from "../helpers/cli.js";
import { folderWith } from "../helpers/files.js";

const model = `system: { name: Paths }
services:
  app:
    kind: api
    build: { context: ./app, dockerfile: docker/Dockerfile }
    volumes:
      config: { path: /etc/app, type: bind, source: ./config, read-only: true }
      logs: { path: /var/log/app, type: bind, source: /var/log/app }
      home: { path: /root/.cache, type: bind, source: ~/.cache }
  web: { kind: web, build: "https://github.com/example/web.git#main" }
environments:
  dev: { platform: compose, nodes: { laptop: { kind: host, run: [app, web] } } }
`;

function services(folder?: string) {
  const loaded = loadModelText(model, "/srv/paths/deployview.yaml");
  const result = emitCompose(loaded.model!, "dev", folder === undefined ? {} : { folder });
  return parse(result.files.find((f) => f.path === "compose.yaml")!.content).services;
}

describe("the model's relative paths in generated Compose", () => {
  it("are written relative to the folder the compose file goes to, as Compose reads them", () => {
    const { app, web } = services("deploy/dev");
    expect(app.build).toEqual({ context: "../../app", dockerfile: "docker/Dockerfile" });
    expect(app.volumes).toEqual([
      "../../config:/etc/app:ro",
      "/var/log/app:/var/log/app",
      "~/.cache:/root/.cache",
    ]);
    expect(web.build).toBe("https://github.com/example/web.git#main");
    expect(services("app").app.build.context).toBe(".");
    expect(services("../out").app.volumes[0]).toBe("../paths/config:/etc/app:ro");
  });

  it("stay as written for a compose file beside the model", () => {
    expect(services().app.build.context).toBe("./app");
    expect(services(".").app.volumes[0]).toBe("./config:/etc/app:ro");
  });

  it("point where the model meant from the folder deployview compose writes to, or --out names", async () => {
    const root = folderWith({
      "deployview.yaml": model.replace(/ {2}web: .*\n/, "").replace("run: [app, web]", "run: [app]"),
      "app/docker/Dockerfile": "FROM alpine:3.20\n",
      "config/app.conf": "",
    });
    for (const out of [[], ["--out", join(root, "elsewhere/compose")]]) {
      const written = await runCli(["compose", join(root, "deployview.yaml"), "--env", "dev", ...out], root);
      expect(written.code, written.stderr).toBe(0);
      const file = join(root, out.length > 0 ? "elsewhere/compose" : "deploy/dev", "compose.yaml");
      expect(parse(readFileSync(file, "utf8")).services.app.build.context).toMatch(/^\.\.\//);
      const checked = await runCli(["check", file, "--format", "json"], root);
      const codes = JSON.parse(checked.stdout).diagnostics.map((d: { code: string }) => d.code);
      expect(codes).not.toContain("missing-path");
    }
  });
});
